import { getDb } from '@/db/client';
import { WECHAT_REFUNDS_PATH } from '@/domain/payments/refunds/providers/wechat-pay';
import { handleWechatSandboxRefund } from '@/domain/payments/sandbox/refunds/wechat-pay';
import { headersOf, runRefundSandbox } from '../../../../../../_lib/refund-sandbox-route';

/** Sandbox WeChat Pay POST /v3/refund/domestic/refunds. */
export async function POST(request: Request) {
  const body = await request.text();
  return runRefundSandbox((keys) => handleWechatSandboxRefund(getDb(), keys, { method: 'POST', path: WECHAT_REFUNDS_PATH, headers: headersOf(request), body }));
}
