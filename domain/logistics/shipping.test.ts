import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { carrierRules, shipmentLines, shipments } from '@/db/schema/logistics';
import { orderLines, orders } from '@/db/schema/orders';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createOrder } from '@/domain/orders/create-order';
import { reviewOrder } from '@/domain/orders/review-order';
import { shipOrder } from '@/domain/orders/ship-order';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { bulkShipOrders } from './bulk-ship';
import { parseBulkShipCsv } from './bulk-ship-csv';
import { getCarrierSpec } from './carriers';
import { moveCarrierRule, saveCarrierRule } from './manage-carrier-rules';

/*
 * Shipping on a real database: split parcels, racing shippers, carrier rules, bulk ship. On
 * PostgreSQL the racing shippers really run at once (pool of 20); PGlite runs them one by one.
 */
const concurrent = testDatabaseKind === 'postgres';

let handle: DatabaseHandle;
let f: Factories;
let staffId: number;
let serial = 0;
const sf = () =>
  getCarrierSpec('shunfeng').sampleNumber(Number(`${Date.now() % 1e6}${String(++serial).padStart(3, '0')}`));

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 91 });
  staffId = (await f.staff({ role: 'admin' })).id;
});
afterAll(async () => handle?.close());

describe(`shipments (${testDatabaseKind})`, () => {
  it('splits a 3-line order into two parcels: partially shipped, then shipped, ledger consistent', async () => {
    const warehouse = await f.warehouse();
    const skus = [await f.sku(), await f.sku(), await f.sku()];
    for (const s of skus) await f.stock({ skuId: s.id, warehouseId: warehouse.id, onHand: 20 });
    const { order } = await f.order({
      status: 'awaiting_shipment',
      warehouseId: warehouse.id,
      lines: skus.map((s, i) => ({ skuId: s.id, quantity: i + 2 })),
    });
    const lines = await handle.db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(orderLines.id);
    const carrier = await f.carrier('shunfeng');

    const first = await shipOrder(handle.db, {
      orderId: order.id,
      carrierId: carrier.id,
      trackingNumber: sf(),
      actor: SYSTEM_ACTOR,
      lines: [
        { orderLineId: lines[0].id, quantity: 2 },
        { orderLineId: lines[1].id, quantity: 1 },
      ],
    });
    expect(first).toMatchObject({ ok: true, data: { status: 'partially_shipped' } });
    const second = await shipOrder(handle.db, {
      orderId: order.id,
      carrierId: carrier.id,
      trackingNumber: sf(),
      actor: SYSTEM_ACTOR,
      lines: [
        { orderLineId: lines[1].id, quantity: 2 },
        { orderLineId: lines[2].id, quantity: 4 },
      ],
    });
    expect(second).toMatchObject({ ok: true, data: { status: 'shipped' } });
    // nothing is left: a third parcel is refused
    expect(
      await shipOrder(handle.db, {
        orderId: order.id,
        carrierId: carrier.id,
        trackingNumber: sf(),
        actor: SYSTEM_ACTOR,
      }),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });

    const shipped = await handle.db
      .select({ orderLineId: shipmentLines.orderLineId, quantity: sql<number>`sum(${shipmentLines.quantity})::int` })
      .from(shipmentLines)
      .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
      .where(eq(shipments.orderId, order.id))
      .groupBy(shipmentLines.orderLineId);
    expect(Object.fromEntries(shipped.map((r) => [r.orderLineId, Number(r.quantity)]))).toEqual({
      [lines[0].id]: 2,
      [lines[1].id]: 3,
      [lines[2].id]: 4,
    });
    for (const [i, s] of skus.entries())
      expect(await findStockLevel(handle.db, s.id, warehouse.id)).toMatchObject({ onHand: 20 - (i + 2), reserved: 0 });
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it(`${concurrent ? '10 shippers at once' : '10 shippers'} for the same remaining line: exactly one parcel, stock never negative`, async () => {
    const warehouse = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 3 });
    const { order } = await f.order({
      status: 'awaiting_shipment',
      warehouseId: warehouse.id,
      lines: [{ skuId: sku.id, quantity: 3 }],
    });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    const carrier = await f.carrier('shunfeng');
    const attempt = (i: number) =>
      shipOrder(handle.db, {
        orderId: order.id,
        carrierId: carrier.id,
        trackingNumber: sf(),
        actor: SYSTEM_ACTOR,
        lines: [{ orderLineId: line.id, quantity: 3 }],
      }).then((r) => ({ i, r }));
    const results = concurrent
      ? await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(i)))
      : await Array.from({ length: 10 }).reduce<Promise<Awaited<ReturnType<typeof attempt>>[]>>(
          async (acc, _, i) => [...(await acc), await attempt(i)],
          Promise.resolve([]),
        );
    const succeeded = results.filter((x) => x.r.ok);
    expect(succeeded).toHaveLength(1);
    // the others see the order shipped (or, had they read the line first, nothing remaining)
    for (const x of results.filter((y) => !y.r.ok))
      expect(['invalid_transition', 'invalid_lines', 'conflict']).toContain(x.r.ok ? '' : x.r.code);
    const parcels = await handle.db.select().from(shipments).where(eq(shipments.orderId, order.id));
    expect(parcels).toHaveLength(1);
    const [{ total }] = await handle.db
      .select({ total: sql<number>`sum(${shipmentLines.quantity})::int` })
      .from(shipmentLines)
      .where(eq(shipmentLines.orderLineId, line.id));
    expect(Number(total)).toBe(3);
    expect(await findStockLevel(handle.db, sku.id, warehouse.id)).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });
});

describe(`carrier auto-assignment (${testDatabaseKind})`, () => {
  it("suggests the first matching rule's carrier when an order reaches awaiting shipment (review and cash on delivery)", async () => {
    await handle.db.delete(carrierRules);
    const [sfc, zto, jd] = [await f.carrier('shunfeng'), await f.carrier('zhongtong'), await f.carrier('jd')];
    const heavy = await saveCarrierRule(handle.db, {
      name: '重货走京东',
      carrierId: jd.id,
      conditions: { minWeightGrams: 5000 },
      isActive: true,
      staffId,
    });
    const zj = await saveCarrierRule(handle.db, {
      name: '江浙沪中通',
      carrierId: zto.id,
      conditions: { provinces: ['浙江', '江苏', '上海'] },
      isActive: true,
      staffId,
    });
    await saveCarrierRule(handle.db, { name: '其余顺丰', carrierId: sfc.id, conditions: {}, isActive: true, staffId });
    if (!heavy.ok || !zj.ok) throw new Error('rules not saved');

    const warehouse = await f.warehouse();
    const light = await f.sku({ weightGrams: 300 });
    const bulky = await f.sku({ weightGrams: 3000 });
    for (const s of [light, bulky]) await f.stock({ skuId: s.id, warehouseId: warehouse.id, onHand: 50 });
    const place = async (province: string, lines: { skuId: number; quantity: number }[], isCashOnDelivery = false) => {
      const created = await createOrder(handle.db, {
        customer: { name: '测试买家', phone: '13800138000' },
        shipTo: { name: '测试买家', phone: '13800138000', province, city: '某市', street: '某路 1 号' },
        lines,
        isCashOnDelivery,
        actor: SYSTEM_ACTOR,
      });
      if (!created.ok) throw new Error(created.message);
      return created.data.order;
    };
    const assigned = async (orderId: number) =>
      (await handle.db.select({ id: orders.assignedCarrierId }).from(orders).where(eq(orders.id, orderId)))[0].id;

    // cash on delivery lands in awaiting shipment at creation: 2 x 3000 g -> heavy rule first
    const cod = await place('浙江省', [{ skuId: bulky.id, quantity: 2 }], true);
    expect(cod.assignedCarrierId).toBe(jd.id);
    expect(await assigned(cod.id)).toBe(jd.id);

    // a paid order gets its carrier on review
    const paid = await place('浙江省', [{ skuId: light.id, quantity: 1 }]);
    await handle.db.update(orders).set({ status: 'paid' }).where(eq(orders.id, paid.id));
    expect(await assigned(paid.id)).toBeNull();
    expect(await reviewOrder(handle.db, { orderId: paid.id, actor: SYSTEM_ACTOR })).toMatchObject({
      ok: true,
      data: { assignedCarrierId: zto.id },
    });

    // moving the province rule above the weight rule changes the pick for a heavy Zhejiang parcel
    expect(await moveCarrierRule(handle.db, { id: zj.data.id, direction: 'up', staffId })).toMatchObject({ ok: true });
    const cod2 = await place('浙江省', [{ skuId: bulky.id, quantity: 2 }], true);
    expect(await assigned(cod2.id)).toBe(zto.id);
    // elsewhere the catch-all rule applies
    const far = await place('广东省', [{ skuId: light.id, quantity: 1 }], true);
    expect(await assigned(far.id)).toBe(sfc.id);
    // a disabled rule is skipped
    await saveCarrierRule(handle.db, {
      id: zj.data.id,
      name: '江浙沪中通',
      carrierId: zto.id,
      conditions: { provinces: ['浙江'] },
      isActive: false,
      staffId,
    });
    const cod3 = await place('浙江省', [{ skuId: light.id, quantity: 1 }], true);
    expect(await assigned(cod3.id)).toBe(sfc.id);
    await handle.db.delete(carrierRules);
  });
});

describe(`bulk ship (${testDatabaseKind})`, () => {
  it('ships the good CSV rows, each order on its own, and reports every bad row with its reason', async () => {
    const warehouse = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 30 });
    const made = [];
    for (let i = 0; i < 4; i++)
      made.push(
        (
          await f.order({
            status: 'awaiting_shipment',
            warehouseId: warehouse.id,
            lines: [{ skuId: sku.id, quantity: 1 }],
          })
        ).order,
      );
    const completed = (
      await f.order({ status: 'completed', warehouseId: warehouse.id, lines: [{ skuId: sku.id, quantity: 1 }] })
    ).order;
    await f.carrier('zhongtong');
    const [a, b, c, d] = [sf(), sf(), '78000000000123', sf()];
    const csv = [
      '订单号,快递公司,运单号',
      `${made[0].number},shunfeng,${a}`,
      `${made[1].number},SHUNFENG,"${b.toLowerCase()}"`,
      `${made[2].number},zhongtong,${c}`,
      `${made[3].number},shunfeng,YT7500000000000`, // not an SF number
      `${completed.number},shunfeng,${d}`, // already completed
      'SO000000000,shunfeng,SF1400000000999', // no such order
      `${made[0].number},dhl,123`, // unknown carrier
      `${made[3].number},shunfeng`, // a column short
      `=cmd|' /C calc'!A0,shunfeng,SF1400000000998`, // not an order number
      `${made[1].number},shunfeng,${a}`, // the second time: already shipped
    ].join('\r\n');
    const parsed = parseBulkShipCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.data.errors).toEqual([
      { row: 9, orderNumber: made[3].number, code: 'wrong_column_count' },
      { row: 10, orderNumber: "=cmd|' /C calc'!A0", code: 'order_number_invalid' },
    ]);
    const outcomes = await bulkShipOrders(handle.db, { items: parsed.data.items, actor: SYSTEM_ACTOR });
    expect(outcomes.map((o) => [o.row, o.ok, o.code ?? o.orderStatus])).toEqual([
      [2, true, 'shipped'],
      [3, true, 'shipped'],
      [4, true, 'shipped'],
      [5, false, 'invalid_tracking_number'],
      [6, false, 'invalid_transition'],
      [7, false, 'order_not_found'],
      [8, false, 'unknown_carrier_code'],
      [11, false, 'invalid_transition'],
    ]);
    expect(outcomes[1].trackingNumber).toBe(b);
    const statuses = await handle.db
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(
        and(
          sql`${orders.id} in (${sql.join(
            made.map((o) => sql`${o.id}`),
            sql`, `,
          )})`,
        ),
      );
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [made[0].id]: 'shipped',
      [made[1].id]: 'shipped',
      [made[2].id]: 'shipped',
      [made[3].id]: 'awaiting_shipment',
    });
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('refuses unreadable and empty files as a whole', () => {
    expect(parseBulkShipCsv('order,carrier,tracking\n')).toMatchObject({ ok: false, code: 'empty_file' });
    expect(parseBulkShipCsv('a,"b\n')).toMatchObject({ ok: false, code: 'unreadable_csv' });
    expect(
      parseBulkShipCsv(
        Array.from({ length: 501 }, (_, i) => `SO${i},shunfeng,SF14000000${String(i).padStart(5, '0')}`).join('\n'),
      ),
    ).toMatchObject({ ok: false, code: 'too_many_rows' });
    expect(parseBulkShipCsv('SO1\tshunfeng\tSF1400000000001')).toMatchObject({
      ok: true,
      data: { items: [{ row: 1, orderNumber: 'SO1', carrierCode: 'shunfeng' }] },
    });
  });
});
