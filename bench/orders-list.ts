/**
 * Orders list benchmark: `npm run bench:orders-list` with DATABASE_URL pointing at a PostgreSQL
 * database holding the large data set (npm run db:generate-large, 1,000,000 orders).
 *
 * For each scenario it times `listOrders` (the app function: probe, list statement, row mapping,
 * summary-state statement) and the very same SQL statements replayed raw through postgres.js,
 * alternating the two, and prints p50/p95 and the app/raw ratio. Targets: app p95 < 50 ms, and
 * app within 1.5x of raw, judged on the medians (on a shared 2-core machine the p95 of a 3 ms
 * statement is mostly scheduler noise; both ratios are printed). Exits 1 when a target is missed.
 * Env: BENCH_RUNS (default 200), BENCH_WARMUP (default 20).
 */
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { openDatabase, queryRows } from '@/db/client';
import { buildOrderListQuery, listOrders, type OrderListQueryHints } from '@/domain/orders/list-orders';
import { buildSearchProbe, chooseSearchStrategy } from '@/domain/orders/order-search';
import { decodeCursor, parseOrderListParams, type TOrderListFilters } from '@/domain/orders/order-list-filters';
import { buildSummaryFactsQuery } from '@/domain/orders/summary-states';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const P95_TARGET_MS = 50;
const RATIO_TARGET = 1.5;

const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    'bench:orders-list needs DATABASE_URL=postgres://... (a PostgreSQL database with the large data set); PGlite is not benchmarked.',
  );
  process.exit(2);
}

const handle = openDatabase({ url, poolSize: 1 });
const db = handle.db;
const raw = postgres(url, { max: 1, onnotice: () => {} });
const dialect = new PgDialect();

interface Statement {
  sql: string;
  params: unknown[];
}
interface Scenario {
  name: string;
  filters: TOrderListFilters;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function filtersFrom(params: Record<string, string>): TOrderListFilters {
  const { filters, rejected } = parseOrderListParams(params);
  if (rejected.length > 0) throw new Error(`bench scenario has rejected params: ${JSON.stringify(rejected)}`);
  return filters;
}

/** The statements listOrders runs for these filters, captured once so the raw side replays them verbatim. */
async function statementsOf(
  filters: TOrderListFilters,
): Promise<{ statements: Statement[]; rows: number; strategy: string }> {
  const statements: Statement[] = [];
  const hints: OrderListQueryHints = {};
  if (filters.q) {
    statements.push(dialect.sqlToQuery(buildSearchProbe(filters.q)));
    hints.search = await chooseSearchStrategy(db, filters.q);
  }
  const list = buildOrderListQuery(db, filters, hints);
  statements.push(list.toSQL());
  const rows = await list;
  const ids = rows.slice(0, filters.pageSize).map((r) => r.id);
  if (ids.length > 0) statements.push(dialect.sqlToQuery(buildSummaryFactsQuery(ids)));
  return { statements, rows: Math.min(rows.length, filters.pageSize), strategy: hints.search ?? '' };
}

async function runRaw(statements: Statement[]): Promise<void> {
  // the same call drizzle's postgres-js driver makes: unnamed statements, so plans see the values
  for (const s of statements) await raw.unsafe(s.sql, s.params as never[], { prepare: false });
}

async function pick<T extends Record<string, unknown>>(query: SQL): Promise<T> {
  const [row] = await queryRows<T>(db, query);
  if (!row) throw new Error('the database has no orders to benchmark; run npm run db:generate-large first');
  return row;
}

async function main() {
  const [{ count }] = await queryRows<{ count: string }>(db, sql`select count(*)::text as count from orders`);
  console.log(`orders in ${handle.description}: ${Number(count).toLocaleString('en')}`);
  if (Number(count) < 1_000_000)
    console.log('note: fewer than 1,000,000 orders; the targets are meant for the large data set');

  // search terms taken from the data: a recent order's customer, a recipient phone, a SKU, a day of order numbers
  const recent = await pick<{ number: string; customer_name: string; ship_phone: string; sku_code: string }>(sql`
    select o.number, c.name as customer_name, o.ship_phone,
      (select l.sku_code from order_lines l where l.order_id = o.id order by l.id limit 1) as sku_code
    from orders o join customers c on c.id = o.customer_id
    where o.archived_at is null order by o.placed_at desc nulls last, o.id desc nulls last offset 1000 limit 1`);
  const span = await pick<{ from: string; to: string }>(sql`
    select to_char((max(placed_at) - interval '60 days') at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "from",
           to_char((max(placed_at) - interval '30 days') at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "to"
    from orders where archived_at is null`);

  // the least sold SKU exercises the other search strategy (fetch the few matches by index)
  const rare = await pick<{ sku_code: string }>(sql`
    select sku_code from order_lines group by sku_code order by count(*), sku_code limit 1`);

  const deepStart = filtersFrom({});
  let deep = deepStart;
  for (let page = 0; page < 20; page++) {
    const result = await listOrders(db, deep);
    if (!result.nextCursor) break;
    deep = { ...deep, cursor: decodeCursor(result.nextCursor)! };
  }

  const scenarios: Scenario[] = [
    { name: 'default view (newest 50)', filters: filtersFrom({}) },
    {
      name: `status=completed + ${span.from}..${span.to}`,
      filters: filtersFrom({ status: 'completed', from: span.from, to: span.to }),
    },
    { name: 'status=awaiting_shipment (the work queue)', filters: filtersFrom({ status: 'awaiting_shipment' }) },
    { name: 'search customer name', filters: filtersFrom({ q: recent.customer_name }) },
    { name: 'search phone', filters: filtersFrom({ q: recent.ship_phone }) },
    { name: 'search SKU code', filters: filtersFrom({ q: recent.sku_code }) },
    { name: 'search least-sold SKU code', filters: filtersFrom({ q: rare.sku_code }) },
    {
      name: `search number prefix ${recent.number.slice(0, 8)}`,
      filters: filtersFrom({ q: recent.number.slice(0, 8) }),
    },
    {
      name: `search number prefix ${recent.number.slice(0, -2)}`,
      filters: filtersFrom({ q: recent.number.slice(0, -2) }),
    },
    { name: 'deep page (cursor, page 21)', filters: deep },
    { name: 'sort total_desc', filters: filtersFrom({ sort: 'total_desc' }) },
  ];

  console.log(`runs: ${RUNS} after ${WARMUP} warm-up, alternating app and raw\n`);
  const header = [
    'scenario',
    'rows',
    'app p50',
    'app p95',
    'raw p50',
    'raw p95',
    'app/raw p50',
    'app/raw p95',
    'verdict',
  ];
  const lines: string[][] = [];
  let failed = false;
  for (const scenario of scenarios) {
    const { statements, rows, strategy } = await statementsOf(scenario.filters);
    for (let i = 0; i < WARMUP; i++) {
      await listOrders(db, scenario.filters);
      await runRaw(statements);
    }
    const app: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let start = performance.now();
      await listOrders(db, scenario.filters);
      app.push(performance.now() - start);
      start = performance.now();
      await runRaw(statements);
      rawTimes.push(performance.now() - start);
    }
    app.sort((a, b) => a - b);
    rawTimes.sort((a, b) => a - b);
    const [a50, a95, r50, r95] = [
      percentile(app, 50),
      percentile(app, 95),
      percentile(rawTimes, 50),
      percentile(rawTimes, 95),
    ];
    const ok = a95 < P95_TARGET_MS && a50 <= r50 * RATIO_TARGET;
    failed ||= !ok;
    lines.push([
      strategy ? `${scenario.name} (${strategy})` : scenario.name,
      String(rows),
      ms(a50),
      ms(a95),
      ms(r50),
      ms(r95),
      (a50 / r50).toFixed(2),
      (a95 / r95).toFixed(2),
      ok ? 'ok' : 'MISSED',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
  console.log(`\ntargets: app p95 < ${P95_TARGET_MS} ms and app p50 <= ${RATIO_TARGET}x raw p50`);
  return failed;
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

main()
  .then(async (failed) => {
    await raw.end();
    await handle.close();
    process.exit(failed ? 1 : 0);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await raw.end();
    await handle.close();
    process.exit(2);
  });
