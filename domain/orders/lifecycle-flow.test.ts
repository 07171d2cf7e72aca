import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { stockLevels } from '@/db/schema/inventory';
import { shipmentLines, shipments, type Carrier } from '@/db/schema/logistics';
import { orderEvents, orders } from '@/db/schema/orders';
import { payments } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { SYSTEM_ACTOR, staffActor } from '@/domain/shared/actor';
import { addOrderNote } from './add-order-note';
import { completeOrder } from './complete-order';
import { confirmPayment } from './confirm-payment';
import { reviewOrder } from './review-order';
import { setOrderTags } from './set-order-tags';
import { shipOrder } from './ship-order';

let handle: DatabaseHandle;
let f: Factories;
let warehouseId: number;
let otherWarehouseId: number;
let skuA: number;
let skuB: number;
let sf: Carrier;
let serial = 0;
let actor: ReturnType<typeof staffActor>;
// a tracking number that matches SF's pattern and no other test's
const sfNumber = () => `SF${String(Date.now() % 1e8).padStart(8, '0')}${String(++serial).padStart(4, '0')}`;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 303 });
  warehouseId = (await f.warehouse()).id;
  otherWarehouseId = (await f.warehouse()).id;
  skuA = (await f.sku()).id;
  skuB = (await f.sku()).id;
  for (const skuId of [skuA, skuB]) {
    await f.stock({ skuId, warehouseId, onHand: 1_000 });
    await f.stock({ skuId, warehouseId: otherWarehouseId, onHand: 1_000 });
  }
  sf = await f.carrier('shunfeng');
  const staff = await f.staff({ role: 'admin', name: '王仓管' });
  actor = staffActor(staff);
});
afterEach(async () => {
  // the stock invariant holds after every scenario
  expect(await checkStockLedger(handle.db)).toEqual([]);
});
afterAll(async () => handle?.close());

const level = async (skuId: number, wh = warehouseId) =>
  (
    await handle.db
      .select()
      .from(stockLevels)
      .where(and(eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, wh)))
  )[0];
const statusOf = async (orderId: number) =>
  (await handle.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0].status;
const eventsOf = (orderId: number) =>
  handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id));

describe(`confirmPayment (${testDatabaseKind})`, () => {
  it('records the full total as a succeeded manual payment and moves the order to paid', async () => {
    const { order } = await f.order({ status: 'pending_payment', warehouseId, lines: [{ skuId: skuA, quantity: 2 }] });
    const result = await confirmPayment(handle.db, {
      orderId: order.id,
      method: 'bank_transfer',
      reference: ' TX-2026-0001 ',
      actor,
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        order: { status: 'paid' },
        payment: {
          status: 'succeeded',
          amountCents: order.totalCents,
          providerTxnId: 'TX-2026-0001',
          createdBy: actor.id,
        },
      },
    });
    if (!result.ok) return;
    expect(result.data.payment.outTradeNo).toMatch(new RegExp(`^MANUAL-${order.number}-\\d+$`));
    const events = await eventsOf(order.id);
    expect(events.slice(-2).map((e) => [e.kind, e.toStatus, e.actorName])).toEqual([
      ['status_changed', 'paid', '王仓管'],
      ['payment', null, '王仓管'],
    ]);
  });

  it('refuses an order that is not pending payment, cash on delivery, and a reused reference, changing nothing', async () => {
    const { order: paid } = await f.order({ status: 'paid', warehouseId, lines: [{ skuId: skuA, quantity: 1 }] });
    expect(
      await confirmPayment(handle.db, { orderId: paid.id, method: 'bank_transfer', reference: 'X-1', actor }),
    ).toMatchObject({ ok: false, code: 'invalid_transition', params: { status: 'paid' } });

    const { order: cod } = await f.order({
      status: 'awaiting_shipment',
      isCashOnDelivery: true,
      warehouseId,
      lines: [{ skuId: skuA, quantity: 1 }],
    });
    expect(
      await confirmPayment(handle.db, { orderId: cod.id, method: 'bank_transfer', reference: 'X-2', actor }),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });

    const { order: first } = await f.order({
      status: 'pending_payment',
      warehouseId,
      lines: [{ skuId: skuA, quantity: 1 }],
    });
    const { order: second } = await f.order({
      status: 'pending_payment',
      warehouseId,
      lines: [{ skuId: skuA, quantity: 1 }],
    });
    expect(
      (await confirmPayment(handle.db, { orderId: first.id, method: 'bank_transfer', reference: 'SAME-REF', actor }))
        .ok,
    ).toBe(true);
    expect(
      await confirmPayment(handle.db, { orderId: second.id, method: 'bank_transfer', reference: 'SAME-REF', actor }),
    ).toMatchObject({ ok: false, code: 'duplicate_reference' });
    expect(await statusOf(second.id)).toBe('pending_payment');
    expect(
      await confirmPayment(handle.db, { orderId: 987_654_321, method: 'bank_transfer', reference: 'X-3', actor }),
    ).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('lets exactly one of two simultaneous confirmations win', async () => {
    const { order } = await f.order({ status: 'pending_payment', warehouseId, lines: [{ skuId: skuA, quantity: 1 }] });
    const results = await Promise.all(
      ['A', 'B'].map((ref) =>
        confirmPayment(handle.db, {
          orderId: order.id,
          method: 'bank_transfer',
          reference: `RACE-${order.id}-${ref}`,
          actor,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'invalid_transition' });
    const succeeded = await handle.db
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.status, 'succeeded')));
    expect(succeeded).toHaveLength(1);
  });
});

describe(`reviewOrder (${testDatabaseKind})`, () => {
  it('moves a paid order to awaiting shipment and clears needs review', async () => {
    const { order } = await f.order({
      status: 'paid',
      needsReview: true,
      warehouseId,
      lines: [{ skuId: skuA, quantity: 1 }],
    });
    expect(await reviewOrder(handle.db, { orderId: order.id, actor })).toMatchObject({
      ok: true,
      data: { status: 'awaiting_shipment', needsReview: false },
    });
  });

  it('refuses other statuses and loses a race cleanly', async () => {
    const { order: pending } = await f.order({
      status: 'pending_payment',
      warehouseId,
      lines: [{ skuId: skuA, quantity: 1 }],
    });
    expect(await reviewOrder(handle.db, { orderId: pending.id, actor })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      params: { status: 'pending_payment' },
    });
    const { order } = await f.order({ status: 'paid', warehouseId, lines: [{ skuId: skuA, quantity: 1 }] });
    const results = await Promise.all([
      reviewOrder(handle.db, { orderId: order.id, actor }),
      reviewOrder(handle.db, { orderId: order.id, actor: SYSTEM_ACTOR }),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect((await eventsOf(order.id)).filter((e) => e.toStatus === 'awaiting_shipment')).toHaveLength(1);
  });
});

describe(`shipOrder (${testDatabaseKind})`, () => {
  it('ships part, then the rest: partially shipped, then shipped, stock leaving on hand and reserved', async () => {
    const { order, lines } = await f.order({
      status: 'awaiting_shipment',
      warehouseId,
      lines: [
        { skuId: skuA, quantity: 3 },
        { skuId: skuB, quantity: 2 },
      ],
    });
    const before = { a: await level(skuA), b: await level(skuB) };

    const first = await shipOrder(handle.db, {
      orderId: order.id,
      carrierId: sf.id,
      trackingNumber: sfNumber(),
      actor,
      lines: [
        { orderLineId: lines[0].id, quantity: 2 },
        { orderLineId: lines[1].id, quantity: 0 },
      ],
    });
    expect(first).toMatchObject({
      ok: true,
      data: { status: 'partially_shipped', shipment: { warehouseId, carrierId: sf.id, createdBy: actor.id } },
    });
    expect(await level(skuA)).toMatchObject({ onHand: before.a.onHand - 2, reserved: before.a.reserved - 2 });
    expect(await level(skuB)).toMatchObject({ onHand: before.b.onHand, reserved: before.b.reserved });

    // too much of what remains is refused and changes nothing
    const tooMany = await shipOrder(handle.db, {
      orderId: order.id,
      carrierId: sf.id,
      trackingNumber: sfNumber(),
      actor,
      lines: [{ orderLineId: lines[0].id, quantity: 2 }],
    });
    expect(tooMany).toMatchObject({
      ok: false,
      code: 'invalid_lines',
      fieldErrors: { 'lines.0.quantity': ['more_than_remaining'] },
    });

    // default: everything not shipped yet
    const rest = await shipOrder(handle.db, { orderId: order.id, carrierId: sf.id, trackingNumber: sfNumber(), actor });
    expect(rest).toMatchObject({ ok: true, data: { status: 'shipped' } });
    expect(await level(skuA)).toMatchObject({ onHand: before.a.onHand - 3, reserved: before.a.reserved - 3 });
    expect(await level(skuB)).toMatchObject({ onHand: before.b.onHand - 2, reserved: before.b.reserved - 2 });
    const [row] = await handle.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row.shippedAt).not.toBeNull();
    const parcels = await handle.db.select({ id: shipments.id }).from(shipments).where(eq(shipments.orderId, order.id));
    expect(parcels).toHaveLength(2);
    const shippedLines = await handle.db
      .select()
      .from(shipmentLines)
      .where(eq(shipmentLines.shipmentId, parcels[1].id));
    expect(shippedLines.map((l) => [l.orderLineId, l.quantity]).sort()).toEqual(
      [
        [lines[0].id, 1],
        [lines[1].id, 2],
      ].sort(),
    );
    expect(
      (await eventsOf(order.id))
        .filter((e) => e.kind === 'shipment' || e.kind === 'status_changed')
        .slice(-4)
        .map((e) => e.toStatus ?? e.kind),
    ).toEqual(['partially_shipped', 'shipment', 'shipped', 'shipment']);

    expect(
      await shipOrder(handle.db, { orderId: order.id, carrierId: sf.id, trackingNumber: sfNumber(), actor }),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('validates carrier, tracking number (pattern, once per carrier) and warehouse', async () => {
    const { order } = await f.order({
      status: 'awaiting_shipment',
      warehouseId,
      lines: [{ skuId: skuA, quantity: 1 }],
    });
    expect(
      await shipOrder(handle.db, { orderId: order.id, carrierId: 999_999, trackingNumber: sfNumber(), actor }),
    ).toMatchObject({ ok: false, code: 'unknown_carrier' });
    expect(
      await shipOrder(handle.db, { orderId: order.id, carrierId: sf.id, trackingNumber: 'YT1234567890123', actor }),
    ).toMatchObject({
      ok: false,
      code: 'invalid_tracking_number',
      fieldErrors: { trackingNumber: ['invalid_tracking_number'] },
    });
    const used = sfNumber();
    const { order: other } = await f.order({
      status: 'awaiting_shipment',
      warehouseId,
      lines: [{ skuId: skuA, quantity: 1 }],
    });
    expect(
      (await shipOrder(handle.db, { orderId: other.id, carrierId: sf.id, trackingNumber: used.toLowerCase(), actor }))
        .ok,
    ).toBe(true);
    expect(
      await shipOrder(handle.db, { orderId: order.id, carrierId: sf.id, trackingNumber: used, actor }),
    ).toMatchObject({ ok: false, code: 'duplicate_tracking_number' });

    const { order: split } = await f.order({
      status: 'awaiting_shipment',
      lines: [
        { skuId: skuA, quantity: 1, warehouseId },
        { skuId: skuB, quantity: 1, warehouseId: otherWarehouseId },
      ],
    });
    expect(
      await shipOrder(handle.db, { orderId: split.id, carrierId: sf.id, trackingNumber: sfNumber(), actor }),
    ).toMatchObject({ ok: false, code: 'mixed_warehouses' });
    expect(await statusOf(split.id)).toBe('awaiting_shipment');
    const { order: paid } = await f.order({ status: 'paid', warehouseId, lines: [{ skuId: skuA, quantity: 1 }] });
    expect(
      await shipOrder(handle.db, { orderId: paid.id, carrierId: sf.id, trackingNumber: sfNumber(), actor }),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('never ships more than was ordered when two people ship at once', async () => {
    const { order } = await f.order({
      status: 'awaiting_shipment',
      warehouseId,
      lines: [{ skuId: skuA, quantity: 2 }],
    });
    const before = await level(skuA);
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        shipOrder(handle.db, { orderId: order.id, carrierId: sf.id, trackingNumber: sfNumber(), actor }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual([
      'invalid_transition',
      'invalid_transition',
    ]);
    expect(await level(skuA)).toMatchObject({ onHand: before.onHand - 2, reserved: before.reserved - 2 });
  });
});

describe(`completeOrder (${testDatabaseKind})`, () => {
  it('completes a shipped order; cash on delivery gets its payment recorded once', async () => {
    const { order } = await f.order({ status: 'shipped', warehouseId, lines: [{ skuId: skuA, quantity: 1 }] });
    expect(await completeOrder(handle.db, { orderId: order.id, actor })).toMatchObject({
      ok: true,
      data: { status: 'completed' },
    });
    expect(await completeOrder(handle.db, { orderId: order.id, actor })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      params: { status: 'completed' },
    });

    const { order: cod } = await f.order({
      status: 'awaiting_shipment',
      isCashOnDelivery: true,
      warehouseId,
      lines: [{ skuId: skuB, quantity: 1 }],
    });
    expect(
      (await shipOrder(handle.db, { orderId: cod.id, carrierId: sf.id, trackingNumber: sfNumber(), actor })).ok,
    ).toBe(true);
    expect((await completeOrder(handle.db, { orderId: cod.id, actor: SYSTEM_ACTOR })).ok).toBe(true);
    const paid = await handle.db.select().from(payments).where(eq(payments.orderId, cod.id));
    expect(paid.filter((p) => p.status === 'succeeded')).toMatchObject([
      { method: 'cash_on_delivery', amountCents: cod.totalCents, outTradeNo: `COD-${cod.number}` },
    ]);
  });

  it('refuses an order that has not shipped', async () => {
    const { order } = await f.order({
      status: 'awaiting_shipment',
      warehouseId,
      lines: [{ skuId: skuA, quantity: 1 }],
    });
    expect(await completeOrder(handle.db, { orderId: order.id, actor })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      params: { status: 'awaiting_shipment' },
    });
  });
});

describe(`notes and tags (${testDatabaseKind})`, () => {
  it('adds an internal note to the timeline, refusing an empty one', async () => {
    const { order } = await f.order({ status: 'paid', warehouseId, lines: [{ skuId: skuA, quantity: 1 }] });
    expect(await addOrderNote(handle.db, { orderId: order.id, note: '  客户要求周末配送  ', actor })).toMatchObject({
      ok: true,
    });
    expect((await eventsOf(order.id)).at(-1)).toMatchObject({
      kind: 'note',
      message: '客户要求周末配送',
      actorName: '王仓管',
    });
    expect(await addOrderNote(handle.db, { orderId: order.id, note: '   ', actor })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await addOrderNote(handle.db, { orderId: 987_654_321, note: 'x', actor })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('sets trimmed, de-duplicated tags within the limits, and adds to them', async () => {
    const { order } = await f.order({ status: 'paid', warehouseId, lines: [{ skuId: skuA, quantity: 1 }] });
    expect(
      await setOrderTags(handle.db, { orderId: order.id, tags: [' VIP ', 'vip', '', '加急'], actor }),
    ).toMatchObject({ ok: true, data: { tags: ['VIP', '加急'] } });
    expect(await setOrderTags(handle.db, { orderId: order.id, add: ['加急', '赠品'], actor })).toMatchObject({
      ok: true,
      data: { tags: ['VIP', '加急', '赠品'] },
    });
    expect((await eventsOf(order.id)).at(-1)).toMatchObject({
      kind: 'tagged',
      details: { before: ['VIP', '加急'], after: ['VIP', '加急', '赠品'] },
    });
    expect(await setOrderTags(handle.db, { orderId: order.id, tags: ['x'.repeat(31)], actor })).toMatchObject({
      ok: false,
      code: 'tag_too_long',
    });
    expect(
      await setOrderTags(handle.db, { orderId: order.id, tags: Array.from({ length: 21 }, (_, i) => `t${i}`), actor }),
    ).toMatchObject({ ok: false, code: 'too_many_tags' });
    const [row] = await handle.db.select({ tags: orders.tags }).from(orders).where(eq(orders.id, order.id));
    expect(row.tags).toEqual(['VIP', '加急', '赠品']);
  });
});
