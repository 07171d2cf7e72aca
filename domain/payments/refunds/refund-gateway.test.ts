import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { orderEvents } from '@/db/schema/orders';
import { paymentNotifications, refunds } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { cancelOrder } from '@/domain/orders/cancel-order';
import type { Actor } from '@/domain/shared/actor';
import type { PaymentsRequestContext } from '@/domain/payments/providers/resolve-provider';
import { paymentsTestContext } from '@/testing/payments-testing';
import { takeSandboxNotifications } from '@/testing/sandboxes/payments/test-transport';
import type { SandboxNotification } from '@/testing/sandboxes/payments/world';
import { handleRefundNotification } from './refund-notify';
import { requestRefund } from './request-refund';
import { queryRefund, submitRefund } from './submit-refund';

let handle: DatabaseHandle;
let f: Factories;
let warehouseId: number;
let ctx: PaymentsRequestContext;
const finance: Actor = { type: 'staff', id: null, name: 'finance' };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 4141 });
  warehouseId = (await f.warehouse()).id;
  ctx = paymentsTestContext(handle);
}, 120_000);
afterAll(async () => handle?.close());

async function paidOrder(method: 'alipay' | 'wechat_pay' | 'unionpay', priceCents = 10_000) {
  const sku = await f.sku({ priceCents });
  await f.stock({ skuId: sku.id, warehouseId, onHand: 100 });
  return f.order({ status: 'paid', lines: [{ skuId: sku.id, quantity: 1 }], shippingCents: 0, paymentMethod: method });
}

async function pendingRefund(
  method: 'alipay' | 'wechat_pay' | 'unionpay',
  amountCents: number,
  reason = 'partial refund',
) {
  const placed = await paidOrder(method);
  const requested = await requestRefund(handle.db, { orderId: placed.order.id, amountCents, reason, actor: finance });
  if (!requested.ok) throw new Error(requested.message);
  expect(requested.data.status).toBe('pending');
  return { ...placed, refund: requested.data };
}

const refundRow = async (id: number) => (await handle.db.select().from(refunds).where(eq(refunds.id, id)))[0];
const logOf = (paymentId: number) =>
  handle.db
    .select()
    .from(paymentNotifications)
    .where(and(eq(paymentNotifications.paymentId, paymentId), eq(paymentNotifications.kind, 'refund')))
    .orderBy(asc(paymentNotifications.id));
const deliver = (provider: 'wechat-pay' | 'unionpay', notification: SandboxNotification) =>
  handleRefundNotification(ctx, { provider, headers: notification.headers, body: notification.body });
const takeNotification = () => {
  const [next] = takeSandboxNotifications();
  if (!next) throw new Error('the sandbox sent no notification');
  return next;
};

describe(`refunds through the provider sandbox (${testDatabaseKind})`, () => {
  it('Alipay: alipay.trade.refund answers synchronously, the refund succeeds, the query agrees', async () => {
    const {
      refund,
      payments: [payment],
    } = await pendingRefund('alipay', 2_500);
    const submitted = await submitRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    expect(submitted.ok && submitted.data.answer.kind).toBe('succeeded');
    expect(await refundRow(refund.id)).toMatchObject({ status: 'succeeded', providerRefundId: payment.providerTxnId });
    const queried = await queryRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    expect(queried.ok && queried.data.answer).toMatchObject({ kind: 'succeeded', amountCents: 2_500 });
    // resending is the same refund at Alipay: no second refund, still one success on our side
    const again = await submitRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    expect(again.ok === false && again.code).toBe('not_pending');
  });

  it('Alipay: a refused refund fails and frees its amount', async () => {
    const { refund } = await pendingRefund('alipay', 1_000, 'SANDBOX_FAIL test');
    const submitted = await submitRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    expect(submitted.ok && submitted.data.answer.kind).toBe('failed');
    expect((await refundRow(refund.id)).status).toBe('failed');
  });

  it('WeChat Pay: PROCESSING, then the REFUND.SUCCESS notification settles it once however often it is replayed', async () => {
    const {
      refund,
      order,
      payments: [payment],
    } = await pendingRefund('wechat_pay', 3_000);
    const submitted = await submitRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    expect(submitted.ok && submitted.data.answer.kind).toBe('processing');
    expect((await refundRow(refund.id)).status).toBe('pending');
    const notification = takeNotification();
    const replies = await Promise.all(Array.from({ length: 10 }, () => deliver('wechat-pay', notification)));
    expect(replies.every((r) => r.status === 204)).toBe(true);
    expect(replies.filter((r) => r.outcome === 'applied')).toHaveLength(1);
    expect(replies.filter((r) => r.outcome === 'duplicate')).toHaveLength(9);
    expect(await refundRow(refund.id)).toMatchObject({ status: 'succeeded' });
    const settledEvents = (await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).filter(
      (e) => e.kind === 'refund' && (e.details as { status?: string }).status === 'succeeded',
    );
    expect(settledEvents).toHaveLength(1);
    const log = await logOf(payment.id);
    expect(log).toHaveLength(10);
    expect(log.every((row) => row.isVerified)).toBe(true);
  });

  it('WeChat Pay: a tampered or badly signed notification is rejected, logged, and changes nothing', async () => {
    const { refund } = await pendingRefund('wechat_pay', 4_000);
    await submitRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    const notification = takeNotification();
    const tampered = {
      ...notification,
      body: (notification.body ?? '').replace('"REFUND.SUCCESS"', '"REFUND.CLOSED"'),
    };
    const rejected = await deliver('wechat-pay', tampered);
    expect(rejected).toMatchObject({ status: 400, outcome: 'rejected' });
    const badSignature = {
      ...notification,
      headers: { ...notification.headers, 'wechatpay-signature': Buffer.from('forged').toString('base64') },
    };
    expect((await deliver('wechat-pay', badSignature)).outcome).toBe('rejected');
    expect((await refundRow(refund.id)).status).toBe('pending');
    const rows = (
      await handle.db.select().from(paymentNotifications).where(eq(paymentNotifications.kind, 'refund'))
    ).filter(
      (r) =>
        r.body === tampered.body || r.headers?.['wechatpay-signature'] === badSignature.headers['wechatpay-signature'],
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => !r.isVerified && r.outcome === 'rejected' && r.error === 'bad_signature')).toBe(true);
    // the genuine one still settles it
    expect((await deliver('wechat-pay', notification)).outcome).toBe('applied');
  });

  it('WeChat Pay: the query reads the refund state, and an ABNORMAL refund fails', async () => {
    const { refund } = await pendingRefund('wechat_pay', 500, 'SANDBOX_FAIL card closed');
    await submitRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    takeNotification();
    const queried = await queryRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    expect(queried.ok && queried.data.answer.kind).toBe('failed');
    expect((await refundRow(refund.id)).status).toBe('failed');
  });

  it('UnionPay: backTransReq txnType 04 is accepted, the back notification settles it; replays and forgeries change nothing', async () => {
    const {
      refund,
      payments: [payment],
    } = await pendingRefund('unionpay', 2_000);
    const submitted = await submitRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    expect(submitted.ok && submitted.data.answer.kind).toBe('processing');
    const notification = takeNotification();
    const forged = { ...notification, body: (notification.body ?? '').replace('txnAmt=2000', 'txnAmt=20') };
    expect((await deliver('unionpay', forged)).outcome).toBe('rejected');
    expect((await refundRow(refund.id)).status).toBe('pending');
    expect(await deliver('unionpay', notification)).toMatchObject({ status: 200, outcome: 'applied' });
    expect((await deliver('unionpay', notification)).outcome).toBe('duplicate');
    expect((await refundRow(refund.id)).status).toBe('succeeded');
    const queried = await queryRefund(handle.db, { refundId: refund.id, actor: finance, payments: ctx });
    expect(queried.ok && queried.data.answer).toMatchObject({ kind: 'succeeded', amountCents: 2_000 });
    expect((await logOf(payment.id)).map((r) => r.outcome)).toEqual(['applied', 'duplicate']);
    const [forgedLog] = await handle.db
      .select()
      .from(paymentNotifications)
      .where(eq(paymentNotifications.body, forged.body));
    expect(forgedLog).toMatchObject({
      isVerified: false,
      outcome: 'rejected',
      error: 'bad_signature',
      paymentId: null,
    });
  });

  it('the refund owed by cancelling a paid order can be submitted to the provider', async () => {
    const { order } = await paidOrder('alipay', 6_600);
    const cancelled = await cancelOrder(handle.db, { orderId: order.id, reason: 'out of stock', actor: finance });
    if (!cancelled.ok || !cancelled.data.refund) throw new Error('no owed refund');
    const submitted = await submitRefund(handle.db, {
      refundId: cancelled.data.refund.id,
      actor: finance,
      payments: ctx,
    });
    expect(submitted.ok && submitted.data.refund).toMatchObject({ status: 'succeeded', amountCents: 6_600 });
  });
});
