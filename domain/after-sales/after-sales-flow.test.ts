import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { afterSalesEvents, afterSalesLines } from '@/db/schema/after-sales';
import type { Carrier } from '@/db/schema/logistics';
import { refunds } from '@/db/schema/payments';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import { getCarrierSpec } from '@/domain/logistics/carriers';
import type { TrackedParcel, TrackingProvider } from '@/domain/logistics/tracking/tracking-provider';
import type { PaymentsRequestContext } from '@/domain/payments/providers/resolve-provider';
import { paymentsTestContext } from '@/testing/payments-testing';
import type { Actor } from '@/domain/shared/actor';
import { ok } from '@/domain/shared/result';
import { approveAfterSalesRequest } from './approve-after-sales-request';
import { cancelAfterSalesRequest } from './cancel-after-sales-request';
import { completeReplacement } from './complete-replacement';
import { createAfterSalesRequest } from './create-after-sales-request';
import { receiveAndInspect } from './receive-and-inspect';
import { recordReturnParcel } from './record-return-parcel';
import { sendRefund } from './send-refund';
import { shipReplacement } from './ship-replacement';

let handle: DatabaseHandle;
let f: Factories;
let warehouseId: number;
let carrier: Carrier;
let payments: PaymentsRequestContext;
let serial = 1;
const agent: Actor = { type: 'staff', id: null, name: 'agent' };
const subscribed: TrackedParcel[] = [];
const tracking: TrackingProvider = {
  name: 'recording',
  subscribe: async (parcel) => {
    subscribed.push(parcel);
    return ok(undefined);
  },
  query: async () => {
    throw new Error('not used');
  },
  parsePush: () => {
    throw new Error('not used');
  },
};
const nextTracking = () => getCarrierSpec('shunfeng').sampleNumber(9_000 + serial++);

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 1515 });
  warehouseId = (await f.warehouse()).id;
  carrier = await f.carrier('shunfeng');
  payments = paymentsTestContext(handle);
}, 120_000);
afterAll(async () => handle?.close());

async function shippedOrder(
  options: {
    quantity?: number;
    priceCents?: number;
    method?: 'alipay' | 'bank_transfer';
    status?: 'shipped' | 'paid';
  } = {},
) {
  const sku = await f.sku({ priceCents: options.priceCents ?? 10_000 });
  await f.stock({ skuId: sku.id, warehouseId, onHand: 20 });
  const placed = await f.order({
    status: options.status ?? 'shipped',
    lines: [{ skuId: sku.id, quantity: options.quantity ?? 2 }],
    shippingCents: 800,
    paymentMethod: options.method ?? 'alipay',
    warehouseId,
  });
  return { ...placed, sku };
}

const eventsOf = (requestId: number) =>
  handle.db
    .select()
    .from(afterSalesEvents)
    .where(eq(afterSalesEvents.requestId, requestId))
    .orderBy(asc(afterSalesEvents.id));

describe(`after-sales end to end (${testDatabaseKind})`, () => {
  it('return and refund: approve, return parcel, one unit restocked and one damaged, refund through the sandbox', async () => {
    const { order, lines, sku } = await shippedOrder();
    const created = await createAfterSalesRequest(handle.db, {
      orderId: order.id,
      kind: 'return_refund',
      actor: agent,
      lines: [{ orderLineId: lines[0].id, quantity: 2, reasonCode: 'quality_problem' }],
    });
    if (!created.ok) throw new Error(created.message);
    expect(created.data.number).toMatch(/^AS\d{12}$/);
    const approved = await approveAfterSalesRequest(handle.db, { requestId: created.data.id, actor: agent });
    expect(approved.ok && approved.data.status).toBe('awaiting_return');
    expect(approved.ok && approved.data.deadlineAt).toBeInstanceOf(Date);

    const badNumber = await recordReturnParcel(handle.db, {
      requestId: created.data.id,
      carrierId: carrier.id,
      trackingNumber: '123',
      actor: agent,
      tracking,
    });
    expect(badNumber.ok === false && badNumber.code).toBe('invalid_tracking_number');
    const number = nextTracking();
    const parcel = await recordReturnParcel(handle.db, {
      requestId: created.data.id,
      carrierId: carrier.id,
      trackingNumber: number,
      actor: agent,
      tracking,
    });
    expect(parcel.ok && parcel.data).toMatchObject({
      status: 'return_in_transit',
      returnTrackingNumber: number,
      subscribed: true,
    });
    expect(subscribed.at(-1)).toMatchObject({ carrierCode: 'shunfeng', trackingNumber: number });

    const before = (await findStockLevel(handle.db, sku.id, warehouseId))!;
    const [line] = await handle.db.select().from(afterSalesLines).where(eq(afterSalesLines.requestId, created.data.id));
    const inspected = await receiveAndInspect(handle.db, {
      requestId: created.data.id,
      actor: agent,
      lines: [{ lineId: line.id, restock: 1, damaged: 1, scrap: 0 }],
    });
    if (!inspected.ok) throw new Error(inspected.message);
    // two units at 10_000 each plus shipping (quality problem: the seller's fault)
    expect(inspected.data).toMatchObject({ status: 'inspected', refundProposedCents: 20_800 });
    const after = (await findStockLevel(handle.db, sku.id, warehouseId))!;
    expect(after.onHand - after.reserved).toBe(before.onHand - before.reserved + 1);
    expect(after.nonSellable).toBe(before.nonSellable + 1);

    const tooMuch = await sendRefund(handle.db, {
      requestId: created.data.id,
      amountCents: 20_801,
      actor: agent,
      payments,
    });
    expect(tooMuch.ok === false && tooMuch.code).toBe('exceeds_proposed');
    const refunded = await sendRefund(handle.db, {
      requestId: created.data.id,
      amountCents: 20_000,
      actor: agent,
      payments,
    });
    if (!refunded.ok) throw new Error(refunded.message);
    expect(refunded.data.status).toBe('completed');
    const rows = await handle.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(rows.map((r) => [r.amountCents, r.status])).toEqual([[20_000, 'succeeded']]);
    expect((await eventsOf(created.data.id)).map((e) => e.toStatus).filter(Boolean)).toEqual([
      'requested',
      'approved',
      'awaiting_return',
      'return_in_transit',
      'received',
      'inspected',
      'refunding',
      'completed',
    ]);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('refund only on a manual payment: approved with its proposal, refunded by a recorded transfer', async () => {
    const { order, lines } = await shippedOrder({ method: 'bank_transfer', quantity: 3, priceCents: 1_000 });
    const created = await createAfterSalesRequest(handle.db, {
      orderId: order.id,
      kind: 'refund_only',
      actor: agent,
      lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'no_longer_wanted' }],
    });
    if (!created.ok) throw new Error(created.message);
    const approved = await approveAfterSalesRequest(handle.db, { requestId: created.data.id, actor: agent });
    expect(approved.ok && approved.data).toMatchObject({ status: 'approved', refundProposedCents: 1_000 });
    const noReference = await sendRefund(handle.db, { requestId: created.data.id, actor: agent });
    expect(noReference.ok === false && noReference.code).toBe('reference_required');
    const sent = await sendRefund(handle.db, { requestId: created.data.id, reference: 'TRX-1', actor: agent });
    expect(sent.ok && sent.data.status).toBe('completed');
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('a refund whose provider call fails stays refunding with the error; the retry sends the same refund once', async () => {
    const { order, lines } = await shippedOrder({ quantity: 1 });
    const created = await createAfterSalesRequest(handle.db, {
      orderId: order.id,
      kind: 'refund_only',
      actor: agent,
      lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'other' }],
    });
    if (!created.ok) throw new Error(created.message);
    await approveAfterSalesRequest(handle.db, { requestId: created.data.id, actor: agent });
    const down = async () => ({ status: 503, headers: {}, body: 'unavailable' });
    const failed = await sendRefund(handle.db, { requestId: created.data.id, actor: agent, payments, transport: down });
    expect(failed.ok === false && failed.code).toBe('refund_failed');
    const retried = await Promise.all(
      [1, 2].map(() => sendRefund(handle.db, { requestId: created.data.id, actor: agent, payments })),
    );
    expect(retried.some((r) => r.ok && r.data.status === 'completed')).toBe(true);
    const rows = await handle.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountCents: 10_000, status: 'succeeded' });
  });

  it('exchange: out of stock replacement refused with a clear message, then reserved, shipped and completed', async () => {
    const { order, lines } = await shippedOrder({ quantity: 1 });
    const other = await f.sku({ priceCents: 10_000, code: `XCH-${serial++}` });
    await f.stock({ skuId: other.id, warehouseId, onHand: 0 });
    const created = await createAfterSalesRequest(handle.db, {
      orderId: order.id,
      kind: 'exchange',
      actor: agent,
      lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'wrong_size', replacementSkuId: other.id }],
    });
    if (!created.ok) throw new Error(created.message);
    const short = await approveAfterSalesRequest(handle.db, { requestId: created.data.id, actor: agent });
    expect(short.ok === false && short.code).toBe('insufficient_stock');
    expect(short.ok === false && short.message).toContain(other.code);
    expect((await eventsOf(created.data.id)).map((e) => e.toStatus)).toEqual(['requested']);

    await f.stock({ skuId: other.id, warehouseId, onHand: 1 });
    const approved = await approveAfterSalesRequest(handle.db, { requestId: created.data.id, actor: agent });
    expect(approved.ok && approved.data.status).toBe('awaiting_return');
    expect((await findStockLevel(handle.db, other.id, warehouseId))!.reserved).toBe(1);
    const [line] = await handle.db.select().from(afterSalesLines).where(eq(afterSalesLines.requestId, created.data.id));
    expect(
      (
        await receiveAndInspect(handle.db, {
          requestId: created.data.id,
          actor: agent,
          lines: [{ lineId: line.id, restock: 1, damaged: 0, scrap: 0 }],
        })
      ).ok,
    ).toBe(true);
    const shipped = await shipReplacement(handle.db, {
      requestId: created.data.id,
      carrierId: carrier.id,
      trackingNumber: nextTracking(),
      actor: agent,
    });
    if (!shipped.ok) throw new Error(shipped.message);
    expect(shipped.data.status).toBe('replacement_shipped');
    expect(await findStockLevel(handle.db, other.id, warehouseId)).toMatchObject({ onHand: 0, reserved: 0 });
    expect((await completeReplacement(handle.db, { requestId: created.data.id, actor: agent })).ok).toBe(true);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('reship: reserved at approval, released when the buyer withdraws, shipped when not', async () => {
    const { order, lines, sku } = await shippedOrder({ quantity: 2 });
    const levelBefore = (await findStockLevel(handle.db, sku.id, warehouseId))!;
    const first = await createAfterSalesRequest(handle.db, {
      orderId: order.id,
      kind: 'reship',
      actor: agent,
      lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'missing_item' }],
    });
    if (!first.ok) throw new Error(first.message);
    await approveAfterSalesRequest(handle.db, { requestId: first.data.id, actor: agent });
    expect((await findStockLevel(handle.db, sku.id, warehouseId))!.reserved).toBe(levelBefore.reserved + 1);
    expect((await cancelAfterSalesRequest(handle.db, { requestId: first.data.id, actor: agent })).ok).toBe(true);
    expect((await findStockLevel(handle.db, sku.id, warehouseId))!.reserved).toBe(levelBefore.reserved);
    const again = await cancelAfterSalesRequest(handle.db, { requestId: first.data.id, actor: agent });
    expect(again.ok === false && again.code === 'invalid_transition' && again.params?.status).toBe('cancelled');

    const second = await createAfterSalesRequest(handle.db, {
      orderId: order.id,
      kind: 'reship',
      actor: agent,
      lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'missing_item' }],
    });
    if (!second.ok) throw new Error(second.message);
    await approveAfterSalesRequest(handle.db, { requestId: second.data.id, actor: agent });
    const shipped = await shipReplacement(handle.db, {
      requestId: second.data.id,
      carrierId: carrier.id,
      trackingNumber: nextTracking(),
      actor: agent,
      tracking,
    });
    expect(shipped.ok && shipped.data.status).toBe('replacement_shipped');
    const cancel = await cancelAfterSalesRequest(handle.db, { requestId: second.data.id, actor: agent });
    expect(cancel.ok === false && cancel.code).toBe('invalid_transition');
    expect(await findStockLevel(handle.db, sku.id, warehouseId)).toMatchObject({
      onHand: levelBefore.onHand - 1,
      reserved: levelBefore.reserved,
    });
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('refuses a line of another order, an unknown reason, and more than bought or shipped, changing nothing', async () => {
    const a = await shippedOrder({ quantity: 1 });
    const b = await shippedOrder({ quantity: 1, status: 'paid' });
    const other = await createAfterSalesRequest(handle.db, {
      orderId: a.order.id,
      kind: 'refund_only',
      actor: agent,
      lines: [{ orderLineId: b.lines[0].id, quantity: 1, reasonCode: 'other' }],
    });
    expect(other.ok === false && other.fieldErrors).toEqual({ 'lines.0.orderLineId': ['not_in_order'] });
    const reason = await createAfterSalesRequest(handle.db, {
      orderId: a.order.id,
      kind: 'refund_only',
      actor: agent,
      lines: [{ orderLineId: a.lines[0].id, quantity: 1, reasonCode: 'nope' }],
    });
    expect(reason.ok === false && reason.fieldErrors).toEqual({ 'lines.0.reasonCode': ['unknown_reason'] });
    const more = await createAfterSalesRequest(handle.db, {
      orderId: a.order.id,
      kind: 'refund_only',
      actor: agent,
      lines: [{ orderLineId: a.lines[0].id, quantity: 2, reasonCode: 'other' }],
    });
    expect(more.ok === false && more.params).toEqual({ max: 1 });
    // nothing has shipped yet: nothing can come back
    const unshipped = await createAfterSalesRequest(handle.db, {
      orderId: b.order.id,
      kind: 'return_refund',
      actor: agent,
      lines: [{ orderLineId: b.lines[0].id, quantity: 1, reasonCode: 'other' }],
    });
    expect(unshipped.ok === false && unshipped.code).toBe('invalid_lines');
    const rows = await handle.db
      .select()
      .from(afterSalesLines)
      .where(and(eq(afterSalesLines.orderLineId, a.lines[0].id)));
    expect(rows).toEqual([]);
  });
});
