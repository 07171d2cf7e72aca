import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { paymentNotifications, type Payment } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createPaymentAttempt } from '@/domain/payments/attempts';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import {
  FINANCE,
  paymentsFactories,
  paymentsTestContext,
  pendingOrder,
  TEST_AUTH_SECRET,
} from '@/testing/payments-testing';
import { getSandboxKeys, type SandboxKeys } from '@/testing/sandboxes/payments/keys-store';
import { SANDBOX_MERCHANTS } from '@/testing/sandboxes/payments/merchants';
import {
  alipayNotification,
  unionPayNotification,
  wechatNotification,
  type SandboxTrade,
} from '@/testing/sandboxes/payments/notifications';

let handle: DatabaseHandle;
let keys: SandboxKeys;
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));
vi.mock('@/lib/auth/secret', () => ({ getAuthSecret: () => TEST_AUTH_SECRET }));
const route = await import('./route');

beforeAll(async () => {
  handle = await openTestDatabase();
  keys = await getSandboxKeys(handle.db, TEST_AUTH_SECRET);
});
afterAll(async () => handle?.close());

const post = (slug: string, body: string, headers: Record<string, string>) =>
  route.POST(new Request(`http://127.0.0.1:3999/api/payments/notify/${slug}`, { method: 'POST', headers, body }), {
    params: Promise.resolve({ provider: slug }),
  });

async function attempt(method: ProviderMethod): Promise<Payment> {
  const order = await pendingOrder(paymentsFactories(handle, Math.floor(Math.random() * 1e6)));
  const created = await createPaymentAttempt(paymentsTestContext(handle), {
    orderId: order.id,
    method,
    actor: FINANCE,
  });
  if (!created.ok) throw new Error(created.message);
  return created.data;
}
const trade = (p: Payment, overrides: Partial<SandboxTrade> = {}): SandboxTrade => ({
  merchantId: p.merchantId ?? '',
  appId: SANDBOX_MERCHANTS.wechat_pay.appId,
  outTradeNo: p.outTradeNo,
  tradeNo: `T${p.id}${Date.now()}`,
  amountCents: p.amountCents,
  subject: 's',
  paid: true,
  createdAt: p.createdAt,
  paidAt: new Date(),
  ...overrides,
});
const wechatKeys = () => ({
  platformPrivateKeyPem: keys.wechatPlatform.privateKeyPem,
  platformSerial: SANDBOX_MERCHANTS.wechat_pay.providerSerial,
  apiV3Key: keys.wechatApiV3Key,
});
const statusOf = async (p: Payment) =>
  (await handle.db.select().from(orders).where(eq(orders.id, p.orderId)))[0].status;

describe(`payment notification routes (${testDatabaseKind})`, () => {
  it('Alipay: literal `success` once durably applied, literal `fail` for a bad signature', async () => {
    const p = await attempt('alipay');
    const n = alipayNotification(trade(p), keys.alipayGateway.privateKeyPem);
    const bad = await post('alipay', n.body.replace(/total_amount=[^&]+/, 'total_amount=1.00'), n.headers);
    expect([bad.status, await bad.text()]).toEqual([200, 'fail']);
    expect(await statusOf(p)).toBe('pending_payment');
    const good = await post('alipay', n.body, n.headers);
    expect([good.status, await good.text()]).toEqual([200, 'success']);
    expect(await statusOf(p)).toBe('paid');
  });

  it('WeChat Pay: 204 with no body on success; 401 {code:FAIL} for a stale timestamp; 400 {code:FAIL} for a malformed body', async () => {
    const p = await attempt('wechat_pay');
    const stale = wechatNotification(trade(p), wechatKeys(), new Date(Date.now() - 10 * 60_000));
    const refused = await post('wechat-pay', stale.body, stale.headers);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'FAIL' });
    const malformed = await post('wechat-pay', '{', { 'content-type': 'application/json' });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(await malformed.json()).toMatchObject({ code: 'FAIL' });
    const n = wechatNotification(trade(p), wechatKeys(), new Date());
    const ok = await post('wechat-pay', n.body, n.headers);
    expect([ok.status, await ok.text()]).toEqual([204, '']);
    expect(await statusOf(p)).toBe('paid');
  });

  it('UnionPay: `ok` for a paid back notification, 400 `fail` for another merchant', async () => {
    const p = await attempt('unionpay');
    const other = unionPayNotification(trade(p, { merchantId: '898000000000001' }), keys.unionPayGateway.privateKeyPem);
    const refused = await post('unionpay', other.body, other.headers);
    expect([refused.status, await refused.text()]).toEqual([400, 'fail']);
    const n = unionPayNotification(trade(p), keys.unionPayGateway.privateKeyPem);
    const ok = await post('unionpay', n.body, n.headers);
    expect([ok.status, await ok.text()]).toEqual([200, 'ok']);
    expect(await statusOf(p)).toBe('paid');
  });

  it('an unknown provider is 404; every notification is kept with secrets masked', async () => {
    expect((await post('paypal', 'x=1', {})).status).toBe(404);
    await post('alipay', 'a=1', {
      authorization: 'Bearer supersecrettoken',
      'content-type': 'application/x-www-form-urlencoded',
    });
    const [row] = await handle.db.select().from(paymentNotifications).where(eq(paymentNotifications.body, 'a=1'));
    expect(row.headers?.authorization).toBe('••••oken');
    expect(row).toMatchObject({ outcome: 'rejected', isVerified: false, error: 'missing_sign' });
  });

  it('keeps a body with a NUL or a lone surrogate (escaped) and refuses it, instead of failing with a 500', async () => {
    const response = await post('alipay', 'nul=a\u0000b&s=\ud800', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('fail');
    const [row] = await handle.db
      .select()
      .from(paymentNotifications)
      .where(eq(paymentNotifications.body, 'nul=a\\u0000b&s=\ufffd'));
    expect(row).toMatchObject({ outcome: 'rejected', isVerified: false });
  });
});
