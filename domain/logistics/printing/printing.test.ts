import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { validateTrackingNumber } from '@/domain/logistics/carriers';
import { findLabelCarrier } from './find-label-carrier';
import { loadPrintBatch } from './load-print-batch';
import { buildPackingSlips } from './packing-slips';
import { buildPickList } from './pick-list';
import { buildShippingLabels } from './shipping-labels';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 11 });
});
afterAll(async () => handle?.close());

/** The same database, counting the queries a function issues. */
function countingSelects(db: Database) {
  const counter = { selects: 0 };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'select' && typeof value === 'function') {
        return (...args: unknown[]) => {
          counter.selects += 1;
          return value.apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy, counter };
}

describe(`print documents (${testDatabaseKind})`, () => {
  async function scenario() {
    const north = await f.warehouse({ name: '北京仓' });
    const south = await f.warehouse({ name: '广州仓' });
    const mug = await f.sku({ name: '陶瓷马克杯', variant: '白色' });
    const cable = await f.sku({ name: '数据线', variant: '1米' });
    const towel = await f.sku({ name: '毛巾', variant: '蓝色' });
    await f.stock({ skuId: mug.id, warehouseId: north.id, onHand: 50, location: 'A-10-1' });
    await f.stock({ skuId: cable.id, warehouseId: north.id, onHand: 50, location: 'A-2-3' });
    await f.stock({ skuId: towel.id, warehouseId: south.id, onHand: 50, location: 'B-01-1' });
    await f.stock({ skuId: mug.id, warehouseId: south.id, onHand: 50 }); // no bin recorded there
    const one = await f.order({
      status: 'awaiting_shipment',
      buyerNote: '请用纸箱包装',
      lines: [
        { skuId: mug.id, quantity: 2, warehouseId: north.id },
        { skuId: cable.id, quantity: 1, warehouseId: north.id },
      ],
    });
    const two = await f.order({
      status: 'awaiting_shipment',
      lines: [
        { skuId: mug.id, quantity: 3, warehouseId: north.id },
        { skuId: towel.id, quantity: 1, warehouseId: south.id },
      ],
    });
    const three = await f.order({
      status: 'awaiting_shipment',
      lines: [{ skuId: mug.id, quantity: 1, warehouseId: south.id }],
    });
    const shipped = await f.order({
      status: 'shipped',
      carrierCode: 'zhongtong',
      lines: [{ skuId: mug.id, quantity: 4, warehouseId: north.id }],
    });
    // cash on delivery, split: the north parcel left already, the south one is still to pack
    const partial = await f.order({
      status: 'partially_shipped',
      isCashOnDelivery: true,
      carrierCode: 'zhongtong',
      lines: [
        { skuId: mug.id, quantity: 2, warehouseId: north.id },
        { skuId: towel.id, quantity: 1, warehouseId: south.id },
      ],
    });
    const cancelled = await f.order({
      status: 'cancelled',
      lines: [{ skuId: cable.id, quantity: 1, warehouseId: north.id }],
    });
    return {
      north,
      south,
      partial: partial.order,
      cancelled: cancelled.order,
      mug,
      cable,
      towel,
      one: one.order,
      two: two.order,
      three: three.order,
      shipped: shipped.order,
    };
  }

  it('groups the pick list by warehouse, bin and SKU with totals and the orders each SKU goes to', async () => {
    const s = await scenario();
    const batch = await loadPrintBatch(handle.db, {
      kind: 'orders',
      orderIds: [s.shipped.id, s.two.id, s.one.id, s.three.id, 99_999_999],
    });
    expect(batch.missingOrderIds).toEqual([99_999_999]);
    // a shipped order may not ship again (ORDER_TRANSITIONS): named as skipped, never picked
    expect(batch.skipped).toEqual([{ id: s.shipped.id, number: s.shipped.number, status: 'shipped' }]);
    expect(batch.orders.map((o) => o.number)).not.toContain(s.shipped.number);
    const pickList = buildPickList(batch);

    expect(pickList.warehouses.map((w) => w.warehouse?.name)).toEqual(['北京仓', '广州仓']);
    const [north, south] = pickList.warehouses;
    // A-2-3 before A-10-1: bins sort as people walk them
    expect(north.locations.map((l) => l.location)).toEqual(['A-2-3', 'A-10-1']);
    expect(north.locations[0].skus).toEqual([
      {
        skuCode: s.cable.code,
        name: '数据线',
        variant: '1米',
        totalQuantity: 1,
        orders: [{ number: s.one.number, quantity: 1 }],
      },
    ]);
    // the shipped order's 4 mugs are not picked again
    expect(north.locations[1].skus).toEqual([
      {
        skuCode: s.mug.code,
        name: '陶瓷马克杯',
        variant: '白色',
        totalQuantity: 5,
        orders: [
          { number: s.one.number, quantity: 2 },
          { number: s.two.number, quantity: 3 },
        ],
      },
    ]);
    expect(north.totalQuantity).toBe(6);
    // a SKU without a recorded bin comes last in its warehouse
    expect(south.locations.map((l) => [l.location, l.skus.map((k) => [k.skuCode, k.totalQuantity])])).toEqual([
      ['B-01-1', [[s.towel.code, 1]]],
      [null, [[s.mug.code, 1]]],
    ]);
    expect(pickList.totalQuantity).toBe(8);
    expect(pickList.orderCount).toBe(3);
    // pickers see order numbers, never who the parcels go to
    const printed = JSON.stringify(pickList.warehouses.map((w) => w.locations));
    for (const order of batch.orders) {
      expect(printed).not.toContain(order.shipTo.phone);
      expect(printed).not.toContain(order.shipTo.street);
    }
  });

  it('makes one packing slip per order with items, ship-to and note, and labels per parcel', async () => {
    const s = await scenario();
    const batch = await loadPrintBatch(handle.db, {
      kind: 'orders',
      orderIds: [s.one.id, s.two.id, s.partial.id, s.cancelled.id, s.shipped.id],
    });
    expect(batch.skipped.map((o) => [o.number, o.status]).sort()).toEqual(
      [
        [s.cancelled.number, 'cancelled'],
        [s.shipped.number, 'shipped'],
      ].sort(),
    );
    const slips = buildPackingSlips(batch);
    // oldest first: the partially shipped order was placed days before the two awaiting shipment
    expect(slips.map((slip) => slip.orderNumber)).toEqual([s.partial.number, s.one.number, s.two.number]);
    const slipOne = slips.find((slip) => slip.orderNumber === s.one.number)!;
    expect(slipOne.items.map((i) => [i.skuCode, i.quantity, i.shippedQuantity, i.location])).toEqual([
      [s.mug.code, 2, 0, 'A-10-1'],
      [s.cable.code, 1, 0, 'A-2-3'],
    ]);
    expect(slipOne.buyerNote).toBe('请用纸箱包装');
    expect(slipOne.shipTo).toMatchObject({
      name: s.one.shipName,
      phone: s.one.shipPhone,
      street: s.one.shipStreet,
      city: s.one.shipCity,
    });
    expect([slipOne.totalQuantity, slipOne.toPackQuantity]).toEqual([3, 3]);
    const slipPartial = slips.find((slip) => slip.orderNumber === s.partial.number)!;
    expect([slipPartial.totalQuantity, slipPartial.toPackQuantity]).toEqual([3, 1]);

    const sf = await findLabelCarrier(handle.db, 'shunfeng');
    expect(sf).toMatchObject({ code: 'shunfeng', name: '顺丰速运' });
    expect(await findLabelCarrier(handle.db, 'no-such-carrier')).toBeNull();
    const labels = buildShippingLabels(batch, sf);
    const byOrder = (number: string) => labels.filter((l) => l.orderNumber === number);
    // not shipped: the planned carrier, a blank tracking number, sent from the warehouse of its lines
    expect(
      byOrder(s.one.number).map((l) => [l.carrier?.code, l.trackingNumber, l.sender?.name, l.quantity, l.parcel]),
    ).toEqual([['shunfeng', null, '北京仓', 3, { index: 1, count: 1 }]]);
    expect(byOrder(s.one.number)[0].cashOnDelivery).toBeNull();
    // split across two warehouses: two parcels, each from its own warehouse, "1/2" and "2/2"
    expect(byOrder(s.two.number).map((l) => [l.sender?.name, l.quantity, l.parcel])).toEqual([
      ['北京仓', 3, { index: 1, count: 2 }],
      ['广州仓', 1, { index: 2, count: 2 }],
    ]);
    expect(byOrder(s.two.number)[0].sender).toMatchObject({
      address: s.north.address,
      contactPhone: s.north.contactPhone,
    });
    // partially shipped: the parcel that left keeps its carrier and number (1/2, it collects the COD total),
    // the one still to pack is 2/2 and says the money goes with parcel 1
    const partialLabels = byOrder(s.partial.number);
    expect(partialLabels.map((l) => [l.sender?.name, l.quantity, l.parcel.index, l.parcel.count])).toEqual([
      ['北京仓', 2, 1, 2],
      ['广州仓', 1, 2, 2],
    ]);
    expect(partialLabels[0].carrier?.code).toBe('zhongtong');
    expect(validateTrackingNumber('zhongtong', partialLabels[0].trackingNumber ?? '').ok).toBe(true);
    expect(partialLabels[0].recipient).toMatchObject({ name: s.partial.shipName, phone: s.partial.shipPhone });
    expect(partialLabels[0].cashOnDelivery).toEqual({
      amountCents: s.partial.totalCents,
      currency: 'CNY',
      collectedWithParcel: 1,
    });
    expect(s.partial.totalCents).toBeGreaterThan(0);
    expect(partialLabels[1].trackingNumber).toBeNull();
    expect(partialLabels[1].cashOnDelivery).toMatchObject({ amountCents: 0, collectedWithParcel: 1 });
    expect(labels.map((l) => l.orderNumber)).not.toContain(s.cancelled.number);
    expect(buildShippingLabels(batch, null).find((l) => l.orderNumber === s.one.number)?.carrier).toBeNull();
    // the carrier the rules assigned is printed when the run does not choose one
    const yto = await f.carrier('yuantong');
    await handle.db.update(orders).set({ assignedCarrierId: yto.id }).where(eq(orders.id, s.one.id));
    const assigned = await loadPrintBatch(handle.db, { kind: 'orders', orderIds: [s.one.id] });
    expect(buildShippingLabels(assigned, null)[0].carrier?.code).toBe('yuantong');
    expect(buildShippingLabels(assigned, sf)[0].carrier?.code).toBe('shunfeng');
  });

  it('prints a warehouse run: its orders awaiting shipment and only its own lines', async () => {
    const s = await scenario();
    const batch = await loadPrintBatch(handle.db, { kind: 'warehouse', warehouseId: s.south.id });
    expect(batch.orders.map((o) => o.number).sort()).toEqual([s.two.number, s.three.number, s.partial.number].sort());
    const pickList = buildPickList(batch);
    expect(pickList.warehouses.map((w) => w.warehouse?.id)).toEqual([s.south.id]);
    expect(pickList.totalQuantity).toBe(3);
    const labels = buildShippingLabels(batch, null);
    // a warehouse run prints only its own parcels, still numbered against the whole order
    expect(labels.map((l) => [l.orderNumber, l.sender?.id, l.quantity, l.parcel.index, l.parcel.count]).sort()).toEqual(
      [
        [s.two.number, s.south.id, 1, 2, 2],
        [s.three.number, s.south.id, 1, 1, 1],
        [s.partial.number, s.south.id, 1, 2, 2],
      ].sort(),
    );
  });

  it('reads a run in the same few queries for 2 orders or 60', async () => {
    const warehouse = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 500, location: 'C-01-1' });
    const ids: number[] = [];
    for (let i = 0; i < 60; i++)
      ids.push(
        (
          await f.order({
            status: i % 3 === 0 ? 'shipped' : 'awaiting_shipment',
            lines: [{ skuId: sku.id, quantity: 1 }],
          })
        ).order.id,
      );
    const small = countingSelects(handle.db);
    await loadPrintBatch(small.db, { kind: 'orders', orderIds: ids.slice(0, 2) });
    const large = countingSelects(handle.db);
    const batch = await loadPrintBatch(large.db, { kind: 'orders', orderIds: ids });
    expect(batch.orders).toHaveLength(40);
    expect(batch.skipped).toHaveLength(20);
    expect(large.counter.selects).toBe(small.counter.selects);
    expect(large.counter.selects).toBeLessThanOrEqual(6);
  });
});
