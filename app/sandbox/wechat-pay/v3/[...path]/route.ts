import { serveSandboxApi } from '@/testing/sandboxes/payments/routes';

/** The sandbox WeChat Pay API v3 (native order, query by out_trade_no, refunds), signed answers. */
export const GET = serveSandboxApi;
export const POST = serveSandboxApi;
