import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import { generateSandboxKeyPair, generateSandboxProviderKeys, type SandboxProviderKeys } from '@/domain/payments/providers/sandbox-keys';
import type { UnionPayTrust } from '@/domain/payments/providers/unionpay';
import { fail, ok, type Result } from '@/domain/shared/result';
import type { GatewayTransport } from './providers/types';

/**
 * Where refunds are sent and with which keys: THE one place refunds read payment configuration.
 * On this branch only the built-in sandbox is configured (keys generated on first run and kept in
 * the settings table); when the payment method settings exist, this module reads them instead.
 */
export interface RefundGatewayConfig {
  isSandbox: boolean;
  /** the console's own public base URL: providers send refund notifications below it */
  consoleBaseUrl: string;
  alipay: { gatewayUrl: string; appId: string; merchantPrivateKeyPem: string; alipayPublicKeyPem: string };
  wechat: {
    apiBaseUrl: string; appId: string; mchId: string; merchantSerial: string; merchantPrivateKeyPem: string;
    platformPublicKeyPem: string; platformSerial: string; apiV3Key: string;
  };
  unionpay: { backTransUrl: string; queryTransUrl: string; merId: string; certId: string; merchantPrivateKeyPem: string; trust: UnionPayTrust };
  transport: GatewayTransport;
}

/** Identifiers the sandbox plays with (UnionPay's published test merchant, WeChat's documentation ids). */
export const SANDBOX_IDS = {
  alipayAppId: '2021000000000001',
  wechatAppId: 'wxd678efh567hg6787',
  wechatMchId: '1900000109',
  wechatMerchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  wechatPlatformSerial: '3775B6A45ACD588826D15E583A95F5DD2E3F1E2C',
  unionPayMerId: '777290058110048',
  unionPayCertId: '69629715588',
} as const;

const SANDBOX_KEYS_SETTING = 'refund_sandbox_keys';

const ZKeyPair = z.object({ privateKeyPem: z.string().min(1), publicKeyPem: z.string().min(1) });
const ZSandboxKeys = z.object({
  alipayGateway: ZKeyPair, alipayMerchant: ZKeyPair, wechatPlatform: ZKeyPair, wechatMerchant: ZKeyPair,
  wechatApiV3Key: z.string().length(32), unionPayGateway: ZKeyPair,
  /** the merchant's UnionPay signing key (the sandbox verifies refund requests with its public half) */
  unionPayMerchant: ZKeyPair,
});
export type RefundSandboxKeys = SandboxProviderKeys & z.infer<typeof ZSandboxKeys>;

/** The sandbox is on in development and tests, and in production only with PAYMENTS_SANDBOX=1. */
export function isSandboxEnabled(): boolean {
  if (process.env.PAYMENTS_SANDBOX === '0') return false;
  return process.env.NODE_ENV !== 'production' || process.env.PAYMENTS_SANDBOX === '1';
}

/** The console's base URL as providers reach it: PAYMENTS_BASE_URL, else this server on loopback. */
export function consoleBaseUrl(): string {
  return (process.env.PAYMENTS_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`).replace(/\/+$/, '');
}

/**
 * The sandbox's keys, generated once per database: the first caller's insert wins
 * (ON CONFLICT DO NOTHING) and everyone reads the stored row, so every process agrees.
 */
export async function getRefundSandboxKeys(db: Database): Promise<RefundSandboxKeys> {
  const read = async () => {
    const [row] = await queryRows<{ value: unknown }>(db, sql`select value from settings where key = ${SANDBOX_KEYS_SETTING}`);
    const parsed = row ? ZSandboxKeys.safeParse(row.value) : undefined;
    return parsed?.success ? parsed.data : undefined;
  };
  const stored = await read();
  if (stored) return stored;
  const generated = { ...(await generateSandboxProviderKeys()), unionPayMerchant: await generateSandboxKeyPair() };
  await db.insert(settings).values({ key: SANDBOX_KEYS_SETTING, value: generated }).onConflictDoNothing();
  const winner = await read();
  if (!winner) throw new Error('sandbox refund keys could not be stored');
  return winner;
}

const fetchTransport: GatewayTransport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: await response.text() };
};

/** Failure code: `not_configured`: no live keys and the sandbox is off. */
export async function getRefundGatewayConfig(
  db: Database,
  overrides: { transport?: GatewayTransport; baseUrl?: string } = {},
): Promise<Result<RefundGatewayConfig, 'not_configured'>> {
  if (!isSandboxEnabled()) return fail('not_configured', 'No live payment gateway is configured for refunds and the sandbox is off');
  const keys = await getRefundSandboxKeys(db);
  const base = overrides.baseUrl ?? consoleBaseUrl();
  return ok({
    isSandbox: true,
    consoleBaseUrl: base,
    alipay: {
      gatewayUrl: `${base}/sandbox/alipay/refund`, appId: SANDBOX_IDS.alipayAppId,
      merchantPrivateKeyPem: keys.alipayMerchant.privateKeyPem, alipayPublicKeyPem: keys.alipayGateway.publicKeyPem,
    },
    wechat: {
      apiBaseUrl: `${base}/sandbox/wechat-pay/refund`, appId: SANDBOX_IDS.wechatAppId, mchId: SANDBOX_IDS.wechatMchId,
      merchantSerial: SANDBOX_IDS.wechatMerchantSerial, merchantPrivateKeyPem: keys.wechatMerchant.privateKeyPem,
      platformPublicKeyPem: keys.wechatPlatform.publicKeyPem, platformSerial: SANDBOX_IDS.wechatPlatformSerial, apiV3Key: keys.wechatApiV3Key,
    },
    unionpay: {
      backTransUrl: `${base}/sandbox/unionpay/refund/back-trans`, queryTransUrl: `${base}/sandbox/unionpay/refund/query-trans`,
      merId: SANDBOX_IDS.unionPayMerId, certId: SANDBOX_IDS.unionPayCertId, merchantPrivateKeyPem: keys.unionPayMerchant.privateKeyPem,
      trust: { kind: 'public-key', publicKeyPem: keys.unionPayGateway.publicKeyPem },
    },
    transport: overrides.transport ?? fetchTransport,
  });
}

/** Where each provider sends refund notifications. */
export function refundNotifyUrl(config: RefundGatewayConfig, provider: 'wechat-pay' | 'unionpay'): string {
  return `${config.consoleBaseUrl}/api/payments/refund-notify/${provider}`;
}
