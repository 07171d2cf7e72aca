import { NextResponse } from 'next/server';
import { handleRefundNotification, ZRefundNotifyProvider } from '@/domain/payments/refunds/refund-notify';
import { withRequestLog } from '@/lib/log/request-log';
import { paymentsContextFor } from '@/lib/payments/context';

/**
 * Refund notifications from WeChat Pay (REFUND.*) and UnionPay (backUrl of a txnType 04 refund).
 * The raw body is read once and verified as the provider signed it; see handleRefundNotification.
 */
// one log line per notification (request id, status, duration); the body is never logged
export const POST = withRequestLog(async (request: Request, { params }: { params: Promise<{ provider: string }> }) => {
  const provider = ZRefundNotifyProvider.safeParse((await params).provider);
  if (!provider.success) return new NextResponse(null, { status: 404 });
  const reply = await handleRefundNotification(paymentsContextFor(request), {
    provider: provider.data,
    headers: Object.fromEntries(request.headers.entries()),
    body: await request.text(),
  });
  return new NextResponse(reply.body || null, { status: reply.status, headers: reply.headers });
});
