import { inArray } from 'drizzle-orm';
import { CachedStatement, type Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import { fail, ok, type Result } from '@/domain/shared/result';
import { parsePaymentMethods } from './get-payment-methods';
import { isSandboxAllowed, PAYMENT_METHODS_SETTING_KEY, SECRET_NAMES, secretEnvName, type PaymentsEnv, type ProviderMethod, type ProviderMode } from './payment-methods-config';
import type { UnionPayTrust } from './providers/unionpay';
import { getSandboxKeys, SANDBOX_KEYS_SETTING_KEY } from './sandbox/sandbox-keys-store';
import { SANDBOX_GATEWAY_PATHS, SANDBOX_MERCHANTS } from './sandbox/sandbox-merchants';
import { openSecret } from './secret-box';

/** What the payments code needs from the app: the database, AUTH_SECRET (sealed secrets), the environment. */
export interface PaymentsContext {
  db: Database;
  authSecret: string;
  env: PaymentsEnv;
}

/** Everything needed to talk to one provider, keys opened. */
export interface ProviderCredentials {
  method: ProviderMethod;
  mode: ProviderMode;
  merchantId: string;
  appId: string;
  /** absolute for live; a path in this app for the sandbox */
  gatewayUrl: string;
  merchantSerial: string;
  providerSerial: string;
  merchantPrivateKeyPem: string;
  /** Alipay / WeChat Pay key that signs what the provider sends */
  providerPublicKeyPem: string;
  apiV3Key: string;
  /** how UnionPay messages are trusted; the certificate check needs the time of the check */
  unionPayTrust: (now: Date) => UnionPayTrust;
}

/**
 * Failure codes: `disabled` (the method is off in Settings and `requireEnabled` was asked),
 * `sandbox_refused` (sandbox mode on a production server without PAYMENTS_SANDBOX=1),
 * `not_configured` (a live secret cannot be read: missing, or sealed under another AUTH_SECRET).
 */
export type ResolveProviderError = 'disabled' | 'sandbox_refused' | 'not_configured';

const readPaymentSettings = new CachedStatement('payments_settings', (db) => ({
  body: db.select({ key: settings.key, value: settings.value }).from(settings)
    .where(inArray(settings.key, [PAYMENT_METHODS_SETTING_KEY, SANDBOX_KEYS_SETTING_KEY])).getSQL(),
  columns: ['key', 'value'],
}));

const fromEnv = (value: string | undefined) => value?.replace(/\\n/g, '\n');

/**
 * The provider's settings with keys opened. Notifications resolve without `requireEnabled`: money
 * taken on an attempt made before the method was switched off must still be recorded.
 */
export async function resolveProvider(ctx: PaymentsContext, method: ProviderMethod, options: { requireEnabled?: boolean } = {}): Promise<Result<ProviderCredentials, ResolveProviderError>> {
  // one prepared read for both rows: this runs for every notification
  const rows = await readPaymentSettings.rows<{ key: string; value: unknown }>(ctx.db, {});
  const config = parsePaymentMethods(rows.find((r) => r.key === PAYMENT_METHODS_SETTING_KEY)?.value, ctx.env)[method];
  if (options.requireEnabled && !config.enabled) return fail('disabled', `${method} is switched off in Settings`);
  if (config.mode === 'sandbox') {
    if (!isSandboxAllowed(ctx.env)) return fail('sandbox_refused', 'The payment sandbox is refused on a production server unless PAYMENTS_SANDBOX=1');
    const keys = await getSandboxKeys(ctx.db, ctx.authSecret, { value: rows.find((r) => r.key === SANDBOX_KEYS_SETTING_KEY)?.value });
    const merchant = SANDBOX_MERCHANTS[method];
    const pairs = {
      alipay: { merchant: keys.alipayMerchant, provider: keys.alipayGateway },
      wechat_pay: { merchant: keys.wechatMerchant, provider: keys.wechatPlatform },
      unionpay: { merchant: keys.unionPayMerchant, provider: keys.unionPayGateway },
    }[method];
    return ok({
      method, mode: 'sandbox', merchantId: merchant.merchantId, appId: merchant.appId, gatewayUrl: SANDBOX_GATEWAY_PATHS[method],
      merchantSerial: merchant.merchantSerial, providerSerial: merchant.providerSerial,
      merchantPrivateKeyPem: pairs.merchant.privateKeyPem, providerPublicKeyPem: pairs.provider.publicKeyPem, apiV3Key: keys.wechatApiV3Key,
      unionPayTrust: () => ({ kind: 'public-key', publicKeyPem: keys.unionPayGateway.publicKeyPem }),
    });
  }

  const secrets: Record<string, string> = {};
  for (const name of SECRET_NAMES[method]) {
    const value = fromEnv(ctx.env[secretEnvName(method, name)]) ?? (config.secrets[name] ? openSecret(config.secrets[name], ctx.authSecret) : undefined);
    if (!value) return fail('not_configured', `${method} ${name} is not set (Settings or ${secretEnvName(method, name)})`);
    secrets[name] = value;
  }
  return ok({
    method, mode: 'live', merchantId: config.merchantId, appId: config.appId, gatewayUrl: config.gatewayUrl,
    merchantSerial: config.merchantSerial, providerSerial: config.providerSerial,
    merchantPrivateKeyPem: secrets.merchantPrivateKey, providerPublicKeyPem: config.providerPublicKey, apiV3Key: secrets.apiV3Key ?? '',
    unionPayTrust: (now) => ({ kind: 'certificate', rootCertPem: config.rootCertPem, intermediateCertPem: config.middleCertPem, now }),
  });
}
