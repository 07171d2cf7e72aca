import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { orderEvents } from '@/db/schema/orders';
import { payments, refundLines, refunds } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { cancelOrder } from '@/domain/orders/cancel-order';
import type { Actor } from '@/domain/shared/actor';
import { requestRefund } from './request-refund';
import { settleRefund } from './settle-refund';

let handle: DatabaseHandle;
let f: Factories;
let warehouseId: number;
const finance: Actor = { type: 'staff', id: null, name: 'finance' };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 4040 });
  warehouseId = (await f.warehouse()).id;
});
afterAll(async () => handle?.close());

async function paidOrder(
  options: {
    priceCents?: number;
    quantity?: number;
    method?: 'alipay' | 'wechat_pay' | 'unionpay' | 'bank_transfer';
    discountCents?: number;
  } = {},
) {
  const sku = await f.sku({ priceCents: options.priceCents ?? 10_000 });
  await f.stock({ skuId: sku.id, warehouseId, onHand: 1000 });
  return f.order({
    status: 'paid',
    lines: [{ skuId: sku.id, quantity: options.quantity ?? 1 }],
    shippingCents: 0,
    paymentMethod: options.method ?? 'alipay',
    discountCents: options.discountCents,
  });
}

const refundsOf = (paymentId: number) =>
  handle.db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(asc(refunds.id));

describe(`requestRefund (${testDatabaseKind})`, () => {
  it('20 concurrent refunds of 30% each: exactly 3 are recorded, refunds never exceed the payment', async () => {
    const {
      order,
      payments: [payment],
    } = await paidOrder({ priceCents: 10_000 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        requestRefund(handle.db, {
          orderId: order.id,
          amountCents: 3_000,
          reason: 'partial refund race',
          actor: finance,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const failures = results.filter((r) => !r.ok);
    expect(failures).toHaveLength(17);
    for (const failure of failures) expect(failure.ok === false && failure.code).toBe('exceeds_refundable');
    const rows = await refundsOf(payment.id);
    expect(rows).toHaveLength(3);
    expect(rows.reduce((sum, r) => sum + r.amountCents, 0)).toBe(9_000);
    expect(new Set(rows.map((r) => r.outRefundNo)).size).toBe(3);
    // the 10% left can still be refunded, and nothing more
    const rest = await requestRefund(handle.db, { orderId: order.id, reason: 'the rest', actor: finance });
    expect(rest.ok && rest.data.amountCents).toBe(1_000);
    const more = await requestRefund(handle.db, {
      orderId: order.id,
      amountCents: 1,
      reason: 'too much',
      actor: finance,
    });
    expect(more.ok === false && more.code).toBe('nothing_to_refund');
  });

  it('a cancellation racing partial refunds never owes more than was paid', async () => {
    const {
      order,
      payments: [payment],
    } = await paidOrder({ priceCents: 10_000 });
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () =>
        requestRefund(handle.db, { orderId: order.id, amountCents: 2_500, reason: 'partial', actor: finance }),
      ),
      cancelOrder(handle.db, { orderId: order.id, reason: 'cancel while refunding', actor: finance }),
    ]);
    expect(results.at(-1)?.ok).toBe(true);
    const rows = await refundsOf(payment.id);
    const owed = rows.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amountCents, 0);
    // whatever the order of arrival, the refunds add up to exactly what was paid, never more
    expect(owed).toBe(10_000);
  });

  it('a failed refund gives its amount back to what may be refunded', async () => {
    const { order } = await paidOrder({ priceCents: 5_000 });
    const first = await requestRefund(handle.db, { orderId: order.id, reason: 'all', actor: finance });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(
      (await requestRefund(handle.db, { orderId: order.id, amountCents: 100, reason: 'x', actor: finance })).ok,
    ).toBe(false);
    const failed = await settleRefund(handle.db, {
      refundId: first.data.id,
      outcome: 'failed',
      source: 'gateway',
      actor: finance,
    });
    expect(failed.ok && failed.data.changed).toBe(true);
    const again = await requestRefund(handle.db, {
      orderId: order.id,
      amountCents: 5_000,
      reason: 'again',
      actor: finance,
    });
    expect(again.ok).toBe(true);
  });

  it('by lines: unit amounts add up to the line, the order discount is shared, units cannot be refunded twice', async () => {
    // 3 units of 33.33 with a 10.00 order discount: the goods are worth 99.99 - 10.00 = 89.99
    const {
      order,
      lines: [line],
    } = await paidOrder({ priceCents: 3_333, quantity: 3, discountCents: 1_000 });
    expect(order.totalCents).toBe(8_999);
    const one = await requestRefund(handle.db, {
      orderId: order.id,
      lines: [{ orderLineId: line.id, quantity: 1 }],
      reason: 'one unit',
      actor: finance,
    });
    expect(one.ok && one.data.amountCents).toBe(2_999);
    const two = await requestRefund(handle.db, {
      orderId: order.id,
      lines: [{ orderLineId: line.id, quantity: 2 }],
      reason: 'two units',
      actor: finance,
    });
    expect(two.ok && two.data.amountCents).toBe(6_000);
    const [recorded] = await handle.db
      .select()
      .from(refundLines)
      .where(eq(refundLines.refundId, two.ok ? two.data.id : 0));
    expect(recorded).toMatchObject({ orderLineId: line.id, quantity: 2, amountCents: 6_000 });
    const third = await requestRefund(handle.db, {
      orderId: order.id,
      lines: [{ orderLineId: line.id, quantity: 1 }],
      reason: 'again',
      actor: finance,
    });
    expect(third.ok === false && third.code).toBe('exceeds_line_quantity');
    const other = await paidOrder();
    const foreign = await requestRefund(handle.db, {
      orderId: order.id,
      lines: [{ orderLineId: other.lines[0].id, quantity: 1 }],
      reason: 'x',
      actor: finance,
    });
    expect(foreign.ok === false && foreign.code).toBe('line_not_in_order');
  });

  it('a manual method is refunded by recording the transfer: succeeded at once, on the timeline', async () => {
    const {
      order,
      payments: [payment],
    } = await paidOrder({ method: 'bank_transfer', priceCents: 2_000 });
    const missing = await requestRefund(handle.db, {
      orderId: order.id,
      amountCents: 500,
      reason: 'damaged',
      actor: finance,
    });
    expect(missing.ok === false && missing.code).toBe('reference_required');
    const done = await requestRefund(handle.db, {
      orderId: order.id,
      amountCents: 500,
      reason: 'damaged',
      reference: 'ICBC-REF-778',
      actor: finance,
    });
    expect(done.ok && done.data).toMatchObject({
      status: 'succeeded',
      providerRefundId: 'ICBC-REF-778',
      amountCents: 500,
    });
    const events = await handle.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.id));
    expect(events.at(-1)).toMatchObject({
      kind: 'refund',
      message: 'damaged',
      details: expect.objectContaining({ status: 'succeeded', amountCents: 500, reference: 'ICBC-REF-778' }),
    });
    expect(await refundsOf(payment.id)).toHaveLength(1);
  });

  it('bad requests change nothing and say what is wrong', async () => {
    const { order } = await paidOrder();
    const both = await requestRefund(handle.db, {
      orderId: order.id,
      amountCents: 10,
      lines: [],
      reason: 'x',
      actor: finance,
    });
    expect(both.ok === false && both.fieldErrors?.amountCents).toBeTruthy();
    const noReason = await requestRefund(handle.db, {
      orderId: order.id,
      amountCents: 10,
      reason: '  ',
      actor: finance,
    });
    expect(noReason.ok === false && noReason.fieldErrors?.reason).toBeTruthy();
    const unknown = await requestRefund(handle.db, { orderId: 999_999_999, reason: 'x', actor: finance });
    expect(unknown.ok === false && unknown.code).toBe('not_found');
    const pending = await f.order({
      status: 'pending_payment',
      lines: [{ skuId: (await paidOrder()).lines[0].skuId!, quantity: 1 }],
    });
    const unpaid = await requestRefund(handle.db, { orderId: pending.order.id, reason: 'x', actor: finance });
    expect(unpaid.ok === false && unpaid.code).toBe('no_payment');
  });

  it('the refund owed by a cancellation counts against what may be refunded; a late success flagged for refund can be refunded', async () => {
    const { order } = await paidOrder({ priceCents: 4_000 });
    const cancelled = await cancelOrder(handle.db, { orderId: order.id, reason: 'buyer changed mind', actor: finance });
    expect(cancelled.ok && cancelled.data.refund?.status).toBe('pending');
    const more = await requestRefund(handle.db, { orderId: order.id, amountCents: 1, reason: 'x', actor: finance });
    expect(more.ok === false && more.code).toBe('nothing_to_refund');

    const late = await f.order({
      status: 'cancelled',
      lines: [{ skuId: (await paidOrder()).lines[0].skuId!, quantity: 1 }],
    });
    await handle.db
      .update(payments)
      .set({ status: 'succeeded', needsRefund: true, providerTxnId: `LATE${late.order.id}`, paidAt: new Date() })
      .where(eq(payments.id, late.payments[0].id));
    const owed = await requestRefund(handle.db, {
      paymentId: late.payments[0].id,
      reason: 'paid after cancel',
      actor: finance,
    });
    expect(owed.ok && owed.data.amountCents).toBe(late.order.totalCents);
  });
});
