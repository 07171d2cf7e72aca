import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { Factories } from '@/testing/factories/factories';
import { payments } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { verifyAlipayNotification } from './providers/alipay/protocol';
import { createPaymentAttempt } from './attempts';
import { FINANCE, paymentsFactories, paymentsTestContext, pendingOrder, TEST_ORIGIN } from '@/testing/payments-testing';
import { findSandboxTrade } from '@/testing/sandboxes/payments/books';
import { getSandboxKeys } from '@/testing/sandboxes/payments/keys-store';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = paymentsFactories(handle, 41);
});
afterAll(async () => handle?.close());

describe(`payment attempts (${testDatabaseKind})`, () => {
  it('Alipay: the order total, a fresh out_trade_no, a signed page-pay URL to the sandbox gateway notifying our webhook', async () => {
    const ctx = paymentsTestContext(handle);
    const order = await pendingOrder(f);
    const first = await createPaymentAttempt(ctx, { orderId: order.id, method: 'alipay', actor: FINANCE });
    const second = await createPaymentAttempt(ctx, { orderId: order.id, method: 'alipay', actor: FINANCE });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.data).toMatchObject({
      status: 'pending',
      amountCents: order.totalCents,
      currency: 'CNY',
      merchantId: '9021000122600001',
    });
    expect(first.data.outTradeNo).toMatch(/^[0-9]{26}$/);
    expect(second.data.outTradeNo).not.toBe(first.data.outTradeNo);
    const checkout = first.data.checkout;
    expect(checkout?.kind).toBe('redirect');
    if (checkout?.kind !== 'redirect') return;
    const url = new URL(checkout.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${TEST_ORIGIN}/sandbox/alipay/gateway.do`);
    const params = Object.fromEntries(url.searchParams);
    expect(params.notify_url).toBe(`${TEST_ORIGIN}/api/payments/notify/alipay`);
    expect(params.return_url).toBe(`${TEST_ORIGIN}/orders/${order.id}`);
    const keys = await getSandboxKeys(handle.db, ctx.authSecret);
    expect(verifyAlipayNotification(params, keys.alipayMerchant.publicKeyPem).ok).toBe(true);
  });

  it('WeChat Pay: the sandbox accepts the signed native order and its code_url becomes the QR code', async () => {
    const ctx = paymentsTestContext(handle);
    const order = await pendingOrder(f);
    const attempt = await createPaymentAttempt(ctx, { orderId: order.id, method: 'wechat_pay', actor: FINANCE });
    expect(attempt.ok).toBe(true);
    if (!attempt.ok) return;
    const trade = await findSandboxTrade(handle.db, 'wechat_pay', attempt.data.outTradeNo);
    if (!trade) throw new Error('the sandbox booked no trade');
    expect(trade).toMatchObject({
      provider: 'wechat_pay',
      amountCents: order.totalCents,
      status: 'open',
      notifyUrl: `${TEST_ORIGIN}/api/payments/notify/wechat-pay`,
    });
    expect(attempt.data.checkout).toEqual({ kind: 'qr', codeUrl: `${TEST_ORIGIN}/sandbox/wechat-pay/pay/${trade.id}` });
  });

  it('UnionPay: a signed front form posting to the sandbox gateway', async () => {
    const order = await pendingOrder(f);
    const attempt = await createPaymentAttempt(paymentsTestContext(handle), {
      orderId: order.id,
      method: 'unionpay',
      actor: FINANCE,
    });
    expect(attempt.ok && attempt.data.checkout).toMatchObject({
      kind: 'form',
      action: `${TEST_ORIGIN}/sandbox/unionpay/gateway/api/frontTransReq.do`,
      fields: {
        txnAmt: String(order.totalCents),
        backUrl: `${TEST_ORIGIN}/api/payments/notify/unionpay`,
        merId: '777290058110048',
      },
    });
  });

  it('refuses manual methods, orders not pending payment, and a provider that answers with a bad signature', async () => {
    const ctx = paymentsTestContext(handle);
    const order = await pendingOrder(f);
    expect(
      await createPaymentAttempt(ctx, { orderId: order.id, method: 'bank_transfer', actor: FINANCE }),
    ).toMatchObject({ ok: false, code: 'manual_method' });
    const sku = await f.sku();
    const wh = await f.warehouse();
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 5 });
    const { order: paid } = await f.order({
      status: 'paid',
      lines: [{ skuId: sku.id, quantity: 1 }],
      warehouseId: wh.id,
    });
    expect(await createPaymentAttempt(ctx, { orderId: paid.id, method: 'alipay', actor: FINANCE })).toMatchObject({
      ok: false,
      code: 'not_pending_payment',
      params: { status: 'paid' },
    });
    expect(await createPaymentAttempt(ctx, { orderId: 99_999_999, method: 'alipay', actor: FINANCE })).toMatchObject({
      ok: false,
      code: 'not_found',
    });

    const forged = await createPaymentAttempt(ctx, {
      orderId: order.id,
      method: 'wechat_pay',
      actor: FINANCE,
      transport: async () => ({
        status: 200,
        headers: {
          'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)),
          'wechatpay-nonce': 'n',
          'wechatpay-signature': 'AAAA',
          'wechatpay-serial': '3775B6A45ACD588826D15E583A95F5DD',
        },
        body: '{"code_url":"weixin://evil"}',
      }),
    });
    expect(forged).toMatchObject({ ok: false, code: 'provider_error', params: { detail: 'bad_signature' } });
    const attempts = await handle.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(attempts.filter((p) => p.method === 'wechat_pay').map((p) => p.status)).toEqual(['failed']);
  });
});
