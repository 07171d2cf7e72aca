import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { Factories } from '@/testing/factories/factories';
import { orderEvents, orders } from '@/db/schema/orders';
import { paymentNotifications, payments, type Payment } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { cancelUnpaidOrders } from '@/domain/automation/cancel-unpaid-orders';
import { cancelOrder } from '@/domain/orders/cancel-order';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { createPaymentAttempt, type PaymentsRequestContext } from '../attempts';
import type { ProviderMethod } from '../payment-methods-config';
import { FINANCE, paymentsFactories, paymentsTestContext, pendingOrder } from '@/testing/payments-testing';
import { getSandboxKeys, type SandboxKeys } from '@/testing/sandboxes/payments/keys-store';
import { SANDBOX_MERCHANTS } from '@/testing/sandboxes/payments/merchants';
import {
  alipayNotification,
  unionPayNotification,
  wechatNotification,
  type SandboxTrade,
  type SignedNotification,
} from '@/testing/sandboxes/payments/notifications';
import { receivePaymentNotification } from './receive-notification';

/*
 * The webhook flow end to end below HTTP: sandbox-signed notifications through
 * receivePaymentNotification. On PostgreSQL duplicates and races really run at once (pool of 20);
 * PGlite has one connection, so there the same scenarios run one after another.
 */
const concurrent = testDatabaseKind === 'postgres';
let handle: DatabaseHandle;
let f: Factories;
let ctx: PaymentsRequestContext;
let keys: SandboxKeys;
const METHODS: ProviderMethod[] = ['alipay', 'wechat_pay', 'unionpay'];
const ACCEPTED = {
  alipay: { status: 200, body: 'success' },
  wechat_pay: { status: 204, body: '' },
  unionpay: { status: 200, body: 'ok' },
};

async function run<T>(count: number, task: (i: number) => Promise<T>): Promise<T[]> {
  if (concurrent) return Promise.all(Array.from({ length: count }, (_, i) => task(i)));
  const out: T[] = [];
  for (let i = 0; i < count; i += 1) out.push(await task(i));
  return out;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  f = paymentsFactories(handle, 77);
  ctx = paymentsTestContext(handle);
  keys = await getSandboxKeys(handle.db, ctx.authSecret);
});
afterAll(async () => handle?.close());

async function attemptFor(method: ProviderMethod, placedAt?: Date): Promise<Payment> {
  const order = await pendingOrder(f, placedAt);
  const created = await createPaymentAttempt(ctx, { orderId: order.id, method, actor: FINANCE });
  if (!created.ok) throw new Error(created.message);
  return created.data;
}

function tradeOf(payment: Payment, overrides: Partial<SandboxTrade> = {}): SandboxTrade {
  return {
    merchantId: payment.merchantId ?? '',
    appId: SANDBOX_MERCHANTS.wechat_pay.appId,
    outTradeNo: payment.outTradeNo,
    tradeNo: `T${Date.now()}${randomInt(1e9)}`,
    amountCents: payment.amountCents,
    subject: 'test',
    paid: true,
    createdAt: payment.createdAt,
    paidAt: new Date(),
    ...overrides,
  };
}

function notificationFor(method: ProviderMethod, trade: SandboxTrade, now = new Date()): SignedNotification {
  if (method === 'alipay') return alipayNotification(trade, keys.alipayGateway.privateKeyPem);
  if (method === 'unionpay') return unionPayNotification(trade, keys.unionPayGateway.privateKeyPem);
  return wechatNotification(
    trade,
    {
      platformPrivateKeyPem: keys.wechatPlatform.privateKeyPem,
      platformSerial: SANDBOX_MERCHANTS.wechat_pay.providerSerial,
      apiV3Key: keys.wechatApiV3Key,
    },
    now,
  );
}

const deliver = (method: ProviderMethod, notification: SignedNotification, now?: Date) =>
  receivePaymentNotification(ctx, method, { headers: notification.headers, body: notification.body, now });

async function stateOf(payment: Payment) {
  const [order] = await handle.db.select().from(orders).where(eq(orders.id, payment.orderId));
  const attempts = await handle.db.select().from(payments).where(eq(payments.orderId, payment.orderId));
  const events = await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, payment.orderId));
  const notes = await handle.db
    .select()
    .from(paymentNotifications)
    .where(eq(paymentNotifications.outTradeNo, payment.outTradeNo));
  return {
    order,
    attempt: attempts.find((p) => p.id === payment.id),
    attempts,
    notes,
    paidEvents: events.filter((e) => e.kind === 'status_changed' && e.toStatus === 'paid'),
    paymentEvents: events.filter((e) => e.kind === 'payment'),
  };
}

describe(`payment notifications (${testDatabaseKind})`, () => {
  for (const method of METHODS) {
    it(`${method}: a valid notification moves the order to paid once, as the provider, and is logged`, async () => {
      const payment = await attemptFor(method);
      const trade = tradeOf(payment);
      const answer = await deliver(method, notificationFor(method, trade));
      expect(answer).toMatchObject(ACCEPTED[method]);
      const state = await stateOf(payment);
      expect(state.order.status).toBe('paid');
      expect(state.attempt).toMatchObject({ status: 'succeeded', providerTxnId: trade.tradeNo, needsRefund: false });
      expect(state.paidEvents).toHaveLength(1);
      expect(state.paidEvents[0]).toMatchObject({
        actorType: 'integration',
        details: { outTradeNo: payment.outTradeNo, providerTxnId: trade.tradeNo },
      });
      expect(state.notes).toMatchObject([
        { method, isVerified: true, outcome: 'paid', error: null, paymentId: payment.id },
      ]);
    });

    it(`${method}: the same notification delivered 50 times at once: one paid move, one payment, one timeline entry, all acknowledged`, async () => {
      const payment = await attemptFor(method);
      const notification = notificationFor(method, tradeOf(payment));
      const answers = await run(50, () => deliver(method, notification));
      expect(answers.every((a) => a.status === ACCEPTED[method].status && a.body === ACCEPTED[method].body)).toBe(true);
      const state = await stateOf(payment);
      expect(state.order.status).toBe('paid');
      expect(state.attempts.filter((p) => p.status === 'succeeded')).toHaveLength(1);
      expect(state.paidEvents).toHaveLength(1);
      expect(state.notes).toHaveLength(50);
      expect(state.notes.filter((n) => n.outcome === 'paid')).toHaveLength(1);
      expect(state.notes.filter((n) => n.outcome === 'duplicate')).toHaveLength(49);
    });
  }

  const REJECTIONS: {
    name: string;
    method: ProviderMethod;
    make: (p: Payment) => SignedNotification;
    now?: Date;
    error: RegExp;
    isVerified: boolean;
  }[] = [
    {
      name: 'a bad signature (amount changed after signing)',
      method: 'alipay',
      isVerified: false,
      error: /^bad_signature/,
      make: (p) => {
        const n = notificationFor('alipay', tradeOf(p));
        return { ...n, body: n.body.replace(/total_amount=[^&]+/, 'total_amount=0.01') };
      },
    },
    {
      name: 'a signed but wrong amount',
      method: 'alipay',
      isVerified: true,
      error: /^amount_mismatch/,
      make: (p) => notificationFor('alipay', tradeOf(p, { amountCents: p.amountCents - 1 })),
    },
    {
      name: 'an unknown out_trade_no',
      method: 'alipay',
      isVerified: true,
      error: /^unknown_out_trade_no/,
      make: (p) => notificationFor('alipay', tradeOf(p, { outTradeNo: 'NOPE123456789' })),
    },
    {
      name: 'another app id',
      method: 'alipay',
      isVerified: true,
      error: /^merchant_mismatch/,
      make: (p) => notificationFor('alipay', tradeOf(p, { merchantId: '2021000000000001' })),
    },
    {
      name: 'a malformed body',
      method: 'alipay',
      isVerified: false,
      error: /^malformed/,
      make: () => ({ headers: {}, body: 'total_amount=%zz&sign=1' }),
    },
    {
      name: 'a stale WeChat Pay timestamp (a replay)',
      method: 'wechat_pay',
      isVerified: false,
      error: /^stale_timestamp/,
      make: (p) => notificationFor('wechat_pay', tradeOf(p), new Date(Date.now() - 6 * 60_000)),
    },
    {
      name: 'a WeChat Pay signature by another key',
      method: 'wechat_pay',
      isVerified: false,
      error: /^bad_signature/,
      make: (p) =>
        wechatNotification(
          tradeOf(p),
          {
            platformPrivateKeyPem: keys.wechatMerchant.privateKeyPem,
            platformSerial: SANDBOX_MERCHANTS.wechat_pay.providerSerial,
            apiV3Key: keys.wechatApiV3Key,
          },
          new Date(),
        ),
    },
    {
      name: 'another WeChat Pay merchant',
      method: 'wechat_pay',
      isVerified: true,
      error: /^merchant_mismatch/,
      make: (p) => notificationFor('wechat_pay', tradeOf(p, { merchantId: '1999999999' })),
    },
    {
      name: 'a UnionPay amount changed after signing',
      method: 'unionpay',
      isVerified: false,
      error: /^bad_signature/,
      make: (p) => {
        const n = notificationFor('unionpay', tradeOf(p));
        return { ...n, body: n.body.replace(/txnAmt=\d+/, 'txnAmt=1') };
      },
    },
    {
      name: 'a signed but wrong UnionPay amount',
      method: 'unionpay',
      isVerified: true,
      error: /^amount_mismatch/,
      make: (p) => notificationFor('unionpay', tradeOf(p, { amountCents: p.amountCents + 100 })),
    },
  ];
  for (const rejection of REJECTIONS) {
    it(`refuses ${rejection.name}: logged with the reason, nothing changed`, async () => {
      const payment = await attemptFor(rejection.method);
      const notification = rejection.make(payment);
      const answer = await deliver(rejection.method, notification, rejection.now);
      if (rejection.method === 'alipay') expect(answer).toMatchObject({ status: 200, body: 'fail' });
      else if (rejection.method === 'unionpay') expect(answer).toMatchObject({ status: 400, body: 'fail' });
      else {
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(JSON.parse(answer.body)).toMatchObject({ code: 'FAIL' });
      }
      const state = await stateOf(payment);
      expect(state.order.status).toBe('pending_payment');
      expect(state.attempt).toMatchObject({ status: 'pending', providerTxnId: null });
      expect(state.paidEvents).toHaveLength(0);
      const [logged] = await handle.db
        .select()
        .from(paymentNotifications)
        .where(
          and(eq(paymentNotifications.body, notification.body), eq(paymentNotifications.method, rejection.method)),
        );
      expect(logged).toMatchObject({ outcome: 'rejected', isVerified: rejection.isVerified });
      expect(logged.error).toMatch(rejection.error);
    });
  }

  it('a success after the unpaid-timeout cancellation is recorded, flagged needs_refund, with a timeline entry', async () => {
    const payment = await attemptFor('alipay', new Date(Date.now() - 3 * 3600_000));
    await cancelUnpaidOrders(handle.db);
    expect((await stateOf(payment)).order.status).toBe('cancelled');
    const answer = await deliver('alipay', notificationFor('alipay', tradeOf(payment)));
    expect(answer.body).toBe('success');
    const state = await stateOf(payment);
    expect(state.order.status).toBe('cancelled');
    expect(state.attempt).toMatchObject({ status: 'succeeded', needsRefund: true });
    expect(state.paymentEvents).toHaveLength(1);
    expect(state.paymentEvents[0]).toMatchObject({
      actorType: 'integration',
      details: { needsRefund: true, orderStatus: 'cancelled' },
    });
    expect(state.notes[0]).toMatchObject({ outcome: 'late_success' });
  });

  it('a success before the timeout sweep: the order stays paid, the sweep passes it by', async () => {
    const payment = await attemptFor('wechat_pay', new Date(Date.now() - 3 * 3600_000));
    await deliver('wechat_pay', notificationFor('wechat_pay', tradeOf(payment)));
    await cancelUnpaidOrders(handle.db);
    const state = await stateOf(payment);
    expect(state.order.status).toBe('paid');
    expect(state.attempt).toMatchObject({ status: 'succeeded', needsRefund: false });
  });

  it(`notifications racing the timeout sweep (${concurrent ? 'at once' : 'in turn'}): every order ends paid, or cancelled with the payment owed back`, async () => {
    const attempts = await run(8, () => attemptFor('unionpay', new Date(Date.now() - 3 * 3600_000)));
    const notifications = attempts.map((p) => notificationFor('unionpay', tradeOf(p)));
    await Promise.all([
      cancelUnpaidOrders(handle.db),
      run(attempts.length, (i) => deliver('unionpay', notifications[i])),
    ]);
    for (const payment of attempts) {
      const state = await stateOf(payment);
      expect(state.attempt?.status).toBe('succeeded');
      if (state.order.status === 'paid') {
        expect(state.attempt?.needsRefund).toBe(false);
        expect(state.paidEvents).toHaveLength(1);
      } else {
        expect(state.order.status).toBe('cancelled');
        expect(state.attempt?.needsRefund).toBe(true);
        expect(state.paidEvents).toHaveLength(0);
        expect(state.paymentEvents).toHaveLength(1);
      }
    }
  });

  it('a success on a second attempt of an already paid order is kept, owed back to the buyer', async () => {
    const first = await attemptFor('alipay');
    const second = await createPaymentAttempt(ctx, { orderId: first.orderId, method: 'wechat_pay', actor: FINANCE });
    if (!second.ok) throw new Error(second.message);
    await deliver('alipay', notificationFor('alipay', tradeOf(first)));
    expect(await deliver('wechat_pay', notificationFor('wechat_pay', tradeOf(second.data)))).toMatchObject({
      status: 204,
    });
    const state = await stateOf(first);
    expect(state.order.status).toBe('paid');
    expect(
      state.attempts
        .filter((p) => p.status === 'succeeded')
        .map((p) => p.needsRefund)
        .sort(),
    ).toEqual([false, true]);
    expect(state.paidEvents).toHaveLength(1);
  });

  it('out of order: closed after success leaves it paid; success after closed still pays the order', async () => {
    const payment = await attemptFor('alipay');
    const trade = tradeOf(payment);
    await deliver('alipay', notificationFor('alipay', trade));
    expect(await deliver('alipay', notificationFor('alipay', { ...trade, paid: false }))).toMatchObject({
      body: 'success',
    });
    expect((await stateOf(payment)).attempt?.status).toBe('succeeded');

    const late = await attemptFor('alipay');
    await deliver('alipay', notificationFor('alipay', { ...tradeOf(late), paid: false }));
    expect((await stateOf(late)).attempt?.status).toBe('closed');
    await deliver('alipay', notificationFor('alipay', tradeOf(late)));
    const state = await stateOf(late);
    expect(state.attempt?.status).toBe('succeeded');
    expect(state.order.status).toBe('paid');
  });

  it('one provider transaction cannot pay two attempts', async () => {
    const a = await attemptFor('alipay');
    const b = await attemptFor('alipay');
    const tradeNo = `T${Date.now()}dup`;
    await deliver('alipay', notificationFor('alipay', tradeOf(a, { tradeNo })));
    expect(await deliver('alipay', notificationFor('alipay', tradeOf(b, { tradeNo })))).toMatchObject({ body: 'fail' });
    expect((await stateOf(b)).order.status).toBe('pending_payment');
  });

  it('a cancelled order with a manual cancel, then a WeChat Pay success: needs refund, never lost', async () => {
    const payment = await attemptFor('wechat_pay');
    await cancelOrder(handle.db, { orderId: payment.orderId, reason: 'buyer changed their mind', actor: SYSTEM_ACTOR });
    await deliver('wechat_pay', notificationFor('wechat_pay', tradeOf(payment)));
    expect((await stateOf(payment)).attempt).toMatchObject({ status: 'succeeded', needsRefund: true });
  });
});
