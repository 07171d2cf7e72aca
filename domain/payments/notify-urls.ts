import type { PaymentsEnv, ProviderMethod } from './payment-methods-config';

/** The URL segment of each provider's webhook and sandbox: /api/payments/notify/<slug>, /sandbox/<slug>. */
export const PROVIDER_SLUGS = {
  alipay: 'alipay',
  wechat_pay: 'wechat-pay',
  unionpay: 'unionpay',
} as const satisfies Record<ProviderMethod, string>;

export function notifyUrl(origin: string, method: ProviderMethod): string {
  return `${origin}/api/payments/notify/${PROVIDER_SLUGS[method]}`;
}

export function refundNotifyUrl(origin: string, method: ProviderMethod): string {
  return `${origin}/api/payments/refund-notify/${PROVIDER_SLUGS[method]}`;
}

/**
 * The origin providers notify and buyers return to, from configuration only (a request's Host or
 * X-Forwarded-Host is the caller's to choose, so it never names where signed notifications go):
 * PAYMENTS_PUBLIC_URL, else this server's own address (PAYMENTS_SERVER_ORIGIN, or loopback on PORT),
 * which is only good enough for development, the e2e server and the sandbox.
 */
export function paymentsOrigin(env: PaymentsEnv): { origin: string; isPublicUrl: boolean } {
  const configured = env.PAYMENTS_PUBLIC_URL?.trim().replace(/\/+$/, '');
  if (configured) return { origin: configured, isPublicUrl: true };
  const server = env.PAYMENTS_SERVER_ORIGIN?.trim().replace(/\/+$/, '') || `http://127.0.0.1:${env.PORT ?? '3000'}`;
  return { origin: server, isPublicUrl: false };
}
