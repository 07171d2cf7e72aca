import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { settings } from '@/db/schema/system';
import { openTestDatabase } from '@/db/testing';
import { getPaymentMethods, viewPaymentMethods } from './get-payment-methods';
import { isSandboxAllowed, PROVIDER_METHODS, secretEnvName, type ProviderMethod } from './payment-methods-config';
import { resolveProvider } from './providers/resolve-provider';
import { plugInPaymentsSandbox } from './providers/sandbox-slot';
import { plugInTestSandbox } from '@/testing/sandboxes/payments/test-transport';
import { updatePaymentMethods, type ProviderInput } from './update-payment-methods';

let handle: DatabaseHandle;
let staffId: number;
const AUTH_SECRET = 'test-auth-secret';
const DEV_ENV = { NODE_ENV: 'test' };
const PROD_ENV = { NODE_ENV: 'production' };

const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const blank = (mode: ProviderInput['mode'], enabled = true): ProviderInput => ({
  enabled,
  mode,
  merchantId: '',
  appId: '',
  gatewayUrl: '',
  merchantSerial: '',
  providerPublicKey: '',
  providerSerial: '',
  rootCertPem: '',
  middleCertPem: '',
  newSecrets: {},
});
const all = (input: ProviderInput) =>
  Object.fromEntries(PROVIDER_METHODS.map((m) => [m, input])) as Record<ProviderMethod, ProviderInput>;

beforeAll(async () => {
  handle = await openTestDatabase();
  staffId = (await createFactories(handle.db, { seed: 4 }).staff({ role: 'admin' })).id;
});
afterAll(async () => handle?.close());

describe('payment methods settings', () => {
  it('the sandbox is allowed in development and tests, refused in production unless PAYMENTS_SANDBOX=1', () => {
    expect(isSandboxAllowed({ NODE_ENV: 'development' })).toBe(true);
    expect(isSandboxAllowed(PROD_ENV)).toBe(false);
    expect(isSandboxAllowed({ NODE_ENV: 'production', PAYMENTS_SANDBOX: '1' })).toBe(true);
  });

  it('defaults to the providers on their sandbox in tests, and off in production', async () => {
    expect((await getPaymentMethods(handle.db, DEV_ENV)).alipay).toMatchObject({ enabled: true, mode: 'sandbox' });
    expect((await getPaymentMethods(handle.db, PROD_ENV)).alipay).toMatchObject({ enabled: false, mode: 'live' });
  });

  it('refuses to save sandbox mode on a production server and changes nothing', async () => {
    const result = await updatePaymentMethods(handle.db, {
      providers: all(blank('sandbox')),
      bankTransfer: true,
      cashOnDelivery: true,
      staffId,
      authSecret: AUTH_SECRET,
      env: PROD_ENV,
    });
    expect(result).toMatchObject({ ok: false, code: 'sandbox_refused' });
    expect(await handle.db.$count(settings)).toBe(0);
    expect(await resolveProvider({ db: handle.db, authSecret: AUTH_SECRET, env: PROD_ENV }, 'alipay')).toMatchObject({
      ok: false,
    });
  });

  it('names every missing live field, then stores a live key sealed and shows it masked', async () => {
    const missing = await updatePaymentMethods(handle.db, {
      providers: { ...all(blank('sandbox')), alipay: blank('live') },
      bankTransfer: true,
      cashOnDelivery: false,
      staffId,
      authSecret: AUTH_SECRET,
      env: DEV_ENV,
    });
    expect(missing.ok ? {} : missing.fieldErrors).toMatchObject({
      'alipay.merchantId': ['payments.settings.validation.required'],
      'alipay.gatewayUrl': ['payments.settings.validation.httpsUrl'],
      'alipay.providerPublicKey': ['payments.settings.validation.publicKey'],
      'alipay.merchantPrivateKey': ['payments.settings.validation.required'],
    });

    const merchant = pem();
    const alipay = pem();
    const live: ProviderInput = {
      ...blank('live'),
      merchantId: '2021000000000042',
      gatewayUrl: 'https://openapi.alipay.com/gateway.do',
      providerPublicKey: alipay.publicKey,
      newSecrets: { merchantPrivateKey: merchant.privateKey },
    };
    const saved = await updatePaymentMethods(handle.db, {
      providers: { ...all(blank('sandbox')), alipay: live },
      bankTransfer: true,
      cashOnDelivery: false,
      staffId,
      authSecret: AUTH_SECRET,
      env: DEV_ENV,
    });
    expect(saved.ok).toBe(true);
    const [row] = await handle.db.select().from(settings);
    expect(JSON.stringify(row.value)).not.toContain(merchant.privateKey.split('\n')[1]);

    const view = viewPaymentMethods(await getPaymentMethods(handle.db, DEV_ENV), DEV_ENV);
    expect(view.alipay.secrets.merchantPrivateKey).toMatchObject({ source: 'stored' });
    expect(view.alipay.secrets.merchantPrivateKey.masked).toMatch(/^••••.{4}$/);
    expect(view.cash_on_delivery.enabled).toBe(false);

    const resolved = await resolveProvider({ db: handle.db, authSecret: AUTH_SECRET, env: DEV_ENV }, 'alipay');
    expect(resolved.ok && resolved.data.config.merchantPrivateKeyPem).toBe(merchant.privateKey.trim());
    // sealed under another AUTH_SECRET the key cannot be read: not configured, never garbage
    expect(await resolveProvider({ db: handle.db, authSecret: 'other', env: DEV_ENV }, 'alipay')).toMatchObject({
      ok: false,
      code: 'not_configured',
    });
    // the environment wins over what is stored
    const envKey = pem().privateKey;
    const fromEnv = await resolveProvider(
      {
        db: handle.db,
        authSecret: AUTH_SECRET,
        env: { ...DEV_ENV, [secretEnvName('alipay', 'merchantPrivateKey')]: envKey },
      },
      'alipay',
    );
    expect(fromEnv.ok && fromEnv.data.config.merchantPrivateKeyPem).toBe(envKey);
    expect(secretEnvName('wechat_pay', 'apiV3Key')).toBe('PAYMENTS_WECHAT_PAY_API_V3_KEY');
  });

  it('sandbox mode resolves to keys generated once and kept', async () => {
    const ctx = { db: handle.db, authSecret: AUTH_SECRET, env: DEV_ENV };
    // no sandbox plugged in: sandbox mode is simply unavailable
    plugInPaymentsSandbox(undefined);
    expect(await resolveProvider(ctx, 'wechat_pay')).toMatchObject({ ok: false, code: 'sandbox_refused' });
    plugInTestSandbox();
    const [a, b] = await Promise.all([resolveProvider(ctx, 'wechat_pay'), resolveProvider(ctx, 'wechat_pay')]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.data.config.mode).toBe('sandbox');
    expect(a.data.config.apiV3Key).toHaveLength(32);
    expect(b.data.config.merchantPrivateKeyPem).toBe(a.data.config.merchantPrivateKeyPem);
    expect(a.data.config.gatewayUrl).toBe('http://127.0.0.1:3000/sandbox/wechat-pay');
  });
});
