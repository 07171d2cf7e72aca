import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { stockLevels, stockMovements } from '@/db/schema/inventory';
import { orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { createOrder } from './create-order';

/*
 * Oversell proof. On PostgreSQL the placements really run at once (pool of 20 connections); PGlite
 * has one connection, so there the same scenario runs smaller and one after another.
 */
const concurrent = testDatabaseKind === 'postgres';
const ATTEMPTS = concurrent ? 200 : 30;

let handle: DatabaseHandle;
let f: Factories;
let customerId: number;
const shipTo = { name: '抢购用户', phone: '13900001111', province: '广东省', city: '深圳市', street: '科技园 1 号' };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 81 });
  customerId = (await f.customer()).id;
});
afterAll(async () => handle?.close());

async function run<T>(count: number, task: (i: number) => Promise<T>): Promise<T[]> {
  if (concurrent) return Promise.all(Array.from({ length: count }, (_, i) => task(i)));
  const out: T[] = [];
  for (let i = 0; i < count; i += 1) out.push(await task(i));
  return out;
}
const level = async (skuId: number, warehouseId: number) =>
  (
    await handle.db
      .select()
      .from(stockLevels)
      .where(and(eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, warehouseId)))
  )[0];

describe(`placing orders at once (${testDatabaseKind})`, () => {
  it(`${ATTEMPTS} placements for a SKU with 10 available: exactly 10 succeed, the rest are told it is out of stock`, async () => {
    const wh = await f.warehouse();
    const sku = await f.sku({ priceCents: 9900 });
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 10 });
    const results = await run(ATTEMPTS, () =>
      createOrder(handle.db, {
        customer: { id: customerId },
        shipTo,
        lines: [{ skuId: sku.id, quantity: 1 }],
        actor: SYSTEM_ACTOR,
      }),
    );
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(ATTEMPTS - 10);
    for (const r of lost) {
      expect(r).toMatchObject({ code: 'insufficient_stock', params: { skus: sku.code } });
      expect(r.ok ? '' : r.message).toContain(sku.code);
    }
    expect(await level(sku.id, wh.id)).toMatchObject({ onHand: 10, reserved: 10 });
    expect(
      await handle.db.$count(stockMovements, and(eq(stockMovements.skuId, sku.id), eq(stockMovements.kind, 'reserve'))),
    ).toBe(10);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('multi-line orders listing the same SKUs in opposite orders never deadlock and never oversell', async () => {
    const wh = await f.warehouse();
    const x = await f.sku({ priceCents: 1000 });
    const y = await f.sku({ priceCents: 2000 });
    const z = await f.sku({ priceCents: 3000 });
    await f.stock({ skuId: x.id, warehouseId: wh.id, onHand: 60 });
    await f.stock({ skuId: y.id, warehouseId: wh.id, onHand: 1000 });
    await f.stock({ skuId: z.id, warehouseId: wh.id, onHand: 1000 });
    const count = concurrent ? 120 : 40;
    const results = await run(count, (i) => {
      const lines = [
        { skuId: x.id, quantity: 1 },
        { skuId: y.id, quantity: 2 },
        { skuId: z.id, quantity: 1 },
      ];
      return createOrder(handle.db, {
        customer: { id: customerId },
        shipTo,
        lines: i % 2 === 0 ? lines : [...lines].reverse(),
        actor: SYSTEM_ACTOR,
      });
    });
    const won = results.filter((r) => r.ok).length;
    expect(won).toBe(Math.min(count, 60));
    for (const r of results.filter((x2) => !x2.ok))
      expect(r).toMatchObject({ code: 'insufficient_stock', params: { skus: x.code } });
    expect(await level(x.id, wh.id)).toMatchObject({ reserved: won });
    expect(await level(y.id, wh.id)).toMatchObject({ reserved: 2 * won });
    expect(await level(z.id, wh.id)).toMatchObject({ reserved: won });
    expect(await handle.db.$count(orders, eq(orders.customerId, customerId))).toBe(10 + won);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });
});
