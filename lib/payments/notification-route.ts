import type { NotificationAnswer } from '@/domain/payments/providers/types';
import type { PaymentsRequestContext } from '@/domain/payments/providers/resolve-provider';
import { withRequestLog } from '@/lib/log/request-log';
import { paymentsContextFor } from './context';

/** A provider's notification as it arrived: every header, and the raw body its signature covers. */
export interface ReceivedNotification {
  headers: Record<string, string>;
  body: string;
}

/**
 * The POST handler of a provider notification endpoint, /api/payments/<kind>/<provider slug>: no
 * session (the provider's signature is the authentication), the raw body passed on untouched, the
 * receiver's answer sent back as the provider expects it. One log line per notification (request
 * id, status, duration); the body is never logged.
 */
export function notificationRoute<P>(
  providerOf: (slug: string) => P | undefined,
  receive: (
    ctx: PaymentsRequestContext,
    provider: P,
    notification: ReceivedNotification,
  ) => Promise<NotificationAnswer>,
) {
  return withRequestLog(async (request: Request, { params }: { params: Promise<{ provider: string }> }) => {
    const provider = providerOf((await params).provider);
    if (provider === undefined) return new Response('not found', { status: 404 });
    const answer = await receive(paymentsContextFor(request), provider, {
      headers: Object.fromEntries(request.headers.entries()),
      body: await request.text(),
    });
    return new Response(answer.status === 204 || !answer.body ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  });
}
