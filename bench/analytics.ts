/**
 * Analytics benchmark: `npm run bench:analytics` with DATABASE_URL=postgres://... (a scratch database).
 *
 * 1. Data: when the database has no orders it seeds the demo store and generates BENCH_ORDERS orders (default
 *    200,000) over 730 days with testing/large; then it rebuilds the rollups and prints how long that took.
 * 2. Reports: for each report's default view (last 30 days) and filtered views (7 days, this year, by month) it
 *    times the app's function (reading the rollups) against the same figures computed from the base tables
 *    (testing/analytics/direct-figures.ts), BENCH_ROUNDS times (default 30; the base tables BENCH_DIRECT_ROUNDS, default
 *    5), and prints p50/p95.
 * 3. Upkeep: order placement through createOrder with the change_log triggers disabled, then enabled, alternating
 *    (off, on, off, on) for BENCH_SECONDS each (default 5) at 1 and 16 clients, and the refresh job's time for
 *    what those placements wrote. The triggers must not cost more than 10 % of placements per second.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { rebuildAnalyticsRollups, refreshAnalyticsRollups } from '@/domain/analytics/refresh-rollups';
import { addDays, storeToday, type DayRange } from '@/domain/analytics/report-range';
import { getSalesBreakdown, getSalesOverview, getSalesSeries } from '@/domain/analytics/sales-report';
import { createOrder } from '@/domain/orders/create-order';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { directBreakdown, directDailySeries, directOverview } from '@/testing/analytics/direct-figures';
import { generateLarge } from '@/testing/large/generate-large';
import { seedDemoData } from '@/testing/seed/seed';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
/** the base-table computations take seconds each at this size: fewer rounds */
const DIRECT_ROUNDS = Number(process.env.BENCH_DIRECT_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error('bench:analytics needs DATABASE_URL=postgres://... (a scratch PostgreSQL database)');
  process.exit(2);
}

const handle = openDatabase({ url, poolSize: 20 });
const db = handle.db;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function time(fn: () => Promise<unknown>, rounds = ROUNDS): Promise<{ p50: number; p95: number }> {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

async function prepareData() {
  await migrateDatabase(handle);
  const [{ orders }] = await queryRows<{ orders: number }>(db, sql`select count(*)::int as orders from orders`);
  if (orders === 0) {
    const single = openDatabase({ url, poolSize: 1 });
    try {
      await seedDemoData(single.db);
      const t0 = performance.now();
      await generateLarge(single.db, {
        orders: ORDERS,
        customers: Math.max(1, Math.round(ORDERS / 5)),
        days: 730,
        log: () => {},
      });
      console.log(`generated ${ORDERS} orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } finally {
      await single.close();
    }
  }
  const [counts] = await queryRows<{ orders: number; lines: number; refunds: number }>(
    db,
    sql`select (select count(*) from orders)::int as orders, (select count(*) from order_lines)::int as lines,
               (select count(*) from refunds where status = 'succeeded')::int as refunds`,
  );
  console.log(`data: ${counts.orders} orders, ${counts.lines} lines, ${counts.refunds} succeeded refunds`);
  const t0 = performance.now();
  await rebuildAnalyticsRollups(db);
  console.log(`analytics:rebuild of all rollups: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function benchReports() {
  const today = storeToday();
  const views: { name: string; range: DayRange; granularity: 'day' | 'week' | 'month' }[] = [
    { name: 'default (last 30 days)', range: { from: addDays(today, -29), to: today }, granularity: 'day' },
    { name: 'filtered: last 7 days', range: { from: addDays(today, -6), to: today }, granularity: 'day' },
    {
      name: 'filtered: last 365 days by month',
      range: { from: addDays(today, -364), to: today },
      granularity: 'month',
    },
  ];
  const fmt = (t: { p50: number; p95: number }) => `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`;
  console.log(`\nreports: app = rollups (${ROUNDS} rounds), direct = base tables (${DIRECT_ROUNDS} rounds)`);
  const rows: string[] = [];
  for (const view of views) {
    const reports: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      ['overview', () => getSalesOverview(db, view.range), () => directOverview(db, view.range)],
      [
        'sales over time',
        () => getSalesSeries(db, view.range, view.granularity),
        () => directDailySeries(db, view.range),
      ],
      [
        'by channel',
        () => getSalesBreakdown(db, view.range, 'channel'),
        () => directBreakdown(db, view.range, 'channel'),
      ],
      [
        'by province',
        () => getSalesBreakdown(db, view.range, 'province'),
        () => directBreakdown(db, view.range, 'province'),
      ],
      [
        'by payment method',
        () => getSalesBreakdown(db, view.range, 'payment_method'),
        () => directBreakdown(db, view.range, 'payment_method'),
      ],
    ];
    for (const [report, app, direct] of reports) {
      const a = await time(app);
      const d = await time(direct, DIRECT_ROUNDS);
      const line = `${view.name.padEnd(34)} ${report.padEnd(18)} app ${fmt(a)} | direct ${fmt(d)}`;
      rows.push(line);
      console.log(line);
    }
  }
  return rows;
}

const TRIGGERS = [
  'orders change_log_orders_insert',
  'orders change_log_orders_update',
  'orders change_log_orders_delete',
  'order_lines change_log_order_lines_insert',
  'order_lines change_log_order_lines_update',
  'order_lines change_log_order_lines_delete',
  'payments change_log_payments_insert',
  'payments change_log_payments_update',
  'refunds change_log_refunds_insert',
  'refunds change_log_refunds_update',
];

async function setTriggers(on: boolean) {
  for (const entry of TRIGGERS) {
    const [table, trigger] = entry.split(' ');
    await db.execute(sql.raw(`alter table ${table} ${on ? 'enable' : 'disable'} trigger ${trigger}`));
  }
}

async function placementRun(placeDb: Database, clients: number, skuIds: number[], customerId: number) {
  const latencies: number[] = [];
  let n = 0;
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const skuId = skuIds[(n = (n + 7919) % skuIds.length)];
        const t0 = performance.now();
        const result = await createOrder(placeDb, {
          customer: { id: customerId },
          shipTo: { name: '压测用户', phone: '13900002222', province: '上海市', city: '上海市', street: '测试路 1 号' },
          lines: [{ skuId, quantity: 1 }],
          actor: SYSTEM_ACTOR,
        });
        if (result.ok) latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    rate: latencies.length / ((performance.now() - start) / 1000),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
  };
}

async function benchUpkeep() {
  const [wh] = await queryRows<{ id: number }>(
    db,
    sql`insert into warehouses (code, name) values ('BENCH-' || gen_random_uuid(), 'bench') returning id`,
  );
  const [product] = await queryRows<{ id: number }>(
    db,
    sql`insert into products (name, category) values ('bench', 'bench') returning id`,
  );
  const [customer] = await queryRows<{ id: number }>(
    db,
    sql`insert into customers (name, phone) values ('压测用户', '13900002222') returning id`,
  );
  const tag = Date.now().toString(36);
  const skuRows = await queryRows<{ id: number }>(
    db,
    sql`insert into skus (product_id, code, name, price_cents, cost_cents, low_stock_threshold)
        select ${product.id}, 'BENCH-' || ${tag} || '-' || g, 'bench ' || g, 1990, 900, 0 from generate_series(1, 2000) g
        returning id`,
  );
  const skuIds = skuRows.map((r) => Number(r.id));
  await db.execute(sql`insert into stock_levels (sku_id, warehouse_id, on_hand)
    select id, ${wh.id}, 10000000 from skus where code like ${`BENCH-${tag}-%`}`);
  await db.execute(sql`insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, actor_type, document_type)
    select sku_id, warehouse_id, 'receive', on_hand, 0, on_hand, 0, 'system', 'bench' from stock_levels where warehouse_id = ${wh.id}`);
  await refreshAnalyticsRollups(db);

  console.log(`\nplacement through createOrder, ${SECONDS} s per run, triggers off/on alternating`);
  const lines: string[] = [];
  for (const clients of [1, 16]) {
    const rates = { off: [] as number[], on: [] as number[] };
    for (const on of [false, true, false, true]) {
      await setTriggers(on);
      const placing = openDatabase({ url, poolSize: 20 });
      try {
        const run = await placementRun(placing.db, clients, skuIds, Number(customer.id));
        rates[on ? 'on' : 'off'].push(run.rate);
        console.log(
          `  ${clients} clients, triggers ${on ? 'on ' : 'off'}: ${run.rate.toFixed(0)} orders/s, p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms`,
        );
      } finally {
        await placing.close();
      }
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const change = mean(rates.on) / mean(rates.off) - 1;
    const line = `${clients} clients: ${mean(rates.off).toFixed(0)} orders/s without the triggers, ${mean(rates.on).toFixed(0)} with (${(change * 100).toFixed(1)} %)`;
    lines.push(line);
  }
  await setTriggers(true);
  const [{ pending }] = await queryRows<{ pending: number }>(
    db,
    sql`select count(*)::int as pending from change_log c, change_log_cursors k
        where k.consumer = 'analytics' and (c.xid, c.id) > (k.xid, k.last_id)`,
  );
  const t0 = performance.now();
  const refreshed = await refreshAnalyticsRollups(db);
  lines.push(
    `refresh_analytics after the placements: ${pending} change rows, ${refreshed.days} days, ${refreshed.customers} customers in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  return lines;
}

try {
  console.log(`bench:analytics on ${handle.description}`);
  await prepareData();
  const reportLines = await benchReports();
  const upkeepLines = await benchUpkeep();
  console.log('\nsummary');
  for (const line of [...reportLines, ...upkeepLines]) console.log(`  ${line}`);
} finally {
  await setTriggers(true).catch(() => {});
  await handle.close();
}
