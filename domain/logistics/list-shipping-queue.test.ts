import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { listShippingQueue } from './list-shipping-queue';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 17 });
});
afterAll(async () => handle?.close());

describe(`shipping queue (${testDatabaseKind})`, () => {
  it('shows each warehouse its own parcels of a split order, with their own units', async () => {
    const north = await f.warehouse({ name: '北京仓' });
    const south = await f.warehouse({ name: '广州仓' });
    const mug = await f.sku();
    const towel = await f.sku();
    for (const w of [north, south]) {
      await f.stock({ skuId: mug.id, warehouseId: w.id, onHand: 50 });
      await f.stock({ skuId: towel.id, warehouseId: w.id, onHand: 50 });
    }
    const split = await f.order({
      status: 'awaiting_shipment',
      lines: [
        { skuId: mug.id, quantity: 3, warehouseId: north.id },
        { skuId: towel.id, quantity: 2, warehouseId: south.id },
        { skuId: mug.id, quantity: 1, warehouseId: south.id },
      ],
    });
    const southOnly = await f.order({
      status: 'awaiting_shipment',
      lines: [{ skuId: towel.id, quantity: 1, warehouseId: south.id }],
    });
    // north's parcel left already: only the south parcel is still waiting
    const partial = await f.order({
      status: 'partially_shipped',
      lines: [
        { skuId: mug.id, quantity: 1, warehouseId: north.id },
        { skuId: towel.id, quantity: 4, warehouseId: south.id },
      ],
    });
    const cancelled = await f.order({
      status: 'cancelled',
      lines: [{ skuId: mug.id, quantity: 1, warehouseId: south.id }],
    });

    const southQueue = await listShippingQueue(handle.db, { warehouse: south.id });
    const southParcels = southQueue.groups.flatMap((g) => g.orders);
    expect(southParcels.map((p) => [p.number, p.warehouseId, p.remainingUnits, p.parcelCount]).sort()).toEqual(
      [
        [split.order.number, south.id, 3, 2],
        [southOnly.order.number, south.id, 1, 1],
        [partial.order.number, south.id, 4, 1],
      ].sort(),
    );
    expect(southQueue.total).toBe(3);

    const northQueue = await listShippingQueue(handle.db, { warehouse: north.id });
    expect(northQueue.groups.flatMap((g) => g.orders).map((p) => [p.number, p.remainingUnits, p.parcelCount])).toEqual([
      [split.order.number, 3, 2],
    ]);

    // unfiltered: the split order is under both warehouses, counted once as an order
    const all = await listShippingQueue(handle.db, {});
    const parcelsOfSplit = all.groups.flatMap((g) => g.orders).filter((p) => p.id === split.order.id);
    expect(parcelsOfSplit.map((p) => p.warehouseName).sort()).toEqual(['北京仓', '广州仓'].sort());
    const numbers = all.groups.flatMap((g) => g.orders.map((o) => o.number));
    expect(numbers).not.toContain(cancelled.order.number);
    expect(all.total).toBe(new Set(all.groups.flatMap((g) => g.orders.map((o) => o.id))).size);
    // each warehouse group's count is its own parcels, matching its pick list
    for (const group of all.groups) expect(group.orders.every((o) => o.warehouseId === group.warehouseId)).toBe(true);
  });
});
