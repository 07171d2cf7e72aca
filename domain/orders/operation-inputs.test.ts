import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { shipments } from '@/db/schema/logistics';
import { orderEvents, orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { getCarrierSpec } from '@/domain/logistics/carriers';
import { canShipmentTransition, SHIPMENT_STATUSES } from '@/domain/logistics/shipment-status';
import type { TrackedParcel, TrackingProvider } from '@/domain/logistics/tracking/tracking-provider';
import { canPaymentTransition } from '@/domain/payments/payment-status';
import { ok } from '@/domain/shared/result';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { addOrderNote, MAX_ORDER_NOTE_LENGTH } from './add-order-note';
import { cancelOrder } from './cancel-order';
import { confirmPayment } from './confirm-payment';
import { findOrderByReference } from './find-order';
import { EDITABLE_STATUSES, SHIPPABLE_STATUSES } from './order-status';
import { shipOrder } from './ship-order';

/*
 * Each operation checks its own input (the console's actions and the REST API import the same
 * schema), owns its side effects, and takes its status rules from the transition tables.
 */
let handle: DatabaseHandle;
let f: Factories;
let skuId: number;
let warehouseId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 1212 });
  warehouseId = (await f.warehouse()).id;
  skuId = (await f.sku()).id;
  await f.stock({ skuId, warehouseId, onHand: 100 });
});
const anOrder = (status: 'paid' | 'pending_payment') =>
  f.order({ status, warehouseId, lines: [{ skuId, quantity: 1 }] });
afterAll(async () => handle?.close());

const eventsOf = (orderId: number) => handle.db.$count(orderEvents, eq(orderEvents.orderId, orderId));

describe(`operation inputs (${testDatabaseKind})`, () => {
  it('refuses a note past its limit with the limit, never cutting it, and writes nothing', async () => {
    const { order } = await anOrder('paid');
    const before = await eventsOf(order.id);
    const long = await addOrderNote(handle.db, {
      orderId: order.id,
      note: 'x'.repeat(MAX_ORDER_NOTE_LENGTH + 1),
      actor: SYSTEM_ACTOR,
    });
    expect(long).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { note: ['orders.actions.validation.noteTooLong'] },
    });
    const nul = await addOrderNote(handle.db, { orderId: order.id, note: 'a\u0000b', actor: SYSTEM_ACTOR });
    expect(nul).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { note: ['common.validation.unsafeText'] } });
    expect(await eventsOf(order.id)).toBe(before);
    const exact = await addOrderNote(handle.db, {
      orderId: order.id,
      note: 'y'.repeat(MAX_ORDER_NOTE_LENGTH),
      actor: SYSTEM_ACTOR,
    });
    expect(exact.ok).toBe(true);
  });

  it('checks cancel and confirm-payment input itself, writing nothing', async () => {
    const { order } = await anOrder('pending_payment');
    const before = await eventsOf(order.id);
    expect(await cancelOrder(handle.db, { orderId: order.id, reason: '\u0000', actor: SYSTEM_ACTOR })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(
      await confirmPayment(handle.db, {
        orderId: order.id,
        method: 'bank_transfer',
        reference: '  ',
        actor: SYSTEM_ACTOR,
      }),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { reference: ['orders.actions.validation.reference'] },
    });
    const [after] = await handle.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(after.status).toBe('pending_payment');
    expect(await eventsOf(order.id)).toBe(before);
  });

  it('answers an illegal move with invalid_transition and the status, whether refused up front or after the conditional update', async () => {
    const { order } = await anOrder('pending_payment');
    expect(
      (
        await confirmPayment(handle.db, {
          orderId: order.id,
          method: 'bank_transfer',
          reference: `R-${order.id}`,
          actor: SYSTEM_ACTOR,
        })
      ).ok,
    ).toBe(true);
    const again = await confirmPayment(handle.db, {
      orderId: order.id,
      method: 'bank_transfer',
      reference: `R-${order.id}-b`,
      actor: SYSTEM_ACTOR,
    });
    expect(again).toMatchObject({ ok: false, code: 'invalid_transition', params: { status: 'paid' } });
    const ship = await shipOrder(handle.db, {
      orderId: order.id,
      carrierCode: 'shunfeng',
      trackingNumber: 'SF1234567890123',
      actor: SYSTEM_ACTOR,
      tracking: null,
    });
    expect(ship).toMatchObject({ ok: false, code: 'invalid_transition', params: { status: 'paid' } });
  });

  it('subscribes the parcel for tracking itself, after it committed, and finds its carrier by code', async () => {
    const warehouse = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 5 });
    const { order } = await f.order({
      status: 'awaiting_shipment',
      warehouseId: warehouse.id,
      lines: [{ skuId: sku.id, quantity: 1 }],
    });
    await f.carrier('shunfeng');
    const subscribed: TrackedParcel[] = [];
    const tracking: TrackingProvider = {
      name: 'fake',
      subscribe: async (parcel) => {
        // the shipment is already committed when the aggregator is asked
        const [row] = await handle.db
          .select({ id: shipments.id })
          .from(shipments)
          .where(eq(shipments.trackingNumber, parcel.trackingNumber));
        expect(row).toBeDefined();
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
    const trackingNumber = getCarrierSpec('shunfeng').sampleNumber(order.id);
    const shipped = await shipOrder(handle.db, {
      orderId: order.id,
      carrierCode: 'shunfeng',
      trackingNumber,
      actor: SYSTEM_ACTOR,
      tracking,
    });
    expect(shipped).toMatchObject({ ok: true, data: { status: 'shipped', isSubscribed: true } });
    expect(subscribed).toEqual([expect.objectContaining({ carrierCode: expect.any(String), trackingNumber })]);
    const [row] = await handle.db
      .select({ at: shipments.trackingSubscribedAt })
      .from(shipments)
      .where(eq(shipments.trackingNumber, trackingNumber));
    expect(row.at).not.toBeNull();

    const unknown = await shipOrder(handle.db, {
      orderId: order.id,
      carrierCode: 'NO-SUCH',
      trackingNumber,
      actor: SYSTEM_ACTOR,
      tracking: null,
    });
    expect(unknown.ok).toBe(false);
  });

  it('finds an order by id or by its number as pasted, and nothing for text that cannot be one', async () => {
    const { order } = await anOrder('paid');
    expect(await findOrderByReference(handle.db, String(order.id))).toEqual({ id: order.id, number: order.number });
    expect(await findOrderByReference(handle.db, ` ${order.number.toLowerCase()} `)).toEqual({
      id: order.id,
      number: order.number,
    });
    for (const bad of ['\u0000', '%00', '%E0%A4%A', 'x'.repeat(41), ''])
      expect(await findOrderByReference(handle.db, bad)).toBeNull();
  });
});

describe('status rules from the transition tables', () => {
  it('ships from and edits in the statuses the order table allows', () => {
    expect(SHIPPABLE_STATUSES).toEqual(['awaiting_shipment', 'partially_shipped']);
    expect(EDITABLE_STATUSES).toEqual(['pending_payment', 'paid', 'awaiting_shipment']);
  });

  it('never reopens a delivered or returned parcel with an en-route scan, and never moves back to pending', () => {
    for (const from of ['delivered', 'returned'] as const) {
      for (const to of ['picked_up', 'in_transit', 'out_for_delivery'] as const)
        expect(canShipmentTransition(from, to)).toBe(false);
    }
    expect(canShipmentTransition('delivered', 'returned')).toBe(true);
    for (const from of SHIPMENT_STATUSES) expect(canShipmentTransition(from, 'pending')).toBe(false);
  });

  it('lets a late success count after a failure or close, and nothing leave succeeded', () => {
    expect(canPaymentTransition('failed', 'succeeded')).toBe(true);
    expect(canPaymentTransition('closed', 'succeeded')).toBe(true);
    expect(canPaymentTransition('succeeded', 'failed')).toBe(false);
    expect(canPaymentTransition('failed', 'closed')).toBe(false);
  });
});
