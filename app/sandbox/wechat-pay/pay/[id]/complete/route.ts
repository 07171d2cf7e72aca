import { completeRoute } from '@/testing/sandboxes/payments/routes';

/** The sandbox cashier's Pay / Fail / Abandon. */
export const POST = completeRoute('wechat_pay');
