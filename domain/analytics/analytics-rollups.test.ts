import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { cancelOrder } from '@/domain/orders/cancel-order';
import { editOrder } from '@/domain/orders/edit-order';
import { requestRefund } from '@/domain/payments/refunds/request-refund';
import { settleRefund } from '@/domain/payments/refunds/settle-refund';
import type { Actor } from '@/domain/shared/actor';
import { directBreakdown, directDailySeries, directOverview } from '@/testing/analytics/direct-figures';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { rebuildAnalyticsRollups, refreshAnalyticsRollups } from './refresh-rollups';
import { addDays, storeToday, type DayRange } from './report-range';
import {
  getSalesBreakdown,
  getSalesOverview,
  getSalesSeries,
  SALES_DIMENSIONS,
  type SalesTotals,
} from './sales-report';

let handle: DatabaseHandle;
let f: Factories;
let warehouseId: number;
const staff: Actor = { type: 'staff', id: null, name: 'analyst' };
const today = storeToday();
const HOUR = 3_600_000;
/** an instant on the store day `daysAgo` days before today, at the given Shanghai hour */
const at = (daysAgo: number, hour = 12) =>
  new Date(`${addDays(today, -daysAgo)}T${String(hour).padStart(2, '0')}:30:00+08:00`);
const RANGES: DayRange[] = [
  { from: addDays(today, -60), to: today },
  { from: today, to: today },
  { from: addDays(today, -6), to: today },
  { from: addDays(today, -40), to: addDays(today, -35) },
  { from: addDays(today, -3), to: addDays(today, -3) },
];

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 1919 });
  warehouseId = (await f.warehouse()).id;
}, 120_000);
afterAll(async () => handle?.close());

async function sku(priceCents: number) {
  const s = await f.sku({ priceCents });
  await f.stock({ skuId: s.id, warehouseId, onHand: 10_000 });
  return s;
}

const nonZero = (t: SalesTotals) => t.orders !== 0 || t.refunds !== 0;

/** Every figure of every range, from the rollups, equals the same figure from the base tables, in fen. */
async function expectReportsMatch() {
  const db = handle.db;
  for (const range of RANGES) {
    expect(await getSalesOverview(db, range), `overview ${range.from}..${range.to}`).toEqual(
      await directOverview(db, range),
    );
    for (const dimension of SALES_DIMENSIONS) {
      const rows = await getSalesBreakdown(db, range, dimension);
      const app = new Map(rows.map(({ key, ...totals }) => [key, totals]));
      expect(app, `${dimension} ${range.from}..${range.to}`).toEqual(await directBreakdown(db, range, dimension));
    }
    const series = await getSalesSeries(db, range, 'day');
    expect(series).toHaveLength(Math.round((Date.parse(range.to) - Date.parse(range.from)) / (24 * HOUR)) + 1);
    const daily = new Map(series.filter(nonZero).map(({ start, ...totals }) => [start, totals]));
    expect(daily, `series ${range.from}..${range.to}`).toEqual(await directDailySeries(db, range));
  }
  // weeks and months add up to the range's total
  const whole = RANGES[0];
  const total = await getSalesOverview(db, whole);
  for (const granularity of ['week', 'month'] as const) {
    const buckets = await getSalesSeries(db, whole, granularity);
    expect(buckets.reduce((sum, b) => sum + b.netCents, 0)).toBe(total.netCents);
    expect(buckets.reduce((sum, b) => sum + b.orders, 0)).toBe(total.orders);
  }
}

/**
 * Refreshes until the change record is drained. Transactions of other databases on the same server may hold the
 * horizon back for a moment (xids are server-wide), so one call may apply only part of it.
 */
async function settle() {
  const total = { changes: 0, days: 0, rebuilt: false };
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const step = await refreshAnalyticsRollups(handle.db);
    total.changes += step.changes;
    total.days += step.days;
    total.rebuilt ||= step.rebuilt;
    const [{ pending }] = await queryRows<{ pending: string }>(
      handle.db,
      sql`select count(*)::text as pending from change_log c, change_log_cursors k
          where k.consumer = 'analytics' and k.last_id >= 0 and (c.xid, c.id) > (k.xid, k.last_id)`,
    );
    if (pending === '0') return total;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the change record did not drain');
}

async function refund(orderId: number, amountCents: number | undefined, outcome: 'succeeded' | 'failed') {
  const requested = await requestRefund(handle.db, { orderId, amountCents, reason: 'analytics test', actor: staff });
  if (!requested.ok) throw new Error(requested.message);
  const settled = await settleRefund(handle.db, {
    refundId: requested.data.id,
    outcome,
    source: 'gateway',
    actor: staff,
  });
  if (!settled.ok) throw new Error(settled.message);
}

describe(`analytics rollups (${testDatabaseKind})`, () => {
  it('a scripted history: every figure from the rollups equals the base tables, after each step', async () => {
    const cheap = await sku(1_999);
    const dear = await sku(25_000);
    // a first batch of history, before any refresh: the first refresh rebuilds (no cursor yet)
    const first = await f.order({
      status: 'completed',
      placedAt: at(45),
      lines: [{ skuId: dear.id, quantity: 2 }],
      discountCents: 1_000,
      paymentMethod: 'alipay',
    });
    const returning = first.order.customerId!;
    await f.order({ status: 'paid', placedAt: at(38, 0), source: 'api', lines: [{ skuId: cheap.id, quantity: 3 }] });
    await f.order({
      status: 'shipped',
      placedAt: at(3, 23),
      customerId: returning,
      lines: [
        { skuId: cheap.id, quantity: 1 },
        { skuId: dear.id, quantity: 1 },
      ],
      paymentMethod: 'wechat_pay',
      shippingCents: 800,
    });
    await f.order({ status: 'cancelled', placedAt: at(3), lines: [{ skuId: dear.id, quantity: 4 }] });
    await f.order({ status: 'pending_payment', placedAt: at(0, 1), lines: [{ skuId: cheap.id, quantity: 2 }] });
    expect((await settle()).rebuilt).toBe(true);
    await expectReportsMatch();
    // changes the rebuild already read may be applied again (a transaction still running when it started, here or
    // in another database on the server): idempotent, the figures do not move
    expect(await settle()).toMatchObject({ rebuilt: false });
    await expectReportsMatch();

    // new orders today, from a returning customer and new ones, on three channels
    const editable = await f.order({
      status: 'pending_payment',
      placedAt: at(0, 9),
      customerId: returning,
      lines: [{ skuId: cheap.id, quantity: 5 }],
    });
    const toCancel = await f.order({
      status: 'pending_payment',
      placedAt: at(0, 10),
      lines: [{ skuId: dear.id, quantity: 1 }],
    });
    const refunded = await f.order({
      status: 'paid',
      placedAt: at(0, 11),
      source: 'import',
      lines: [{ skuId: dear.id, quantity: 3 }],
      discountCents: 500,
      paymentMethod: 'unionpay',
    });
    const step = await settle();
    expect(step.changes).toBeGreaterThan(0);
    // only today was touched (and the returning customer's other days are not days of facts)
    expect(step.days).toBe(1);
    await expectReportsMatch();

    // an edit: more units, another discount, another province
    const edited = await editOrder(handle.db, {
      orderId: editable.order.id,
      expectedVersion: editable.order.version,
      actor: staff,
      changes: {
        lines: [
          { skuId: cheap.id, quantity: 7 },
          { skuId: dear.id, quantity: 1 },
        ],
        discountCents: 2_345,
        shipTo: { name: '李雷', phone: '13900139000', province: '四川省', city: '成都市', street: '天府大道 1 号' },
      },
    });
    if (!edited.ok) throw new Error(edited.message);
    // a cancellation, partial refunds (one failed), a full refund of an old order (counted today, not 45 days ago)
    const cancelled = await cancelOrder(handle.db, {
      orderId: toCancel.order.id,
      reason: 'buyer changed mind',
      actor: staff,
    });
    expect(cancelled.ok).toBe(true);
    await refund(refunded.order.id, 10_000, 'succeeded');
    await refund(refunded.order.id, 5_000, 'failed');
    await refund(refunded.order.id, 2_501, 'succeeded');
    await refund(first.order.id, undefined, 'succeeded');
    // an import of a past order: only its day is recomputed
    await f.order({
      status: 'completed',
      placedAt: at(36),
      source: 'import',
      lines: [{ skuId: dear.id, quantity: 1 }],
    });
    const late = await settle();
    expect(late.days).toBe(2);
    await expectReportsMatch();
    const overview = await getSalesOverview(handle.db, { from: today, to: today });
    expect(overview.refundCents).toBe(10_000 + 2_501 + first.order.totalCents);
    expect(overview.returningCustomers).toBeGreaterThanOrEqual(1);

    // a paid order cancelled after its refund: it counts nowhere any more, refunds included
    const gone = await cancelOrder(handle.db, { orderId: refunded.order.id, reason: 'out of stock', actor: staff });
    expect(gone.ok).toBe(true);
    await settle();
    await expectReportsMatch();

    // the rebuild lands on exactly the same rollups as the incremental upkeep
    const snapshot = async () =>
      queryRows(
        handle.db,
        sql`select 'o' as t, day::text, currency, source::text, province, payment_method as k, orders::text as a, gross_cents::text as b, discount_cents::text as c
              from analytics_daily_orders
            union all select 's', day::text, currency, source::text, province, sku_code, units::text, gross_cents::text, cost_cents::text
              from analytics_daily_sku_sales
            union all select 'r', day::text, currency, source::text, province, payment_method, refunds::text, refund_cents::text, ''
              from analytics_daily_refunds
            union all select 'c', first_order_day::text, '', '', customer_id::text, '', orders::text, total_spent_cents::text, ''
              from analytics_customers
            union all select 'd', day::text, '', '', customer_id::text, '', orders::text, prev_day::text, next_day::text
              from analytics_customer_days
            order by 1, 2, 3, 4, 5, 6`,
      );
    const incremental = await snapshot();
    await rebuildAnalyticsRollups(handle.db);
    expect(await snapshot()).toEqual(incremental);
    expect(await settle()).toMatchObject({ rebuilt: false });
    await expectReportsMatch();
  });

  it('each statement adds one change row, however many rows it touches', async () => {
    const s = await sku(1_000);
    const a = await f.order({ status: 'pending_payment', lines: [{ skuId: s.id, quantity: 1 }] });
    const b = await f.order({ status: 'pending_payment', lines: [{ skuId: s.id, quantity: 1 }] });
    const [{ before }] = await queryRows<{ before: string }>(
      handle.db,
      sql`select max(id)::text as before from change_log`,
    );
    await handle.db
      .update(orders)
      .set({ buyerNote: 'two rows, one statement' })
      .where(inArray(orders.id, [a.order.id, b.order.id]));
    const rows = await queryRows<{ entity: string; op: string; order_ids: number[] }>(
      handle.db,
      sql`select entity, op, order_ids from change_log where id > ${before}::bigint`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'orders', op: 'UPDATE' });
    expect([...rows[0].order_ids].map(Number).sort()).toEqual([a.order.id, b.order.id].sort());
  });

  // PGlite is one connection: two transactions cannot be open at once there
  it.runIf(testDatabaseKind === 'postgres')(
    'a change committed after a later one is never skipped (the watermark waits for running transactions)',
    async () => {
      const s = await sku(3_000);
      const early = await f.order({ status: 'paid', placedAt: at(1), lines: [{ skuId: s.id, quantity: 1 }] });
      const later = await f.order({ status: 'paid', placedAt: at(2), lines: [{ skuId: s.id, quantity: 1 }] });
      await settle();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let wrote!: () => void;
      const written = new Promise<void>((resolve) => (wrote = resolve));
      // this transaction writes its change row first (lower id) and commits last
      const slow = handle.db.transaction(async (tx) => {
        await tx.update(orders).set({ shipProvince: '西藏自治区' }).where(eq(orders.id, early.order.id));
        wrote();
        await held;
      });
      await written;
      await handle.db.update(orders).set({ shipProvince: '青海省' }).where(eq(orders.id, later.order.id));
      // the later commit waits behind the running transaction: applying it now would move the watermark past the
      // running one's row
      expect((await refreshAnalyticsRollups(handle.db)).changes).toBe(0);
      release();
      await slow;
      // both now, in the order of their transactions
      expect((await settle()).changes).toBe(2);
      const provinces = await getSalesBreakdown(
        handle.db,
        { from: at(2).toISOString().slice(0, 10), to: today },
        'province',
      );
      expect(provinces.map((row) => row.key)).toEqual(expect.arrayContaining(['西藏自治区', '青海省']));
      await expectReportsMatch();
    },
  );
});
