import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { goodsReceiptLines, goodsReceipts, lowStockAlerts, stockMovements } from '@/db/schema/inventory';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import { staffActor, type Actor } from '@/domain/shared/actor';
import { acknowledgeLowStockAlert } from './acknowledge-alert';
import { adjustStock } from './adjust-stock';
import { applyStockChange } from './apply-stock-change';
import { getSkuStock } from './get-sku-stock';
import { countOpenLowStockAlerts, listLowStockAlerts } from './list-low-stock-alerts';
import { listStock } from './list-stock';
import { listStockMovements } from './list-stock-movements';
import { listReorderSuggestions } from './reorder-suggestions';
import { receiveStock } from './receive-stock';
import { getLowStockDefaultThreshold, setLowStockThreshold } from './set-threshold';
import { parseStockListParams } from './stock-list-filters';

let handle: DatabaseHandle;
let f: Factories;
let actor: Actor;
let staffId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 47 });
  const keeper = await f.staff({ role: 'warehouse', name: '仓管小王' });
  staffId = keeper.id;
  actor = staffActor(keeper);
});
// the stock invariant holds after every scenario, successful or refused
afterEach(async () => {
  expect(await checkStockLedger(handle.db)).toEqual([]);
});
afterAll(async () => handle?.close());

async function level(skuId: number, warehouseId: number) {
  return (await findStockLevel(handle.db, skuId, warehouseId))!;
}
async function movementCount(skuId: number) {
  const [row] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from stock_movements where sku_id = ${skuId}`,
  );
  return Number(row.n);
}
async function unresolvedAlerts(skuId: number, warehouseId: number) {
  return handle.db
    .select()
    .from(lowStockAlerts)
    .where(
      and(
        eq(lowStockAlerts.skuId, skuId),
        eq(lowStockAlerts.warehouseId, warehouseId),
        sql`${lowStockAlerts.resolvedAt} is null`,
      ),
    );
}

describe(`receiveStock (${testDatabaseKind})`, () => {
  it('raises on hand, writes the receipt, its lines and a receive ledger row per line, creating missing stock rows', async () => {
    const wh = await f.warehouse();
    const stocked = await f.sku({ lowStockThreshold: 0 });
    const fresh = await f.sku({ lowStockThreshold: 0 });
    await f.stock({ skuId: stocked.id, warehouseId: wh.id, onHand: 5, reserved: 2 });

    const result = await receiveStock(handle.db, {
      warehouseId: wh.id,
      supplier: '义乌优品',
      note: '六月补货',
      actor,
      lines: [
        { skuCode: stocked.code, quantity: 20, unitCostCents: 1234 },
        { skuId: fresh.id, quantity: 7 },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.number).toMatch(/^GR\d{6}\d{6}$/);
    expect(await level(stocked.id, wh.id)).toMatchObject({ onHand: 25, reserved: 2 });
    expect(await level(fresh.id, wh.id)).toMatchObject({ onHand: 7, reserved: 0 });

    const [receipt] = await handle.db.select().from(goodsReceipts).where(eq(goodsReceipts.id, result.data.receiptId));
    expect(receipt).toMatchObject({
      number: result.data.number,
      warehouseId: wh.id,
      supplier: '义乌优品',
      note: '六月补货',
      createdBy: staffId,
    });
    const lines = await handle.db
      .select()
      .from(goodsReceiptLines)
      .where(eq(goodsReceiptLines.receiptId, receipt.id))
      .orderBy(goodsReceiptLines.id);
    expect(lines.map((l) => [l.skuId, l.quantity, l.unitCostCents])).toEqual([
      [stocked.id, 20, 1234],
      [fresh.id, 7, null],
    ]);

    const ledger = await handle.db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.documentType, 'goods_receipt'), eq(stockMovements.documentId, result.data.number)));
    expect(
      ledger.map((m) => [m.skuId, m.kind, m.onHandDelta, m.onHandAfter, m.unitCostCents, m.actorId]).sort(),
    ).toEqual(
      [
        [stocked.id, 'receive', 20, 25, 1234, staffId],
        [fresh.id, 'receive', 7, 7, null, staffId],
      ].sort(),
    );

    // the next receipt of the day takes the next serial
    const second = await receiveStock(handle.db, {
      warehouseId: wh.id,
      actor,
      lines: [{ skuId: fresh.id, quantity: 1 }],
    });
    expect(second.ok && second.data.number).toBe(
      `${result.data.number.slice(0, 8)}${String(Number(result.data.number.slice(8)) + 1).padStart(6, '0')}`,
    );
  });

  it('refuses unknown SKUs (naming the lines) and closed warehouses, writing nothing', async () => {
    const wh = await f.warehouse();
    const closed = await f.warehouse({ isActive: false });
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 3 });
    const receiptsBefore = (await handle.db.select().from(goodsReceipts)).length;
    const movementsBefore = await movementCount(sku.id);

    const unknown = await receiveStock(handle.db, {
      warehouseId: wh.id,
      actor,
      lines: [
        { skuCode: sku.code, quantity: 5 },
        { skuCode: 'NO-SUCH-SKU', quantity: 1 },
      ],
    });
    expect(unknown).toMatchObject({
      ok: false,
      code: 'unknown_sku',
      fieldErrors: { 'lines.1.skuCode': ['unknown_sku_code'] },
      params: { skus: 'NO-SUCH-SKU' },
    });
    const closedResult = await receiveStock(handle.db, {
      warehouseId: closed.id,
      actor,
      lines: [{ skuId: sku.id, quantity: 5 }],
    });
    expect(closedResult).toMatchObject({ ok: false, code: 'unknown_warehouse' });
    const invalid = await receiveStock(handle.db, {
      warehouseId: wh.id,
      actor,
      lines: [{ skuId: sku.id, quantity: 0 }],
    });
    expect(invalid).toMatchObject({ ok: false, code: 'invalid' });

    expect(await level(sku.id, wh.id)).toMatchObject({ onHand: 3 });
    expect((await handle.db.select().from(goodsReceipts)).length).toBe(receiptsBefore);
    expect(await movementCount(sku.id)).toBe(movementsBefore);
  });
});

describe(`adjustStock (${testDatabaseKind})`, () => {
  it('refuses to go below reserved and changes nothing; a valid count adjusts with its reason', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku({ lowStockThreshold: 0 });
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 10, reserved: 6 });
    const before = await movementCount(sku.id);

    const counted = await adjustStock(handle.db, {
      skuId: sku.id,
      warehouseId: wh.id,
      mode: 'counted',
      quantity: 5,
      reason: '盘点短少',
      actor,
    });
    expect(counted).toMatchObject({ ok: false, code: 'below_reserved', params: { reserved: 6, onHand: 10 } });
    const delta = await adjustStock(handle.db, {
      skuId: sku.id,
      warehouseId: wh.id,
      mode: 'delta',
      quantity: -5,
      reason: '破损',
      actor,
    });
    expect(delta).toMatchObject({ ok: false, code: 'below_reserved' });
    expect(await level(sku.id, wh.id)).toMatchObject({ onHand: 10, reserved: 6 });
    expect(await movementCount(sku.id)).toBe(before);

    expect(
      await adjustStock(handle.db, {
        skuId: sku.id,
        warehouseId: wh.id,
        mode: 'counted',
        quantity: 10,
        reason: '盘点无差异',
        actor,
      }),
    ).toMatchObject({ ok: false, code: 'no_change' });
    expect(
      await adjustStock(handle.db, {
        skuId: sku.id,
        warehouseId: wh.id,
        mode: 'counted',
        quantity: 8,
        reason: '',
        actor,
      }),
    ).toMatchObject({ ok: false, code: 'invalid' });

    const ok = await adjustStock(handle.db, {
      skuId: sku.id,
      warehouseId: wh.id,
      mode: 'counted',
      quantity: 8,
      reason: '月度盘点 破损 2',
      actor,
    });
    expect(ok).toMatchObject({ ok: true, data: { onHand: 8, reserved: 6, delta: -2 } });
    const up = await adjustStock(handle.db, {
      skuId: sku.id,
      warehouseId: wh.id,
      mode: 'delta',
      quantity: 3,
      reason: '找到 3 件',
      actor,
    });
    expect(up).toMatchObject({ ok: true, data: { onHand: 11, delta: 3 } });
    const ledger = await listStockMovements(handle.db, { skuId: sku.id });
    expect(ledger.rows.slice(0, 2).map((m) => [m.kind, m.onHandDelta, m.onHandAfter, m.reason, m.actor.name])).toEqual([
      ['adjust', 3, 11, '找到 3 件', '仓管小王'],
      ['adjust', -2, 8, '月度盘点 破损 2', '仓管小王'],
    ]);

    expect(
      await adjustStock(handle.db, {
        skuId: sku.id,
        warehouseId: (await f.warehouse()).id,
        mode: 'delta',
        quantity: 1,
        reason: '盘盈',
        actor,
      }),
    ).toMatchObject({ ok: false, code: 'unknown_stock' });
  });
});

describe(`low-stock alerts (${testDatabaseKind})`, () => {
  it('raise when available drops to the threshold, stay quiet once acknowledged, resolve on replenishment, and raise anew on a later drop', async () => {
    const wh = await f.warehouse();
    const sku = await f.sku({ lowStockThreshold: 5 });
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 20 });
    const change = (kind: 'reserve' | 'release', quantity: number) =>
      applyStockChange(handle.db, { skuId: sku.id, warehouseId: wh.id, kind, quantity, actor });
    const openBefore = await countOpenLowStockAlerts(handle.db);

    expect(await change('reserve', 14)).toMatchObject({ ok: true, data: { available: 6, alert: null } });
    expect(await unresolvedAlerts(sku.id, wh.id)).toHaveLength(0);
    expect(await change('reserve', 1)).toMatchObject({ ok: true, data: { available: 5, alert: 'raised' } });
    const [first] = await unresolvedAlerts(sku.id, wh.id);
    expect(first).toMatchObject({ availableAtAlert: 5, threshold: 5, acknowledgedAt: null });
    expect(await countOpenLowStockAlerts(handle.db)).toBe(openBefore + 1);
    const open = await listLowStockAlerts(handle.db, { view: 'open' });
    expect(open.find((a) => a.id === first.id)).toMatchObject({
      skuCode: sku.code,
      warehouseId: wh.id,
      available: 5,
      threshold: 5,
    });

    const acknowledged = await acknowledgeLowStockAlert(handle.db, { alertId: first.id, staffId });
    expect(acknowledged.ok).toBe(true);
    expect(await acknowledgeLowStockAlert(handle.db, { alertId: first.id, staffId })).toMatchObject({
      ok: false,
      code: 'already_acknowledged',
    });
    expect(await countOpenLowStockAlerts(handle.db)).toBe(openBefore);
    expect(
      (await listLowStockAlerts(handle.db, { view: 'acknowledged' })).find((a) => a.id === first.id),
    ).toMatchObject({ acknowledgedByName: '仓管小王', available: 5 });

    // still low: the acknowledged alert keeps it quiet
    expect(await change('reserve', 3)).toMatchObject({ ok: true, data: { available: 2, alert: null } });
    expect(await unresolvedAlerts(sku.id, wh.id)).toHaveLength(1);
    expect(await countOpenLowStockAlerts(handle.db)).toBe(openBefore);

    // replenished above the threshold: resolved
    const received = await receiveStock(handle.db, {
      warehouseId: wh.id,
      actor,
      lines: [{ skuId: sku.id, quantity: 10 }],
    });
    expect(received.ok).toBe(true);
    expect(await unresolvedAlerts(sku.id, wh.id)).toHaveLength(0);
    const [resolved] = await handle.db.select().from(lowStockAlerts).where(eq(lowStockAlerts.id, first.id));
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await acknowledgeLowStockAlert(handle.db, { alertId: first.id, staffId })).toMatchObject({
      ok: false,
      code: 'resolved',
    });

    // a later drop raises a new alert
    expect(await change('reserve', 8)).toMatchObject({ ok: true, data: { available: 4, alert: 'raised' } });
    const [second] = await unresolvedAlerts(sku.id, wh.id);
    expect(second.id).not.toBe(first.id);
    expect(await countOpenLowStockAlerts(handle.db)).toBe(openBefore + 1);
    expect(await acknowledgeLowStockAlert(handle.db, { alertId: 999_999_999, staffId })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('thresholds: SKU, warehouse override and store default raise and resolve alerts as they change', async () => {
    const wh = await f.warehouse();
    const other = await f.warehouse();
    const sku = await f.sku({ lowStockThreshold: 2 });
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 8 });
    await f.stock({ skuId: sku.id, warehouseId: other.id, onHand: 30 });

    expect(await setLowStockThreshold(handle.db, { scope: 'sku', skuId: sku.id, threshold: 10, actor })).toMatchObject({
      ok: true,
      data: { raised: 1, resolved: 0 },
    });
    expect(await unresolvedAlerts(sku.id, wh.id)).toHaveLength(1);
    expect(await unresolvedAlerts(sku.id, other.id)).toHaveLength(0);

    expect(
      await setLowStockThreshold(handle.db, {
        scope: 'level',
        skuId: sku.id,
        warehouseId: other.id,
        threshold: 40,
        actor,
      }),
    ).toMatchObject({ ok: true, data: { raised: 1 } });
    expect(
      await setLowStockThreshold(handle.db, { scope: 'level', skuId: sku.id, warehouseId: wh.id, threshold: 3, actor }),
    ).toMatchObject({ ok: true, data: { resolved: 1 } });
    const stock = await getSkuStock(handle.db, sku.id, await getLowStockDefaultThreshold(handle.db));
    expect(
      stock?.levels.map((l) => [l.warehouseId, l.levelThreshold, l.threshold, l.isLow, l.alert ? 'alert' : null]),
    ).toEqual(
      [
        [wh.id, 3, 3, false, null],
        [other.id, 40, 40, true, 'alert'],
      ].sort(
        (a, b) =>
          stock!.levels.findIndex((l) => l.warehouseId === a[0]) -
          stock!.levels.findIndex((l) => l.warehouseId === b[0]),
      ),
    );

    // removing overrides falls back to the SKU's, then the store default
    expect(
      await setLowStockThreshold(handle.db, {
        scope: 'level',
        skuId: sku.id,
        warehouseId: other.id,
        threshold: null,
        actor,
      }),
    ).toMatchObject({ ok: true, data: { resolved: 1 } });
    expect(
      await setLowStockThreshold(handle.db, { scope: 'sku', skuId: sku.id, threshold: null, actor }),
    ).toMatchObject({ ok: true });
    expect(await setLowStockThreshold(handle.db, { scope: 'store', threshold: 9, actor })).toMatchObject({ ok: true });
    expect(await getLowStockDefaultThreshold(handle.db)).toBe(9);
    const afterDefault = await getSkuStock(handle.db, sku.id, 9);
    expect(afterDefault?.levels.find((l) => l.warehouseId === other.id)).toMatchObject({
      levelThreshold: null,
      threshold: 9,
      isLow: false,
    });
    // wh: level override 3 still applies, 8 available is not low
    expect(afterDefault?.levels.find((l) => l.warehouseId === wh.id)).toMatchObject({ threshold: 3, isLow: false });
    expect(await setLowStockThreshold(handle.db, { scope: 'store', threshold: 10, actor })).toMatchObject({ ok: true });

    expect(
      await setLowStockThreshold(handle.db, { scope: 'sku', skuId: 999_999_999, threshold: 1, actor }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(
      await setLowStockThreshold(handle.db, {
        scope: 'level',
        skuId: sku.id,
        warehouseId: 999_999_999,
        threshold: 1,
        actor,
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe(`listStock and the ledger (${testDatabaseKind})`, () => {
  it('filters by warehouse, low stock and text, and walks keyset pages', async () => {
    const wh = await f.warehouse();
    const other = await f.warehouse();
    const product = await f.product({ name: '竹纤维毛巾' });
    const tag = `INV${Date.now().toString(36).toUpperCase()}`;
    const skus = [];
    for (let i = 0; i < 3; i++)
      skus.push(await f.sku({ productId: product.id, code: `${tag}-${i}`, lowStockThreshold: 5 }));
    await f.stock({ skuId: skus[0].id, warehouseId: wh.id, onHand: 50 });
    await f.stock({ skuId: skus[0].id, warehouseId: other.id, onHand: 4 });
    await f.stock({ skuId: skus[1].id, warehouseId: wh.id, onHand: 9, reserved: 5 });
    await f.stock({ skuId: skus[2].id, warehouseId: wh.id, onHand: 100 });
    const list = (params: Record<string, string>) => listStock(handle.db, parseStockListParams(params).filters);

    const all = await list({ q: tag });
    expect(all.rows.map((r) => [r.skuCode, r.warehouseId])).toEqual([
      [`${tag}-0`, Math.min(wh.id, other.id)],
      [`${tag}-0`, Math.max(wh.id, other.id)],
      [`${tag}-1`, wh.id],
      [`${tag}-2`, wh.id],
    ]);
    expect(all.rows.find((r) => r.skuCode === `${tag}-1`)).toMatchObject({
      onHand: 9,
      reserved: 5,
      available: 4,
      threshold: 5,
      isLow: true,
      productName: '竹纤维毛巾',
    });

    const low = await list({ q: tag, stock: 'low' });
    expect(low.rows.map((r) => [r.skuCode, r.warehouseId])).toEqual([
      [`${tag}-0`, other.id],
      [`${tag}-1`, wh.id],
    ]);
    expect((await list({ q: tag.toLowerCase(), warehouse: String(other.id) })).rows.map((r) => r.skuCode)).toEqual([
      `${tag}-0`,
    ]);
    expect((await list({ q: '竹纤维', warehouse: String(other.id) })).rows).toHaveLength(1);
    // the user's % is literal, not a wildcard
    expect((await list({ q: `${tag}%2` })).rows).toHaveLength(0);

    const seen: string[] = [];
    let params: Record<string, string> = { q: tag, size: '3' };
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const page = await list(params);
      seen.push(...page.rows.map((r) => `${r.skuCode}@${r.warehouseId}`));
      if (!page.nextCursor) break;
      params = { ...params, cursor: page.nextCursor };
    }
    expect(seen).toEqual(all.rows.map((r) => `${r.skuCode}@${r.warehouseId}`));

    expect(
      parseStockListParams({ warehouse: 'abc', stock: 'nope', size: '9999', cursor: 'garbage' })
        .rejected.map((r) => r.param)
        .sort(),
    ).toEqual(['cursor', 'size', 'stock', 'warehouse']);
  });

  it("lists one SKU's ledger newest first with order numbers, actors and pages", async () => {
    const wh = await f.warehouse();
    const sku = await f.sku({ lowStockThreshold: 0 });
    await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 40 });
    const { order } = await f.order({ status: 'paid', lines: [{ skuId: sku.id, quantity: 2 }] });
    for (let i = 0; i < 3; i++)
      await adjustStock(handle.db, {
        skuId: sku.id,
        warehouseId: wh.id,
        mode: 'delta',
        quantity: 1,
        reason: `找到 ${i}`,
        actor,
      });

    const first = await listStockMovements(handle.db, { skuId: sku.id, pageSize: 2 });
    expect(first.rows.map((m) => m.reason)).toEqual(['找到 2', '找到 1']);
    const second = await listStockMovements(handle.db, { skuId: sku.id, pageSize: 2, beforeId: first.nextBeforeId! });
    expect(second.rows[0].reason).toBe('找到 0');
    expect(second.rows[1]).toMatchObject({
      kind: 'reserve',
      reservedDelta: 2,
      order: { id: order.id, number: order.number },
    });
    const all = await listStockMovements(handle.db, { skuId: sku.id, warehouseId: wh.id });
    expect(all.rows.at(-1)).toMatchObject({ kind: 'receive', onHandAfter: 40, actor: { type: 'system' } });
    expect(all.nextBeforeId).toBeNull();
  });
});

describe(`listReorderSuggestions (${testDatabaseKind})`, () => {
  it('computes the suggestion from velocity, lead time, safety stock and available on known data', async () => {
    const wh = await f.warehouse();
    const now = new Date();
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
    // A: 30 units in the window (20 shipped + 10 reserved), a cancelled order and an old order that do not count
    const a = await f.sku({ leadTimeDays: 7, lowStockThreshold: 0 });
    await f.stock({ skuId: a.id, warehouseId: wh.id, onHand: 300 });
    await f.order({ status: 'completed', placedAt: daysAgo(20), lines: [{ skuId: a.id, quantity: 20 }] });
    await f.order({ status: 'paid', placedAt: daysAgo(1), lines: [{ skuId: a.id, quantity: 10 }] });
    await f.order({ status: 'cancelled', placedAt: daysAgo(2), lines: [{ skuId: a.id, quantity: 100 }] });
    await f.order({ status: 'completed', placedAt: daysAgo(45), lines: [{ skuId: a.id, quantity: 50 }] });
    // bring available down to 5 with a count
    const levelA = await level(a.id, wh.id);
    await adjustStock(handle.db, {
      skuId: a.id,
      warehouseId: wh.id,
      mode: 'counted',
      quantity: levelA.reserved + 5,
      reason: '盘点',
      actor,
    });
    // B: 7 units sold, lead 5: ceil(7 x (5 + 3) / 30) = ceil(1.87) = 2, nothing available
    const b = await f.sku({ leadTimeDays: 5, lowStockThreshold: 0 });
    await f.stock({ skuId: b.id, warehouseId: wh.id, onHand: 7 });
    await f.order({ status: 'shipped', placedAt: daysAgo(3), lines: [{ skuId: b.id, quantity: 7 }] });
    // C: sells but has plenty: no suggestion
    const c = await f.sku({ leadTimeDays: 7, lowStockThreshold: 0 });
    await f.stock({ skuId: c.id, warehouseId: wh.id, onHand: 500 });
    await f.order({ status: 'paid', placedAt: daysAgo(1), lines: [{ skuId: c.id, quantity: 3 }] });

    const suggestions = await listReorderSuggestions(handle.db, { days: 30, safetyDays: 3 }, now);
    const bySku = new Map(suggestions.map((s) => [s.skuId, s]));
    // A: velocity 1/day, ceil(1 x (7 + 3)) = 10, minus 5 available
    expect(bySku.get(a.id)).toMatchObject({ unitsSold: 30, available: 5, incoming: 0, suggestedQuantity: 5 });
    expect(bySku.get(a.id)?.velocityPerDay).toBeCloseTo(1);
    expect(bySku.get(b.id)).toMatchObject({ unitsSold: 7, available: 0, suggestedQuantity: 2 });
    expect(bySku.has(c.id)).toBe(false);

    // a 10-day window sees only the 10 reserved units of A: ceil(1 x 10) - 5 = 5; more safety days add more
    expect(
      new Map((await listReorderSuggestions(handle.db, { days: 10, safetyDays: 3 }, now)).map((s) => [s.skuId, s])).get(
        a.id,
      ),
    ).toMatchObject({ unitsSold: 10, suggestedQuantity: 5 });
    expect(
      new Map(
        (await listReorderSuggestions(handle.db, { days: 30, safetyDays: 13 }, now)).map((s) => [s.skuId, s]),
      ).get(a.id),
    ).toMatchObject({ suggestedQuantity: 15 });
  });
});
