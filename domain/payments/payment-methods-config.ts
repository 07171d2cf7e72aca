import { z } from 'zod';
import type { PaymentMethod } from '@/db/schema/payments';

/**
 * Which payment methods a store takes and how each provider is reached. Stored as one settings
 * row (`payment_methods`); provider secrets inside it are sealed (secret-box.ts) or come from the
 * environment, and are never sent back to a browser in full.
 */
export const PROVIDER_METHODS = ['alipay', 'wechat_pay', 'unionpay'] as const satisfies readonly PaymentMethod[];
export type ProviderMethod = (typeof PROVIDER_METHODS)[number];
export const MANUAL_METHODS = ['bank_transfer', 'cash_on_delivery'] as const satisfies readonly PaymentMethod[];
export type ManualMethod = (typeof MANUAL_METHODS)[number];

export const PROVIDER_MODES = ['sandbox', 'live'] as const;
export type ProviderMode = (typeof PROVIDER_MODES)[number];

/** The secrets each provider needs: the merchant's request-signing key, and WeChat Pay's APIv3 key. */
export const SECRET_NAMES = {
  alipay: ['merchantPrivateKey'],
  wechat_pay: ['merchantPrivateKey', 'apiV3Key'],
  unionpay: ['merchantPrivateKey'],
} as const satisfies Record<ProviderMethod, readonly string[]>;
export type SecretName = (typeof SECRET_NAMES)[ProviderMethod][number];

/** Environment variables that, when set, win over a stored secret (PEM newlines may be written as \n). */
export function secretEnvName(method: ProviderMethod, name: SecretName): string {
  const suffix = { merchantPrivateKey: 'MERCHANT_PRIVATE_KEY', apiV3Key: 'API_V3_KEY' }[name];
  return `PAYMENTS_${method.toUpperCase()}_${suffix}`;
}

export const ZSealedSecret = z.object({ sealed: z.string().min(1), hint: z.string() });

export const ZProviderSettings = z.object({
  enabled: z.boolean(),
  mode: z.enum(PROVIDER_MODES),
  /** Alipay app_id, WeChat Pay mchid, UnionPay merId */
  merchantId: z.string().default(''),
  /** WeChat Pay appid (the official account / app the payment belongs to) */
  appId: z.string().default(''),
  /** live gateway: Alipay openapi URL, WeChat Pay API base, UnionPay frontTransReq URL */
  gatewayUrl: z.string().default(''),
  /** WeChat Pay merchant certificate serial / UnionPay signing certId */
  merchantSerial: z.string().default(''),
  /** Alipay public key / WeChat Pay platform public key (SPKI PEM) */
  providerPublicKey: z.string().default(''),
  /** WeChat Pay platform key serial (Wechatpay-Serial) */
  providerSerial: z.string().default(''),
  /** UnionPay live trust chain (acp_prod_root.cer, acp_prod_middle.cer) */
  rootCertPem: z.string().default(''),
  middleCertPem: z.string().default(''),
  secrets: z.record(z.string(), ZSealedSecret).default({}),
});
export type TProviderSettings = z.infer<typeof ZProviderSettings>;

export const ZPaymentMethodsSettings = z.object({
  alipay: ZProviderSettings,
  wechat_pay: ZProviderSettings,
  unionpay: ZProviderSettings,
  bank_transfer: z.object({ enabled: z.boolean() }),
  cash_on_delivery: z.object({ enabled: z.boolean() }),
});
export type TPaymentMethodsSettings = z.infer<typeof ZPaymentMethodsSettings>;

export const PAYMENT_METHODS_SETTING_KEY = 'payment_methods';

export type PaymentsEnv = Readonly<Record<string, string | undefined>>;

/**
 * The sandbox plays real providers with test keys: fine in development and tests, refused in
 * production unless PAYMENTS_SANDBOX=1 says so explicitly (the demo and the e2e server do).
 */
export function isSandboxAllowed(env: PaymentsEnv): boolean {
  return env.NODE_ENV !== 'production' || env.PAYMENTS_SANDBOX === '1';
}

const emptyProvider = (enabled: boolean, mode: ProviderMode): TProviderSettings =>
  ZProviderSettings.parse({ enabled, mode });

/** Before anyone saves Settings: the providers on their sandbox where it is allowed, off otherwise. */
export function defaultPaymentMethods(env: PaymentsEnv): TPaymentMethodsSettings {
  const sandbox = isSandboxAllowed(env);
  const provider = () => emptyProvider(sandbox, sandbox ? 'sandbox' : 'live');
  return {
    alipay: provider(),
    wechat_pay: provider(),
    unionpay: provider(),
    bank_transfer: { enabled: true },
    cash_on_delivery: { enabled: true },
  };
}
