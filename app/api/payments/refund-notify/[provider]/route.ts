import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { getRefundGatewayConfig } from '@/domain/payments/refunds/gateway-config';
import { handleRefundNotification, ZRefundNotifyProvider } from '@/domain/payments/refunds/refund-notify';
import { withRequestLog } from '@/lib/log/request-log';

/**
 * Refund notifications from WeChat Pay (REFUND.*) and UnionPay (backUrl of a txnType 04 refund).
 * The raw body is read once and verified as the provider signed it; see handleRefundNotification.
 */
// one log line per notification (request id, status, duration); the body is never logged
export const POST = withRequestLog(async (request: Request, { params }: { params: Promise<{ provider: string }> }) => {
  const provider = ZRefundNotifyProvider.safeParse((await params).provider);
  if (!provider.success) return new NextResponse(null, { status: 404 });
  const db = getDb();
  const config = await getRefundGatewayConfig(db);
  if (!config.ok) return NextResponse.json({ code: 'FAIL', message: config.message }, { status: 503 });
  const reply = await handleRefundNotification(db, {
    provider: provider.data, headers: Object.fromEntries(request.headers.entries()), body: await request.text(), config: config.data,
  });
  return new NextResponse(reply.body || null, { status: reply.status, headers: reply.headers });
});
