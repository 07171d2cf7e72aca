import { openUnionPayCashier } from '@/testing/sandboxes/payments/routes';

/** The sandbox UnionPay front gateway: the buyer's browser posts the merchant's signed form here. */
export const POST = openUnionPayCashier;
