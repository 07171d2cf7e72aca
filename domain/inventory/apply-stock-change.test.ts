import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { skus } from '@/db/schema/catalog';
import { lowStockAlerts, stockLevels, stockMovements } from '@/db/schema/inventory';
import { settings } from '@/db/schema/system';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import { SYSTEM_ACTOR, staffActor } from '@/domain/shared/actor';
import { inTransaction } from '@/domain/shared/transaction';
import { applyStockChange } from './apply-stock-change';
import { reserveStock, sortStockLines } from './reserve-stock';
import { syncLowStockAlerts } from './sync-low-stock-alerts';
import { getLowStockThreshold } from './threshold';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 31 });
});
afterEach(async () => {
  expect(await checkStockLedger(handle.db)).toEqual([]);
});
afterAll(async () => handle?.close());

async function level(skuId: number, warehouseId: number) {
  return (await findStockLevel(handle.db, skuId, warehouseId))!;
}
async function alerts(skuId: number, warehouseId: number) {
  return handle.db
    .select()
    .from(lowStockAlerts)
    .where(and(eq(lowStockAlerts.skuId, skuId), eq(lowStockAlerts.warehouseId, warehouseId)))
    .orderBy(lowStockAlerts.id);
}

describe(`applyStockChange (${testDatabaseKind})`, () => {
  it('moves on hand and reserved per kind and writes a ledger row with the levels after it', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku({ lowStockThreshold: 0 });
    const actor = staffActor({ id: 7, name: '仓管' });
    const receive = await applyStockChange(handle.db, {
      skuId: sku.id,
      warehouseId: wh.id,
      kind: 'receive',
      quantity: 20,
      actor,
      unitCostCents: 300,
      documentType: 'goods_receipt',
      documentId: 5,
    });
    expect(receive).toMatchObject({ ok: true, data: { onHand: 20, reserved: 0, available: 20 } });
    expect(
      await applyStockChange(handle.db, {
        skuId: sku.id,
        warehouseId: wh.id,
        kind: 'reserve',
        quantity: 8,
        actor,
        orderId: 99,
      }),
    ).toMatchObject({ ok: true, data: { onHand: 20, reserved: 8, available: 12 } });
    expect(
      await applyStockChange(handle.db, { skuId: sku.id, warehouseId: wh.id, kind: 'ship', quantity: 3, actor }),
    ).toMatchObject({ ok: true, data: { onHand: 17, reserved: 5 } });
    expect(
      await applyStockChange(handle.db, { skuId: sku.id, warehouseId: wh.id, kind: 'release', quantity: 2, actor }),
    ).toMatchObject({ ok: true, data: { onHand: 17, reserved: 3 } });
    expect(
      await applyStockChange(handle.db, {
        skuId: sku.id,
        warehouseId: wh.id,
        kind: 'adjust',
        quantity: -4,
        actor,
        reason: '盘点',
      }),
    ).toMatchObject({ ok: true, data: { onHand: 13, reserved: 3 } });
    expect(
      await applyStockChange(handle.db, { skuId: sku.id, warehouseId: wh.id, kind: 'return', quantity: 1, actor }),
    ).toMatchObject({ ok: true, data: { onHand: 14, reserved: 3 } });

    const ledger = await handle.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.skuId, sku.id))
      .orderBy(stockMovements.id);
    expect(ledger.map((m) => [m.kind, m.onHandDelta, m.reservedDelta, m.onHandAfter, m.reservedAfter])).toEqual([
      ['receive', 20, 0, 20, 0],
      ['reserve', 0, 8, 20, 8],
      ['ship', -3, -3, 17, 5],
      ['release', 0, -2, 17, 3],
      ['adjust', -4, 0, 13, 3],
      ['return', 1, 0, 14, 3],
    ]);
    expect(ledger[0]).toMatchObject({
      unitCostCents: 300,
      documentType: 'goods_receipt',
      documentId: '5',
      actorType: 'staff',
      actorId: 7,
    });
    expect(ledger[1].orderId).toBe(99);
    expect(ledger[4].reason).toBe('盘点');
  });

  it('refuses what would oversell, over-release or adjust below reserved, changing nothing', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 5, reserved: 2 });
    const before = await handle.db.select({ n: sql<number>`count(*)::int` }).from(stockMovements);
    const base = { skuId: sku.id, warehouseId: wh.id, actor: SYSTEM_ACTOR };
    const reserve = await applyStockChange(handle.db, { ...base, kind: 'reserve', quantity: 4 });
    expect(reserve).toMatchObject({ ok: false, code: 'insufficient_stock', params: { sku: sku.code, available: 3 } });
    expect(reserve.ok ? '' : reserve.message).toContain(sku.code);
    expect(await applyStockChange(handle.db, { ...base, kind: 'release', quantity: 3 })).toMatchObject({
      ok: false,
      code: 'insufficient_stock',
    });
    expect(await applyStockChange(handle.db, { ...base, kind: 'ship', quantity: 3 })).toMatchObject({
      ok: false,
      code: 'insufficient_stock',
    });
    expect(await applyStockChange(handle.db, { ...base, kind: 'adjust', quantity: -4 })).toMatchObject({
      ok: false,
      code: 'insufficient_stock',
    });
    expect(await level(sku.id, wh.id)).toMatchObject({ onHand: 5, reserved: 2 });
    const after = await handle.db.select({ n: sql<number>`count(*)::int` }).from(stockMovements);
    expect(after[0].n).toBe(before[0].n);
  });

  it('answers unknown_stock for a level that does not exist, and receive creates it', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku();
    expect(
      await applyStockChange(handle.db, {
        skuId: sku.id,
        warehouseId: wh.id,
        kind: 'reserve',
        quantity: 1,
        actor: SYSTEM_ACTOR,
      }),
    ).toMatchObject({ ok: false, code: 'unknown_stock' });
    expect(
      await applyStockChange(handle.db, {
        skuId: 987654,
        warehouseId: wh.id,
        kind: 'receive',
        quantity: 1,
        actor: SYSTEM_ACTOR,
      }),
    ).toMatchObject({ ok: false, code: 'unknown_stock' });
    expect(
      await applyStockChange(handle.db, {
        skuId: sku.id,
        warehouseId: wh.id,
        kind: 'receive',
        quantity: 30,
        actor: SYSTEM_ACTOR,
      }),
    ).toMatchObject({ ok: true, data: { onHand: 30, reserved: 0 } });
    await expect(
      applyStockChange(handle.db, {
        skuId: sku.id,
        warehouseId: wh.id,
        kind: 'reserve',
        quantity: 0,
        actor: SYSTEM_ACTOR,
      }),
    ).rejects.toThrow(RangeError);
  });

  it('raises one low-stock alert when available falls to the threshold and resolves it when replenished', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku({ lowStockThreshold: 5 });
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 10 });
    const base = { skuId: sku.id, warehouseId: wh.id, actor: SYSTEM_ACTOR };
    expect(await applyStockChange(handle.db, { ...base, kind: 'reserve', quantity: 4 })).toMatchObject({
      ok: true,
      data: { available: 6, threshold: 5, alert: null },
    });
    expect(await applyStockChange(handle.db, { ...base, kind: 'reserve', quantity: 1 })).toMatchObject({
      ok: true,
      data: { available: 5, alert: 'raised' },
    });
    expect(await applyStockChange(handle.db, { ...base, kind: 'reserve', quantity: 2 })).toMatchObject({
      ok: true,
      data: { available: 3, alert: null },
    });
    let rows = await alerts(sku.id, wh.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ availableAtAlert: 5, threshold: 5, resolvedAt: null });

    // an acknowledged alert silences this low episode: no new alert while still low
    await handle.db.update(lowStockAlerts).set({ acknowledgedAt: new Date() }).where(eq(lowStockAlerts.id, rows[0].id));
    expect(await applyStockChange(handle.db, { ...base, kind: 'reserve', quantity: 1 })).toMatchObject({
      ok: true,
      data: { alert: null },
    });
    expect(await applyStockChange(handle.db, { ...base, kind: 'receive', quantity: 10 })).toMatchObject({
      ok: true,
      data: { available: 12, alert: 'resolved' },
    });
    rows = await alerts(sku.id, wh.id);
    expect(rows[0].resolvedAt).not.toBeNull();
    // the next fall below is a new episode
    expect(await applyStockChange(handle.db, { ...base, kind: 'reserve', quantity: 8 })).toMatchObject({
      ok: true,
      data: { available: 4, alert: 'raised' },
    });
    expect(await alerts(sku.id, wh.id)).toHaveLength(2);
  });

  it('syncs alerts after a threshold change without a stock change', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku({ lowStockThreshold: 2 });
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 8 });
    await handle.db
      .update(stockLevels)
      .set({ lowStockThreshold: 8 })
      .where(and(eq(stockLevels.skuId, sku.id), eq(stockLevels.warehouseId, wh.id)));
    expect(await syncLowStockAlerts(handle.db, { skuId: sku.id })).toEqual({ raised: 1, resolved: 0 });
    expect(await syncLowStockAlerts(handle.db, { skuId: sku.id })).toEqual({ raised: 0, resolved: 0 });
    await handle.db
      .update(stockLevels)
      .set({ lowStockThreshold: 3 })
      .where(and(eq(stockLevels.skuId, sku.id), eq(stockLevels.warehouseId, wh.id)));
    expect(await syncLowStockAlerts(handle.db, { skuId: sku.id, warehouseId: wh.id })).toEqual({
      raised: 0,
      resolved: 1,
    });
  });
});

describe(`low-stock threshold (${testDatabaseKind})`, () => {
  it('takes the level, then the SKU, then the store setting, then 10', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku({ lowStockThreshold: null });
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 50 });
    expect(await getLowStockThreshold(handle.db, sku.id, wh.id)).toBe(10);
    await handle.db
      .insert(settings)
      .values({ key: 'low_stock_default_threshold', value: 25 })
      .onConflictDoUpdate({ target: settings.key, set: { value: 25 } });
    expect(await getLowStockThreshold(handle.db, sku.id, wh.id)).toBe(25);
    await handle.db.update(skus).set({ lowStockThreshold: 7 }).where(eq(skus.id, sku.id));
    expect(await getLowStockThreshold(handle.db, sku.id, wh.id)).toBe(7);
    await handle.db.update(skus).set({ lowStockThreshold: null }).where(eq(skus.id, sku.id));
    await handle.db.update(settings).set({ value: 'lots' }).where(eq(settings.key, 'low_stock_default_threshold'));
    expect(await getLowStockThreshold(handle.db, sku.id, wh.id)).toBe(10);
    await handle.db.update(stockLevels).set({ lowStockThreshold: 4 }).where(eq(stockLevels.skuId, sku.id));
    expect(await getLowStockThreshold(handle.db, sku.id, wh.id)).toBe(4);
    await handle.db.delete(settings).where(eq(settings.key, 'low_stock_default_threshold'));
    expect(await getLowStockThreshold(handle.db, 987654, wh.id)).toBeNull();
  });
});

describe(`reserveStock (${testDatabaseKind})`, () => {
  it('sorts and merges lines into one lock order', () => {
    expect(
      sortStockLines([
        { skuId: 9, warehouseId: 1, quantity: 1 },
        { skuId: 2, warehouseId: 3, quantity: 1 },
        { skuId: 2, warehouseId: 1, quantity: 2 },
        { skuId: 9, warehouseId: 1, quantity: 4 },
      ]),
    ).toEqual([
      { skuId: 2, warehouseId: 1, quantity: 2 },
      { skuId: 2, warehouseId: 3, quantity: 1 },
      { skuId: 9, warehouseId: 1, quantity: 5 },
    ]);
  });

  it('names every short SKU and, inside a rolled-back transaction, changes nothing', async () => {
    const wh = await f.warehouse();
    const [a, b, c] = [await f.sku(), await f.sku(), await f.sku()];
    await f.stock({ skuId: a.id, warehouseId: wh.id, onHand: 10 });
    await f.stock({ skuId: b.id, warehouseId: wh.id, onHand: 1 });
    await f.stock({ skuId: c.id, warehouseId: wh.id, onHand: 2 });
    const result = await inTransaction(handle.db, (tx) =>
      reserveStock(
        tx,
        [
          { skuId: c.id, warehouseId: wh.id, quantity: 3 },
          { skuId: a.id, warehouseId: wh.id, quantity: 5 },
          { skuId: b.id, warehouseId: wh.id, quantity: 2 },
        ],
        { actor: SYSTEM_ACTOR },
      ),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'insufficient_stock',
      fieldErrors: { skus: [b.code, c.code] },
      params: { skus: `${b.code}, ${c.code}` },
    });
    expect(await level(a.id, wh.id)).toMatchObject({ onHand: 10, reserved: 0 });

    const good = await inTransaction(handle.db, (tx) =>
      reserveStock(
        tx,
        [
          { skuId: a.id, warehouseId: wh.id, quantity: 5 },
          { skuId: b.id, warehouseId: wh.id, quantity: 1 },
        ],
        { actor: SYSTEM_ACTOR, orderId: 1 },
      ),
    );
    expect(good.ok).toBe(true);
    expect(await level(a.id, wh.id)).toMatchObject({ reserved: 5 });
    expect(await level(b.id, wh.id)).toMatchObject({ reserved: 1 });
  });
});
