import { serveSandboxApi } from '../../../_lib/sandbox-route';

/** The sandbox WeChat Pay API v3 (native order, query by out_trade_no), signed answers. */
export const GET = serveSandboxApi;
export const POST = serveSandboxApi;
