import { getDb } from '@/db/client';
import { WECHAT_REFUNDS_PATH } from '@/domain/payments/refunds/providers/wechat-pay';
import { handleWechatSandboxRefund } from '@/domain/payments/sandbox/refunds/wechat-pay';
import { headersOf, runRefundSandbox } from '../../../../../../../_lib/refund-sandbox-route';

/** Sandbox WeChat Pay GET /v3/refund/domestic/refunds/{out_refund_no}. */
export async function GET(request: Request, { params }: { params: Promise<{ outRefundNo: string }> }) {
  const { outRefundNo } = await params;
  const path = `${WECHAT_REFUNDS_PATH}/${encodeURIComponent(outRefundNo)}`;
  return runRefundSandbox((keys) => handleWechatSandboxRefund(getDb(), keys, { method: 'GET', path, headers: headersOf(request), body: '' }));
}
