import { receivePaymentNotification } from '@/domain/payments/notifications/receive-notification';
import { PROVIDER_SLUGS } from '@/domain/payments/notify-urls';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { paymentsContextFor } from '@/lib/payments/context';
import { withRequestLog } from '@/lib/log/request-log';

/**
 * Provider notifications (no session: the provider's signature is the authentication):
 * /api/payments/notify/alipay, /wechat-pay, /unionpay. The raw body is passed on untouched, since
 * signatures cover the exact bytes sent.
 */
const METHOD_BY_SLUG = new Map<string, ProviderMethod>(
  Object.entries(PROVIDER_SLUGS).map(([method, slug]) => [slug, method as ProviderMethod]),
);

// one log line per notification (request id, status, duration); the body is never logged
export const POST = withRequestLog(async (request: Request, { params }: { params: Promise<{ provider: string }> }) => {
  const method = METHOD_BY_SLUG.get((await params).provider);
  if (!method) return new Response('not found', { status: 404 });
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const answer = await receivePaymentNotification(paymentsContextFor(request), method, {
    headers,
    body: await request.text(),
  });
  return new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.headers });
});
