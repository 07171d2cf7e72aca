import { serveSandboxApi } from '@/testing/sandboxes/payments/routes';

/** The sandbox UnionPay backTransReq (refunds, txnType 04): answers "accepted", then notifies backUrl. */
export const POST = serveSandboxApi;
