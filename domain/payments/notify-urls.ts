import type { ProviderMethod } from './payment-methods-config';

/** The URL segment of each provider's webhook and sandbox: /api/payments/notify/<slug>, /sandbox/<slug>. */
export const PROVIDER_SLUGS = { alipay: 'alipay', wechat_pay: 'wechat-pay', unionpay: 'unionpay' } as const satisfies Record<ProviderMethod, string>;

export function notifyUrl(origin: string, method: ProviderMethod): string {
  return `${origin}/api/payments/notify/${PROVIDER_SLUGS[method]}`;
}

/** A gateway configured as a path (the sandbox) is reached on this app's own origin. */
export function absoluteUrl(origin: string, url: string): string {
  return url.startsWith('/') ? `${origin}${url}` : url;
}
