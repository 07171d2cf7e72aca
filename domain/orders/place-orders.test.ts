import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { customers } from '@/db/schema/customers';
import { stockMovements } from '@/db/schema/inventory';
import { orderEvents, orders } from '@/db/schema/orders';
import { findStockLevel, openTestDatabase, sawCommitWaitingForLock, testDatabaseKind } from '@/db/testing';
import { applyStockChange } from '@/domain/inventory/apply-stock-change';
import { SYSTEM_ACTOR, staffActor } from '@/domain/shared/actor';
import { createOrder } from './create-order';
import { ZCreateOrderInput, type TCreateOrderInput } from './order-input';
import { placeOrders, type PlacementOutcome, type PlacementRequest } from './place-orders';
import { placeGroup, placementGroups } from './place-orders-together';

let handle: DatabaseHandle;
let f: Factories;
const actor = staffActor({ id: 1, name: '张运营' });
const shipTo = { name: '王小明', phone: '13800138000', province: '浙江省', city: '杭州市', street: '文三路 100 号' };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 907 });
});
afterEach(async () => {
  expect(await checkStockLedger(handle.db)).toEqual([]);
});
afterAll(async () => handle?.close());

const request = (over: Partial<TCreateOrderInput>): PlacementRequest => ({
  data: ZCreateOrderInput.parse({ customer: { name: '王小明', phone: '13800138000' }, shipTo, lines: [], ...over }),
  actor,
});
const codeOf = (o: PlacementOutcome | Error) => (o instanceof Error ? o.message : o.ok ? 'ok' : o.code);
const inOneTransaction = (requests: PlacementRequest[]) =>
  handle.db.transaction((tx) => placeOrders(tx as unknown as Database, requests));

describe(`placing several orders in one transaction (${testDatabaseKind})`, () => {
  it('serves stock in arrival order and gives each order its own answer, writing nothing for the failed ones', async () => {
    const wh = await f.warehouse();
    const [a, b] = [await f.sku({ priceCents: 1000 }), await f.sku({ priceCents: 500 })];
    await f.stock({ skuId: a.id, warehouseId: wh.id, onHand: 3 });
    await f.stock({ skuId: b.id, warehouseId: wh.id, onHand: 10 });
    const phone = '13711112222';
    const before = await handle.db.$count(orders);
    const outcomes = await inOneTransaction([
      request({ lines: [{ skuId: a.id, quantity: 2 }] }),
      request({ lines: [{ skuId: a.id, quantity: 2 }] }), // only 1 left after the first
      request({ lines: [{ skuId: 999_999, quantity: 1 }] }),
      request({ lines: [{ skuId: b.id, quantity: 1 }], source: 'api', externalRef: 'SHOP-1' }),
      request({ lines: [{ skuId: b.id, quantity: 1 }], source: 'api', externalRef: 'SHOP-1' }),
      request({ lines: [{ skuId: b.id, quantity: 2 }], customer: { name: '新买家', phone } }),
      request({ lines: [{ skuId: b.id, quantity: 1 }], customer: { name: '新买家', phone } }),
      request({ lines: [{ skuId: a.id, quantity: 1 }] }),
      request({ lines: [{ skuId: b.id, quantity: 1 }], isCashOnDelivery: true }),
    ]);
    expect(outcomes.map(codeOf)).toEqual([
      'ok',
      'insufficient_stock',
      'invalid',
      'ok',
      'duplicate',
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
    expect(outcomes[1]).toMatchObject({ params: { skus: a.code } });
    expect(outcomes[2]).toMatchObject({ fieldErrors: { 'lines.0.skuId': ['orders.entry.validation.skuNotFound'] } });

    const placed = outcomes.flatMap((o) => (o.ok ? [o.data] : []));
    expect(await handle.db.$count(orders)).toBe(before + 6);
    expect(placed.map((p) => p.order.status)).toEqual([
      'pending_payment',
      'pending_payment',
      'pending_payment',
      'pending_payment',
      'pending_payment',
      'awaiting_shipment',
    ]);
    expect(new Set(placed.map((p) => p.order.number)).size).toBe(6);
    const seqs = placed.map((p) => Number(p.order.number.slice(8)));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y)); // numbered in arrival order
    expect(placed.map((p) => p.lines.map((l) => [l.skuId, l.quantity, l.warehouseId]))).toEqual([
      [[a.id, 2, wh.id]],
      [[b.id, 1, wh.id]],
      [[b.id, 2, wh.id]],
      [[b.id, 1, wh.id]],
      [[a.id, 1, wh.id]],
      [[b.id, 1, wh.id]],
    ]);
    // the two orders naming the same new customer share one, created once
    expect(placed[2].order.customerId).toBe(placed[3].order.customerId);
    expect(await handle.db.$count(customers, eq(customers.phone, phone))).toBe(1);

    expect(await findStockLevel(handle.db, a.id, wh.id)).toMatchObject({ onHand: 3, reserved: 3 });
    expect(await findStockLevel(handle.db, b.id, wh.id)).toMatchObject({ onHand: 10, reserved: 5 });
    const ids = placed.map((p) => p.order.id);
    expect(await handle.db.$count(orderEvents, inArray(orderEvents.orderId, ids))).toBe(6);
    const moves = await handle.db.select().from(stockMovements).where(inArray(stockMovements.orderId, ids));
    expect(moves.map((m) => [m.orderId, m.skuId, m.reservedDelta, m.documentId]).sort()).toEqual(
      placed.map((p) => [p.order.id, p.lines[0].skuId, p.lines[0].quantity, p.order.number]).sort(),
    );
  });

  it('answers duplicate for an external reference that already has an order, writing nothing', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 5 });
    const first = await createOrder(handle.db, {
      customer: { name: '王小明', phone: '13800138000' },
      shipTo,
      lines: [{ skuId: sku.id, quantity: 1 }],
      source: 'api',
      externalRef: 'SHOP-9',
      actor,
    });
    expect(first.ok).toBe(true);
    const count = await handle.db.$count(orders);
    const [again] = await inOneTransaction([
      request({ lines: [{ skuId: sku.id, quantity: 1 }], source: 'api', externalRef: 'SHOP-9' }),
    ]);
    expect(codeOf(again)).toBe('duplicate');
    expect(await handle.db.$count(orders)).toBe(count);
    expect((await findStockLevel(handle.db, sku.id, wh.id))?.reserved).toBe(1);
  });

  it('groups placements made at the same moment, each told its own result', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 25 });
    placementGroups.groups = 0;
    placementGroups.orders = 0;
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        createOrder(handle.db, {
          customer: { name: '抢购用户', phone: '13900001111' },
          shipTo,
          lines: [{ skuId: sku.id, quantity: 1 }],
          actor: SYSTEM_ACTOR,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(25);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'insufficient_stock')).toBe(true);
    expect(placementGroups.orders).toBe(40);
    expect(placementGroups.groups).toBeLessThan(40);
    expect(await findStockLevel(handle.db, sku.id, wh.id)).toMatchObject({ onHand: 25, reserved: 25 });
    expect(
      await handle.db.$count(stockMovements, and(eq(stockMovements.skuId, sku.id), eq(stockMovements.kind, 'reserve'))),
    ).toBe(25);
  });

  // needs two connections: the group must reach its COMMIT while another transaction holds the row
  it.runIf(testDatabaseKind === 'postgres')(
    'places the orders again one by one when stock is taken between the group read and its COMMIT',
    async () => {
      const wh = await f.warehouse();
      const sku = await f.sku();
      await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 5 });
      let locked!: () => void;
      let release!: () => void;
      const rowLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const mayTake = new Promise<void>((resolve) => {
        release = resolve;
      });
      const taker = handle.db.transaction(async (tx) => {
        await tx.execute(
          sql`select 1 from stock_levels where sku_id = ${sku.id} and warehouse_id = ${wh.id} for update`,
        );
        locked();
        await mayTake;
        await applyStockChange(tx as never, {
          skuId: sku.id,
          warehouseId: wh.id,
          kind: 'adjust',
          quantity: -3,
          actor: SYSTEM_ACTOR,
          reason: 'count',
        });
      });
      await rowLocked;
      // four orders of one each read 5 available, are written, and wait inside their COMMIT
      const group = placeGroup(
        handle.db,
        Array.from({ length: 4 }, () => request({ lines: [{ skuId: sku.id, quantity: 1 }] })),
      );
      const sawWaiting = await sawCommitWaitingForLock(handle.db);
      release();
      expect(sawWaiting).toBe(true);
      await taker;
      // 2 were left: the COMMIT failed whole, then the first two placed alone got them
      expect((await group).map(codeOf)).toEqual(['ok', 'ok', 'insufficient_stock', 'insufficient_stock']);
      expect(await findStockLevel(handle.db, sku.id, wh.id)).toMatchObject({ onHand: 2, reserved: 2 });
      expect(
        await handle.db.$count(
          stockMovements,
          and(eq(stockMovements.skuId, sku.id), eq(stockMovements.kind, 'reserve')),
        ),
      ).toBe(2);
    },
  );
});
