import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { getOrder } from './get-order';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 3 });
});
afterAll(async () => handle?.close());

describe(`getOrder (${testDatabaseKind})`, () => {
  it('returns a partially shipped order with its lines, money, shipments and timeline', async () => {
    const warehouse = await f.warehouse();
    const a = await f.sku({ priceCents: 4990 });
    const b = await f.sku({ priceCents: 1990 });
    for (const s of [a, b]) await f.stock({ skuId: s.id, warehouseId: warehouse.id, onHand: 20 });
    const customer = await f.customer({ name: '王小明', phone: '13700001234' });
    const made = await f.order({
      status: 'partially_shipped',
      customerId: customer.id,
      discountCents: 500,
      lines: [
        { skuId: a.id, quantity: 2 },
        { skuId: b.id, quantity: 1 },
      ],
    });

    const detail = await getOrder(handle.db, made.order.id);
    expect(detail).not.toBeNull();
    expect(detail!.order.number).toBe(made.order.number);
    expect(detail!.customer).toMatchObject({ name: '王小明', phone: '13700001234' });
    expect(detail!.lines.map((l) => [l.skuCode, l.quantity, l.unitPriceCents, l.lineTotalCents])).toEqual([
      [a.code, 2, 4990, 9980],
      [b.code, 1, 1990, 1990],
    ]);
    expect(detail!.order.totalCents).toBe(9980 + 1990 - 500 + detail!.order.shippingCents + detail!.order.taxCents);
    expect(detail!.paymentState).toBe('paid');
    expect(detail!.paidCents).toBe(detail!.order.totalCents);
    expect(detail!.fulfillmentState).toBe('partial');
    expect(detail!.shipments.length).toBeGreaterThan(0);
    expect(detail!.shipments[0].carrierName).toBeTruthy();
    const shipped = detail!.shipments.flatMap((s) => s.lines).reduce((sum, l) => sum + l.quantity, 0);
    expect(shipped).toBeGreaterThan(0);
    expect(shipped).toBeLessThan(3);
    // the timeline is oldest first and starts with the creation
    expect(detail!.events.length).toBeGreaterThan(1);
    expect(detail!.events[0].kind).toBe('created');
    const eventIds = detail!.events.map((e) => e.id);
    expect(eventIds).toEqual([...eventIds].sort((x, y) => x - y));
  });

  it('returns a cash-on-delivery order as cod_due and unfulfilled', async () => {
    const warehouse = await f.warehouse();
    const s = await f.sku();
    await f.stock({ skuId: s.id, warehouseId: warehouse.id, onHand: 5 });
    const made = await f.order({
      status: 'awaiting_shipment',
      isCashOnDelivery: true,
      customerId: null,
      lines: [{ skuId: s.id, quantity: 1 }],
    });
    const detail = await getOrder(handle.db, made.order.id);
    expect(detail!.customer).toBeNull();
    expect(detail!.paymentState).toBe('cod_due');
    expect(detail!.fulfillmentState).toBe('unfulfilled');
    expect(detail!.shipments).toEqual([]);
  });

  it('returns null for an unknown or impossible id', async () => {
    expect(await getOrder(handle.db, 987_654_321)).toBeNull();
    expect(await getOrder(handle.db, 0)).toBeNull();
    expect(await getOrder(handle.db, -5)).toBeNull();
    expect(await getOrder(handle.db, Number.NaN)).toBeNull();
  });
});
