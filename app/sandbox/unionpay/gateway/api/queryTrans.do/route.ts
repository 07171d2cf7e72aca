import { serveSandboxApi } from '@/testing/sandboxes/payments/routes';

/** The sandbox UnionPay queryTrans (back channel, signed form answer), for trades and refunds. */
export const POST = serveSandboxApi;
