import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { Factories } from '@/testing/factories/factories';
import { orders } from '@/db/schema/orders';
import { payments, refunds, type Payment } from '@/db/schema/payments';
import { settings } from '@/db/schema/system';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { FINANCE, paymentsFactories, pendingOrder } from '@/testing/payments-testing';
import { startPaymentsHttpFake, type PaymentsHttpFake } from '@/testing/sandboxes/payments/http-fake';
import { generateSandboxKeyPair, generateSandboxProviderKeys } from '@/testing/sandboxes/payments/keys';
import type { SandboxMerchants } from '@/testing/sandboxes/payments/merchants';
import { makeUnionPayTestPki } from '@/testing/sandboxes/payments/unionpay-test-certs';
import { createPaymentAttempt } from './attempts';
import { receivePaymentNotification } from './notifications/receive-notification';
import { PROVIDER_SLUGS } from './notify-urls';
import { PAYMENT_METHODS_SETTING_KEY, secretEnvName, type ProviderMethod } from './payment-methods-config';
import type { PaymentsRequestContext } from './providers/resolve-provider';
import { plugInPaymentsSandbox } from './providers/sandbox-slot';
import { fetchTransport } from './providers/transport';
import { providerTradeQuery } from './reconciliation/provider-ports';
import { reconcilePayments } from './reconciliation/reconcile-payments';
import { handleRefundNotification } from './refunds/refund-notify';
import { requestRefund } from './refunds/request-refund';
import { submitRefund } from './refunds/submit-refund';

// Live mode end to end: the console holds live keys (env + Settings) for a provider that is not the
// sandbox: the sandbox's handlers behind a real HTTP server, with their own keys, ids and base URL.
let handle: DatabaseHandle;
let f: Factories;
let fake: PaymentsHttpFake;
let ctx: PaymentsRequestContext;
const PUBLIC_URL = 'https://shop.example';
const MERCHANTS: SandboxMerchants = {
  alipay: { merchantId: '2021004100000777', appId: '', merchantSerial: '', providerSerial: '', name: 'live fake' },
  wechat_pay: {
    merchantId: '1230000777',
    appId: 'wxlivefake0000777',
    merchantSerial: 'LIVEMERCHANTSERIAL0777',
    providerSerial: 'LIVEPLATFORMSERIAL0777',
    name: 'live fake',
  },
  unionpay: {
    merchantId: '898310000000777',
    appId: '',
    merchantSerial: '40000777',
    providerSerial: '',
    name: 'live fake',
  },
};
const GATEWAY_PATHS = {
  alipay: '/sandbox/alipay/gateway.do',
  wechat_pay: '/sandbox/wechat-pay',
  unionpay: '/sandbox/unionpay/gateway/api/frontTransReq.do',
};

beforeAll(async () => {
  handle = await openTestDatabase();
  f = paymentsFactories(handle, 7117);
  const [providerKeys, unionPayMerchant] = await Promise.all([generateSandboxProviderKeys(), generateSandboxKeyPair()]);
  const pki = makeUnionPayTestPki('Live fake UnionPay');
  const keys = {
    ...providerKeys,
    unionPayMerchant,
    unionPayGateway: { privateKeyPem: pki.signKeyPem, publicKeyPem: '' },
  };
  fake = await startPaymentsHttpFake({
    db: handle.db,
    keys,
    merchants: MERCHANTS,
    unionPaySignCertPem: pki.signCertPem,
  });
  // no sandbox anywhere: only the live configuration can reach a provider
  plugInPaymentsSandbox(undefined);
  const live = (method: ProviderMethod, providerPublicKey: string) => ({
    enabled: true,
    mode: 'live',
    merchantId: MERCHANTS[method].merchantId,
    appId: MERCHANTS[method].appId,
    gatewayUrl: `${fake.baseUrl}${GATEWAY_PATHS[method]}`,
    merchantSerial: MERCHANTS[method].merchantSerial,
    providerPublicKey,
    providerSerial: MERCHANTS[method].providerSerial,
    rootCertPem: method === 'unionpay' ? pki.rootCertPem : '',
    middleCertPem: method === 'unionpay' ? pki.intermediateCertPem : '',
    secrets: {},
  });
  await handle.db.insert(settings).values({
    key: PAYMENT_METHODS_SETTING_KEY,
    value: {
      alipay: live('alipay', keys.alipayGateway.publicKeyPem),
      wechat_pay: live('wechat_pay', keys.wechatPlatform.publicKeyPem),
      unionpay: live('unionpay', ''),
      bank_transfer: { enabled: true },
      cash_on_delivery: { enabled: true },
    },
  });
  const env = {
    NODE_ENV: 'production',
    PAYMENTS_PUBLIC_URL: PUBLIC_URL,
    [secretEnvName('alipay', 'merchantPrivateKey')]: keys.alipayMerchant.privateKeyPem,
    [secretEnvName('wechat_pay', 'merchantPrivateKey')]: keys.wechatMerchant.privateKeyPem,
    [secretEnvName('wechat_pay', 'apiV3Key')]: keys.wechatApiV3Key,
    [secretEnvName('unionpay', 'merchantPrivateKey')]: keys.unionPayMerchant.privateKeyPem,
  };
  ctx = { db: handle.db, authSecret: 'live-mode-test-secret', env, origin: PUBLIC_URL, isPublicUrl: true };
}, 180_000);
afterAll(async () => {
  await fake?.close();
  await handle?.close();
});

const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** The buyer's browser: opens the cashier the checkout points at and presses Pay there. */
async function payAtProvider(method: ProviderMethod, attempt: Payment): Promise<void> {
  const checkout = attempt.checkout;
  let cashier: string;
  if (checkout?.kind === 'redirect')
    cashier = (await fetch(checkout.url, { redirect: 'manual' })).headers.get('location') ?? '';
  else if (checkout?.kind === 'form') {
    const opened = await fetch(checkout.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams(checkout.fields).toString(),
      redirect: 'manual',
    });
    cashier = opened.headers.get('location') ?? '';
  } else if (checkout?.kind === 'qr') cashier = new URL(checkout.codeUrl).pathname;
  else throw new Error('no checkout');
  // a trade token as providers hand out, never a counter
  expect(cashier).toMatch(new RegExp(`^/sandbox/${PROVIDER_SLUGS[method]}/pay/[A-Za-z0-9_-]{24}$`));
  const paid = await fetch(`${fake.baseUrl}${cashier}/complete`, {
    method: 'POST',
    headers: form,
    body: 'action=pay',
    redirect: 'manual',
  });
  expect(paid.status).toBe(303);
}

const orderStatus = async (orderId: number) =>
  (await handle.db.select().from(orders).where(eq(orders.id, orderId)))[0].status;
const refundStatus = async (refundId: number) =>
  (await handle.db.select().from(refunds).where(eq(refunds.id, refundId)))[0].status;

describe(`live mode against a provider-faithful fake (${testDatabaseKind})`, () => {
  for (const method of ['alipay', 'wechat_pay', 'unionpay'] as const) {
    const slug = PROVIDER_SLUGS[method];
    it(`${method}: payment, refund, refund notification and reconciliation all go through the live configuration`, async () => {
      // 1. payment: the checkout points at the fake, the fake's signed notification pays the order
      const order = await pendingOrder(f);
      const created = await createPaymentAttempt(ctx, { orderId: order.id, method, actor: FINANCE });
      if (!created.ok) throw new Error(created.message);
      expect(JSON.stringify(created.data.checkout)).toContain(fake.baseUrl);
      expect(created.data.merchantId).toBe(MERCHANTS[method].merchantId);
      await payAtProvider(method, created.data);
      const [paidNotice] = fake.outbox.splice(0);
      expect(paidNotice.url).toBe(`${PUBLIC_URL}/api/payments/notify/${slug}`);
      const answer = await receivePaymentNotification(ctx, method, {
        headers: paidNotice.headers,
        body: paidNotice.body,
      });
      expect(answer.status).toBeLessThan(300);
      expect(await orderStatus(order.id)).toBe('paid');

      // 2. a refund sent with the live keys; WeChat Pay and UnionPay answer later in a signed notification
      const requested = await requestRefund(handle.db, {
        orderId: order.id,
        amountCents: 1_000,
        reason: 'live refund',
        actor: FINANCE,
      });
      if (!requested.ok) throw new Error(requested.message);
      const submitted = await submitRefund(handle.db, { refundId: requested.data.id, actor: FINANCE, payments: ctx });
      if (!submitted.ok) throw new Error(submitted.message);
      if (method === 'alipay') expect(submitted.data.answer.kind).toBe('succeeded');
      else {
        expect(submitted.data.answer.kind).toBe('processing');
        const [refundNotice] = fake.outbox.splice(0);
        expect(refundNotice.url).toBe(`${PUBLIC_URL}/api/payments/refund-notify/${slug}`);
        const reply = await handleRefundNotification(ctx, {
          provider: slug as 'wechat-pay' | 'unionpay',
          headers: refundNotice.headers,
          body: refundNotice.body,
        });
        expect(reply.outcome).toBe('applied');
      }
      expect(await refundStatus(requested.data.id)).toBe('succeeded');

      // 3. reconciliation: a refund whose answer was lost on the way back (and its notification dropped)
      // and an attempt whose payment notification never came are both settled by asking the provider
      const second = await requestRefund(handle.db, {
        orderId: order.id,
        amountCents: 500,
        reason: 'answer lost',
        actor: FINANCE,
      });
      if (!second.ok) throw new Error(second.message);
      const lost = await submitRefund(handle.db, {
        refundId: second.data.id,
        actor: FINANCE,
        payments: ctx,
        transport: async (request) => {
          await fetchTransport(request);
          throw new Error('connection reset');
        },
      });
      expect(lost.ok).toBe(false);
      fake.outbox.splice(0);
      const other = await pendingOrder(f);
      const attempt = await createPaymentAttempt(ctx, { orderId: other.id, method, actor: FINANCE });
      if (!attempt.ok) throw new Error(attempt.message);
      await payAtProvider(method, attempt.data);
      fake.outbox.splice(0);
      const anHourAgo = new Date(Date.now() - 60 * 60_000);
      await handle.db.update(refunds).set({ createdAt: anHourAgo }).where(eq(refunds.id, second.data.id));
      await handle.db.update(payments).set({ createdAt: anHourAgo }).where(eq(payments.id, attempt.data.id));
      expect(await refundStatus(second.data.id)).toBe('pending');
      expect(await orderStatus(other.id)).toBe('pending_payment');

      const result = await reconcilePayments(handle.db, { payments: ctx, tradeQuery: providerTradeQuery(ctx) });
      expect(result.errors).toEqual([]);
      expect(await refundStatus(second.data.id)).toBe('succeeded');
      expect(await orderStatus(other.id)).toBe('paid');
    });
  }

  it('a production server refuses live payments until a public URL is configured, naming the setting', async () => {
    const order = await pendingOrder(f);
    const attemptsOf = async () =>
      (await handle.db.select().from(payments).where(eq(payments.orderId, order.id))).length;
    const before = await attemptsOf();
    const refused = await createPaymentAttempt(
      {
        ...ctx,
        env: { ...ctx.env, PAYMENTS_PUBLIC_URL: undefined },
        origin: 'http://127.0.0.1:3000',
        isPublicUrl: false,
      },
      { orderId: order.id, method: 'alipay', actor: FINANCE },
    );
    expect(refused).toMatchObject({ ok: false, code: 'not_configured' });
    expect(!refused.ok && refused.message).toContain('PAYMENTS_PUBLIC_URL');
    expect(await attemptsOf()).toBe(before);
  });
});
