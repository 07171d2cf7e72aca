import { receivePaymentNotification } from '@/domain/payments/notifications/receive-notification';
import { PROVIDER_SLUGS } from '@/domain/payments/notify-urls';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { notificationRoute } from '@/lib/payments/notification-route';

/** Payment notifications: /api/payments/notify/alipay, /wechat-pay, /unionpay. */
const METHOD_BY_SLUG = new Map<string, ProviderMethod>(
  Object.entries(PROVIDER_SLUGS).map(([method, slug]) => [slug, method as ProviderMethod]),
);

export const POST = notificationRoute(
  (slug) => METHOD_BY_SLUG.get(slug),
  (ctx, method, notification) => receivePaymentNotification(ctx, method, notification),
);
