import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { orders, products, settings, skus, stockLevels, warehouses, type NewOrder } from '@/db/schema';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { getDashboardSummary } from './dashboard-summary';

// 2026-03-10 09:00 in Shanghai (UTC+8): "today" there is 03-10 while UTC is still 03-10 01:00.
const NOW = new Date('2026-03-10T01:00:00Z');

let handle: DatabaseHandle;
let orderSeq = 0;

function order(placedAt: string, fields: Partial<NewOrder> = {}): NewOrder {
  orderSeq += 1;
  return {
    number: `SO-TEST-${orderSeq}`,
    source: 'manual',
    status: 'paid',
    subtotalCents: 10_000,
    totalCents: 10_000,
    itemCount: 1,
    shipName: '张三',
    shipPhone: '13800000000',
    shipProvince: '上海市',
    shipCity: '上海市',
    shipStreet: '南京西路 1 号',
    placedAt: new Date(placedAt),
    ...fields,
  };
}

describe(`getDashboardSummary (${testDatabaseKind})`, () => {
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle.db.execute(
      sql`truncate orders, stock_levels, skus, products, warehouses, settings restart identity cascade`,
    );
  });

  it('counts the orders of today in Asia/Shanghai, not UTC', async () => {
    await handle.db.insert(orders).values([
      // 03-10 00:30 Shanghai (still 03-09 in UTC): today
      order('2026-03-09T16:30:00Z', { totalCents: 1_000 }),
      // 03-10 08:59 Shanghai: today
      order('2026-03-10T00:59:00Z', { totalCents: 2_000 }),
      // 03-09 23:59 Shanghai (same UTC day as the first): yesterday
      order('2026-03-09T15:59:00Z', { totalCents: 4_000 }),
    ]);

    const summary = await getDashboardSummary(handle.db, { now: NOW });

    expect(summary.today).toBe('2026-03-10');
    expect(summary.todayOrderCount).toBe(2);
    expect(summary.todaySalesCents).toBe(3_000);
    expect(summary.series.at(-2)).toEqual({ day: '2026-03-09', orderCount: 1, salesCents: 4_000 });
  });

  it('excludes cancelled orders and other currencies from sales but still counts them as orders', async () => {
    await handle.db
      .insert(orders)
      .values([
        order('2026-03-10T00:10:00Z', { totalCents: 12_345 }),
        order('2026-03-10T00:20:00Z', { totalCents: 50_000, status: 'cancelled' }),
        order('2026-03-10T00:30:00Z', { totalCents: 700, status: 'pending_payment' }),
        order('2026-03-10T00:40:00Z', { totalCents: 9_900, currency: 'USD' }),
      ]);

    const summary = await getDashboardSummary(handle.db, { now: NOW });

    expect(summary.currency).toBe('CNY');
    expect(summary.todayOrderCount).toBe(4);
    expect(summary.todaySalesCents).toBe(13_045);
  });

  it('returns 30 consecutive days ending today, with zeros for days without orders', async () => {
    await handle.db.insert(orders).values([
      // 29 days before today: the first day of the series
      order('2026-02-09T04:00:00Z', { totalCents: 500 }),
      // 30 days before today: outside the series
      order('2026-02-08T04:00:00Z', { totalCents: 800 }),
      order('2026-03-05T04:00:00Z', { totalCents: 300, status: 'cancelled' }),
    ]);

    const { series } = await getDashboardSummary(handle.db, { now: NOW });

    expect(series).toHaveLength(30);
    expect(series[0]).toEqual({ day: '2026-02-09', orderCount: 1, salesCents: 500 });
    expect(series[29].day).toBe('2026-03-10');
    const days = series.map((d) => d.day);
    expect(new Set(days).size).toBe(30);
    expect(days).toEqual([...days].sort());
    expect(series.find((d) => d.day === '2026-03-05')).toEqual({ day: '2026-03-05', orderCount: 1, salesCents: 0 });
    expect(series.filter((d) => d.orderCount === 0)).toHaveLength(28);
    expect(series.reduce((sum, d) => sum + d.orderCount, 0)).toBe(2);
  });

  it('counts the payment and shipment queues, leaving out archived orders', async () => {
    await handle.db
      .insert(orders)
      .values([
        order('2026-01-01T00:00:00Z', { status: 'pending_payment' }),
        order('2026-03-10T00:00:00Z', { status: 'pending_payment' }),
        order('2026-03-10T00:00:00Z', { status: 'pending_payment', archivedAt: new Date('2026-03-10T00:30:00Z') }),
        order('2026-03-01T00:00:00Z', { status: 'awaiting_shipment' }),
        order('2026-03-01T00:00:00Z', { status: 'partially_shipped' }),
        order('2026-03-01T00:00:00Z', { status: 'shipped' }),
        order('2026-03-01T00:00:00Z', { status: 'paid' }),
      ]);

    const summary = await getDashboardSummary(handle.db, { now: NOW });

    expect(summary.awaitingPaymentCount).toBe(2);
    expect(summary.awaitingShipmentCount).toBe(2);
  });

  describe('low-stock SKUs', () => {
    async function catalog() {
      const [product] = await handle.db.insert(products).values({ name: '保温杯', category: '家居' }).returning();
      const [main, backup, closed] = await handle.db
        .insert(warehouses)
        .values([
          { code: 'SH', name: '上海仓' },
          { code: 'GZ', name: '广州仓' },
          { code: 'OLD', name: '旧仓', isActive: false },
        ])
        .returning();
      const sku = async (code: string, fields: { lowStockThreshold?: number | null; isActive?: boolean } = {}) => {
        const [row] = await handle.db
          .insert(skus)
          .values({
            productId: product.id,
            code,
            name: code,
            priceCents: 9_900,
            costCents: 4_000,
            ...fields,
          })
          .returning();
        return row.id;
      };
      return { main: main.id, backup: backup.id, closed: closed.id, sku };
    }

    it('uses the stock level threshold, then the SKU threshold, then the store default of 10', async () => {
      const { main, sku } = await catalog();
      const levelOverrides = await sku('LEVEL', { lowStockThreshold: 100 });
      const skuThreshold = await sku('SKU-LOW', { lowStockThreshold: 5 });
      const skuThresholdOk = await sku('SKU-OK', { lowStockThreshold: 5 });
      const defaultLow = await sku('DEF-LOW');
      const defaultOk = await sku('DEF-OK');
      await handle.db.insert(stockLevels).values([
        // available 3 <= level threshold 3, although the SKU's 100 would also say low
        { skuId: levelOverrides, warehouseId: main, onHand: 8, reserved: 5, lowStockThreshold: 3 },
        // available 5 <= SKU threshold 5
        { skuId: skuThreshold, warehouseId: main, onHand: 5, reserved: 0 },
        // available 6 > SKU threshold 5, though below the store default 10
        { skuId: skuThresholdOk, warehouseId: main, onHand: 6, reserved: 0 },
        // available 10 <= default 10
        { skuId: defaultLow, warehouseId: main, onHand: 12, reserved: 2 },
        // available 11 > default 10
        { skuId: defaultOk, warehouseId: main, onHand: 11, reserved: 0 },
      ]);

      const summary = await getDashboardSummary(handle.db, { now: NOW });
      expect(summary.lowStockDefaultThreshold).toBe(10);
      expect(summary.lowStockSkuCount).toBe(3);

      // a level threshold below available makes that SKU fine even with a high SKU threshold
      await handle.db
        .update(stockLevels)
        .set({ lowStockThreshold: 2 })
        .where(sql`sku_id = ${levelOverrides}`);
      expect((await getDashboardSummary(handle.db, { now: NOW })).lowStockSkuCount).toBe(2);
    });

    it('takes the store default from settings', async () => {
      const { main, sku } = await catalog();
      const a = await sku('A');
      const b = await sku('B');
      await handle.db.insert(stockLevels).values([
        { skuId: a, warehouseId: main, onHand: 20, reserved: 0 },
        { skuId: b, warehouseId: main, onHand: 30, reserved: 0 },
      ]);
      expect((await getDashboardSummary(handle.db, { now: NOW })).lowStockSkuCount).toBe(0);

      await handle.db.insert(settings).values({ key: 'low_stock_default_threshold', value: 25 });
      const summary = await getDashboardSummary(handle.db, { now: NOW });
      expect(summary.lowStockDefaultThreshold).toBe(25);
      expect(summary.lowStockSkuCount).toBe(1);
    });

    it('falls back to 10 when the setting is not a whole number', async () => {
      await handle.db.insert(settings).values({ key: 'low_stock_default_threshold', value: 'lots' });
      const summary = await getDashboardSummary(handle.db, { now: NOW });
      expect(summary.lowStockDefaultThreshold).toBe(10);
    });

    it('counts a SKU once however many warehouses are low, and skips inactive SKUs and warehouses', async () => {
      const { main, backup, closed, sku } = await catalog();
      const lowTwice = await sku('TWICE');
      const lowOnceOkOnce = await sku('ONCE');
      const inactive = await sku('OFF', { isActive: false });
      const onlyInClosed = await sku('CLOSED');
      await handle.db.insert(stockLevels).values([
        { skuId: lowTwice, warehouseId: main, onHand: 1, reserved: 0 },
        { skuId: lowTwice, warehouseId: backup, onHand: 0, reserved: 0 },
        { skuId: lowOnceOkOnce, warehouseId: main, onHand: 100, reserved: 0 },
        { skuId: lowOnceOkOnce, warehouseId: backup, onHand: 4, reserved: 4 },
        { skuId: inactive, warehouseId: main, onHand: 0, reserved: 0 },
        { skuId: onlyInClosed, warehouseId: closed, onHand: 0, reserved: 0 },
        { skuId: onlyInClosed, warehouseId: main, onHand: 50, reserved: 0 },
      ]);

      const summary = await getDashboardSummary(handle.db, { now: NOW });
      expect(summary.lowStockSkuCount).toBe(2);
    });
  });
});
