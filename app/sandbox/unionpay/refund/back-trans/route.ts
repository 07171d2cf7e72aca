import { getDb } from '@/db/client';
import { handleUnionPaySandboxRefund } from '@/domain/payments/sandbox/refunds/unionpay';
import { runRefundSandbox } from '../../../_lib/refund-sandbox-route';

/** Sandbox UnionPay backTransReq (refunds, txnType 04). */
export async function POST(request: Request) {
  const body = await request.text();
  return runRefundSandbox((keys) => handleUnionPaySandboxRefund(getDb(), keys, 'back-trans', body));
}
