import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { lowStockAlerts, stockMovements } from '@/db/schema/inventory';
import { findStockLevel, openTestDatabase, sawCommitWaitingForLock, testDatabaseKind } from '@/db/testing';
import { createOrder } from '@/domain/orders/create-order';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { applyStockChange } from './apply-stock-change';
import { commitTimeShortage } from './reserve-at-commit';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 301 });
});
afterAll(async () => handle?.close());

/** A reservation ledger row as an order placement writes it, applied by the trigger at COMMIT. */
const reserveRow = (skuId: number, warehouseId: number, quantity: number, orderId: number) => sql`
  insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, document_type, document_id, actor_type)
  values (${skuId}, ${warehouseId}, 'reserve', 0, ${quantity}, ${orderId}, 'order', 'TEST', 'system')`;

describe(`reservations applied at commit (${testDatabaseKind})`, () => {
  it('leaves the level alone until COMMIT, then reserves, fills in the ledger levels and raises the low-stock alert', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku({ lowStockThreshold: 3 });
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 5 });
    await handle.db.transaction(async (tx) => {
      await tx.execute(reserveRow(sku.id, wh.id, 2, 900001));
      const [inside] = await queryRows<{ reserved: number }>(
        tx as never,
        sql`select reserved from stock_levels where sku_id = ${sku.id} and warehouse_id = ${wh.id}`,
      );
      expect(Number(inside.reserved)).toBe(0);
    });
    expect(await findStockLevel(handle.db, sku.id, wh.id)).toMatchObject({ onHand: 5, reserved: 2 });
    const [row] = await handle.db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.skuId, sku.id), eq(stockMovements.kind, 'reserve')));
    expect(row).toMatchObject({ onHandAfter: 5, reservedAfter: 2, reservedDelta: 2, orderId: 900001 });
    expect(await handle.db.$count(lowStockAlerts, eq(lowStockAlerts.skuId, sku.id))).toBe(1);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('fails the COMMIT with OS001 naming every short SKU of the order, and changes nothing', async () => {
    const wh = await f.warehouse();
    const [a, b, c] = [await f.sku(), await f.sku(), await f.sku()];
    await f.stock({ skuId: a.id, warehouseId: wh.id, onHand: 1 });
    await f.stock({ skuId: b.id, warehouseId: wh.id, onHand: 0 });
    await f.stock({ skuId: c.id, warehouseId: wh.id, onHand: 10 });
    let failure: unknown;
    try {
      await handle.db.transaction(async (tx) => {
        for (const [sku, quantity] of [
          [a, 2],
          [b, 1],
          [c, 1],
        ] as const)
          await tx.execute(reserveRow(sku.id, wh.id, quantity, 900002));
      });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeDefined();
    expect(commitTimeShortage(failure)?.sort()).toEqual([a.code, b.code].sort());
    expect(commitTimeShortage(new Error('connection lost'))).toBeNull();
    for (const sku of [a, b, c]) expect((await findStockLevel(handle.db, sku.id, wh.id))?.reserved).toBe(0);
    expect(await handle.db.$count(stockMovements, eq(stockMovements.orderId, 900002))).toBe(0);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('refuses a ledger row with no levels after it for any kind other than an order reservation', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 4 });
    await expect(
      handle.db
        .execute(sql`insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, actor_type)
      values (${sku.id}, ${wh.id}, 'receive', 1, 0, 'system')`),
    ).rejects.toThrow();
  });

  // needs two connections: an order must reach its COMMIT while another transaction holds the rows
  it.runIf(testDatabaseKind === 'postgres')(
    'an order whose stock is taken between its read and its COMMIT rolls back whole, naming every short SKU',
    async () => {
      const wh = await f.warehouse();
      const [a, b] = [await f.sku(), await f.sku()];
      for (const sku of [a, b]) await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 3 });
      const customer = await f.customer();
      let locked!: () => void;
      let release!: () => void;
      const rowsLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const mayTake = new Promise<void>((resolve) => {
        release = resolve;
      });
      const taker = handle.db.transaction(async (tx) => {
        await tx.execute(
          sql`select 1 from stock_levels where sku_id in (${a.id}, ${b.id}) and warehouse_id = ${wh.id} order by sku_id for update`,
        );
        locked();
        await mayTake;
        // a stock count finds nothing left of either SKU
        for (const sku of [a, b])
          await applyStockChange(tx as never, {
            skuId: sku.id,
            warehouseId: wh.id,
            kind: 'adjust',
            quantity: -3,
            actor: SYSTEM_ACTOR,
            reason: 'count',
          });
      });
      await rowsLocked;
      const placing = createOrder(handle.db, {
        customer: { id: customer.id },
        shipTo: { name: '买家', phone: '13900003333', province: '浙江省', city: '杭州市', street: '文三路 1 号' },
        lines: [
          { skuId: a.id, quantity: 1 },
          { skuId: b.id, quantity: 2 },
        ],
        actor: SYSTEM_ACTOR,
      });
      // the order has read 3 available of each and now waits inside its COMMIT for the row lock
      const sawWaiting = await sawCommitWaitingForLock(handle.db);
      release();
      expect(sawWaiting).toBe(true);
      await taker;
      const result = await placing;
      expect(result).toMatchObject({ ok: false, code: 'insufficient_stock' });
      expect(result.ok ? [] : [...(result.fieldErrors?.skus ?? [])].sort()).toEqual([a.code, b.code].sort());
      for (const sku of [a, b])
        expect(await findStockLevel(handle.db, sku.id, wh.id)).toMatchObject({ onHand: 0, reserved: 0 });
      expect(
        await handle.db.$count(stockMovements, and(eq(stockMovements.skuId, a.id), eq(stockMovements.kind, 'reserve'))),
      ).toBe(0);
      expect(await checkStockLedger(handle.db)).toEqual([]);
    },
  );
});
