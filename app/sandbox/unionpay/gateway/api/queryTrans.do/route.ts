import { serveSandboxApi } from '../../../../_lib/sandbox-route';

/** The sandbox UnionPay queryTrans (back channel, signed form answer). */
export const POST = serveSandboxApi;
