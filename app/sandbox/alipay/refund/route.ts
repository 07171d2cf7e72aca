import { getDb } from '@/db/client';
import { handleAlipaySandboxRefund } from '@/domain/payments/sandbox/refunds/alipay';
import { runRefundSandbox } from '../../_lib/refund-sandbox-route';

/** Sandbox Alipay gateway for alipay.trade.refund and alipay.trade.fastpay.refund.query. */
export async function POST(request: Request) {
  const body = await request.text();
  return runRefundSandbox((keys) => handleAlipaySandboxRefund(getDb(), keys, body));
}
