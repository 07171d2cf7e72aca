import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { paymentsOrigin } from '@/domain/payments/notify-urls';
import type { SandboxProviderSource } from '@/domain/payments/providers/sandbox-slot';
import type { ProviderTransport } from '@/domain/payments/providers/transport';
import type { ProviderConfig } from '@/domain/payments/providers/types';
import { handleSandboxApi } from './api';
import { getSandboxKeys } from './keys-store';
import { SANDBOX_GATEWAY_PATHS, SANDBOX_MERCHANTS } from './merchants';
import type { SandboxNotification, SandboxWorld } from './world';

/** The configuration a merchant would type in for this sandbox world: its ids, its keys, its gateways. */
export function sandboxConfig(
  world: SandboxWorld,
  method: ProviderMethod,
  mode: ProviderConfig['mode'] = 'sandbox',
): ProviderConfig {
  const merchant = world.merchants[method];
  const { keys } = world;
  const pair = {
    alipay: { merchant: keys.alipayMerchant, provider: keys.alipayGateway },
    wechat_pay: { merchant: keys.wechatMerchant, provider: keys.wechatPlatform },
    unionpay: { merchant: keys.unionPayMerchant, provider: keys.unionPayGateway },
  }[method];
  return {
    method,
    mode,
    merchantId: merchant.merchantId,
    appId: merchant.appId,
    gatewayUrl: `${world.baseUrl}${SANDBOX_GATEWAY_PATHS[method]}`,
    merchantSerial: merchant.merchantSerial,
    providerSerial: merchant.providerSerial,
    merchantPrivateKeyPem: pair.merchant.privateKeyPem,
    providerPublicKeyPem: pair.provider.publicKeyPem,
    apiV3Key: keys.wechatApiV3Key,
    unionPayTrust: () => ({ kind: 'public-key', publicKeyPem: keys.unionPayGateway.publicKeyPem }),
  };
}

/** Sends a provider's notification the way the provider would; the app's sandbox posts it over HTTP. */
export type NotificationDelivery = (notification: SandboxNotification) => void;

/** The sandbox answered in-process: its API handlers, with any notification handed to `deliver`. */
export function sandboxTransport(world: SandboxWorld, deliver: NotificationDelivery): ProviderTransport {
  return async (request) => {
    const exchange = await handleSandboxApi(world, request);
    if (exchange.notification) deliver(exchange.notification);
    return exchange.response;
  };
}

export async function appSandboxWorld(ctx: {
  db: SandboxWorld['db'];
  authSecret: string;
  env: Readonly<Record<string, string | undefined>>;
  origin?: string;
}): Promise<SandboxWorld> {
  return {
    db: ctx.db,
    keys: await getSandboxKeys(ctx.db, ctx.authSecret),
    merchants: SANDBOX_MERCHANTS,
    baseUrl: ctx.origin ?? paymentsOrigin(ctx.env).origin,
  };
}

/** The sandbox as a source of provider configuration, plugged into resolveProvider by the composition root. */
export function sandboxProviderSource(deliver: NotificationDelivery): SandboxProviderSource {
  return {
    async resolve(ctx, method) {
      const world = await appSandboxWorld(ctx);
      return { config: sandboxConfig(world, method), transport: sandboxTransport(world, deliver) };
    },
  };
}

const NOTIFY_ATTEMPTS = 3;

/** Posts a notification after the current answer, retrying briefly until acknowledged, as a provider would. */
export const deliverOverHttp: NotificationDelivery = (notification) => {
  const send = async () => {
    for (let attempt = 1; attempt <= NOTIFY_ATTEMPTS; attempt++) {
      try {
        const response = await fetch(notification.url, {
          method: 'POST',
          headers: notification.headers,
          body: notification.body,
          signal: AbortSignal.timeout(5_000),
        });
        if (response.ok) return;
      } catch {
        // unreachable: try again, as the provider would
      }
      await new Promise((resolve) => setTimeout(resolve, attempt * 500).unref());
    }
  };
  setTimeout(() => void send(), 50).unref();
};
