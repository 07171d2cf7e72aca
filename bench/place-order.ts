/**
 * Order placement benchmark: `npm run bench:place-order` with DATABASE_URL=postgres://... (a
 * scratch database: the bench migrates it and adds a warehouse, 10,000 SKUs and a hot SKU).
 *
 * For 1, 16 and 64 concurrent clients it places orders through createOrder (the function the
 * form and the API call) for (a) orders spread over 10,000 SKUs and (b) every order on one hot SKU,
 * then replays the same statements createOrder issues (one transaction: SKU/stock/customer read,
 * order insert taking its number, lines insert with the timeline row and the reservation ledger
 * row; the COMMIT applies the reservation; all prepared, as createOrder's are) through postgres.js without the app
 * code, and prints orders/s, p50/p95 and the ratio. For the hot SKU it also prints the raw single-row ceiling: BEGIN; conditional UPDATE of
 * the one stock row; COMMIT. After every run it checks for oversell (reserved > on hand, reserved
 * != units ordered) and the ledger invariant. Env: BENCH_SECONDS per run (default 5).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, queryRows } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { checkStockLedger } from '@/db/stock-ledger';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { createOrder } from '@/domain/orders/create-order';
import { nextOrderNumberSql } from '@/domain/orders/order-number';
import { commitTimeShortage } from '@/domain/inventory/reserve-at-commit';
import { PgDialect } from 'drizzle-orm/pg-core';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = [1, 16, 64];
const SKU_COUNT = 10_000;
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error('bench:place-order needs DATABASE_URL=postgres://... (a scratch PostgreSQL database); PGlite is not benchmarked.');
  process.exit(2);
}

// setup and checks; each timed run opens its own pool of 64 and closes it, so app and raw never
// hold 128 connections at once (max_connections is often 100)
const handle = openDatabase({ url, poolSize: 4 });
const db = handle.db;
let raw = postgres(url, { max: 4, onnotice: () => {} });
let appDb = db;
const shipTo = { name: '压测用户', phone: '13900002222', province: '上海市', city: '上海市', street: '测试路 1 号' };

interface Run { label: string; ops: number; seconds: number; p50: number; p95: number; failures: number }

async function timed(label: string, clients: number, op: (client: number) => Promise<boolean>): Promise<Run> {
  const app = openDatabase({ url, poolSize: 64 });
  const setupRaw = raw;
  raw = postgres(url!, { max: 64, onnotice: () => {} });
  appDb = app.db;
  try {
    return await measure(label, clients, op);
  } finally {
    await app.close();
    await raw.end();
    raw = setupRaw;
    appDb = db;
  }
}

async function measure(label: string, clients: number, op: (client: number) => Promise<boolean>): Promise<Run> {
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    while (performance.now() < end) {
      const t0 = performance.now();
      if (await op(c)) latencies.push(performance.now() - t0);
      else failures += 1;
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN;
  return { label, ops: latencies.length, seconds, p50: pct(0.5), p95: pct(0.95), failures };
}

async function setup() {
  await migrateDatabase(handle);
  const [wh] = await queryRows<{ id: number }>(db, sql`insert into warehouses (code, name) values ('BENCH-' || gen_random_uuid(), 'bench') returning id`);
  const [product] = await queryRows<{ id: number }>(db, sql`insert into products (name, category) values ('bench', 'bench') returning id`);
  const [customer] = await queryRows<{ id: number }>(db, sql`insert into customers (name, phone) values ('压测用户', '13900002222') returning id`);
  const tag = Date.now().toString(36);
  const skuRows = await queryRows<{ id: number }>(db, sql`
    insert into skus (product_id, code, name, price_cents, cost_cents, low_stock_threshold)
    select ${product.id}, 'BENCH-' || ${tag} || '-' || g, 'bench ' || g, 1990, 900, 0 from generate_series(1, ${SKU_COUNT + 1}) g
    returning id`);
  const ids = skuRows.map((r) => Number(r.id));
  await db.execute(sql`insert into stock_levels (sku_id, warehouse_id, on_hand)
    select unnest(${sql.raw(`array[${ids.join(',')}]::bigint[]`)}), ${wh.id}, 10000000`);
  await db.execute(sql`insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, actor_type, document_type)
    select sku_id, warehouse_id, 'receive', on_hand, 0, on_hand, 0, 'system', 'bench' from stock_levels where warehouse_id = ${wh.id}`);
  return { warehouseId: Number(wh.id), customerId: Number(customer.id), spread: ids.slice(0, SKU_COUNT), hot: ids[SKU_COUNT] };
}

const dialect = new PgDialect();

const P = { prepare: true } as const;
const readSql = `select c.customer_found, s.*
  from (select exists (select 1 from customers where id = $1::bigint) as customer_found) c
  left join lateral (
    select s.id, s.code, s.name, s.variant, s.price_cents, s.cost_cents, s.currency, s.is_active,
      coalesce(json_agg(json_build_object('w', l.warehouse_id, 'a', l.on_hand - l.reserved) order by l.warehouse_id)
        filter (where l.warehouse_id is not null), '[]') as stock
    from skus s
    left join stock_levels l on l.sku_id = s.id and l.warehouse_id in (select id from warehouses where is_active)
    where s.id in ($2)
    group by s.id
  ) s on true`;
const orderNumberText = dialect.sqlToQuery(nextOrderNumberSql()).sql;
const orderSql = `insert into orders (number, source, status, is_cash_on_delivery, currency, subtotal_cents, discount_cents,
  shipping_cents, tax_cents, total_cents, item_count, customer_id, ship_name, ship_phone, ship_province, ship_city, ship_street,
  placed_at, created_at, updated_at) values (${orderNumberText}, 'manual', 'pending_payment', false, 'CNY', 1990, 0, 0, 0, 1990, 1, $1, $2, $3, $4, $5, $6, now(), now(), now())
  returning *`;
const linesSql = `with created_event as (insert into order_events (order_id, kind, to_status, actor_type, actor_name, details)
    values ($1, 'created', 'pending_payment', 'system', 'system', $6) returning id),
  reserved_stock as (insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, document_type,
    document_id, actor_type, actor_id) values ($2, $5, 'reserve', 0, 1, $1, 'order', $7, 'system', null) returning id)
  insert into order_lines (order_id, sku_id, sku_code, name, unit_price_cents, unit_cost_cents, quantity, line_total_cents, warehouse_id)
  values ($1, $2, $3, $4, 1990, 900, 1, 1990, $5) returning *`;

/**
 * The statements createOrder issues for one single-line order, without the app code: BEGIN; SKU,
 * stock and customer read; order INSERT (taking its number); lines INSERT with the timeline row
 * and the reservation ledger row; COMMIT (where the trigger applies the reservation: see
 * domain/inventory/reserve-at-commit.ts). Prepared, as createOrder's are.
 */
async function rawPlaceOrder(skuId: number, customerId: number): Promise<boolean> {
  try {
    await raw.begin(async (tx) => {
      const [sku] = await tx.unsafe(readSql, [customerId, skuId], P);
      const warehouseId = sku.stock[0].w as number;
      const [order] = await tx.unsafe(orderSql, [customerId, shipTo.name, shipTo.phone, shipTo.province, shipTo.city, shipTo.street], P);
      await tx.unsafe(linesSql, [order.id, skuId, sku.code, sku.name, warehouseId, JSON.stringify({ source: 'manual', totalCents: 1990 }), order.number], P);
    });
    return true;
  } catch (error) {
    if (commitTimeShortage(error)) return false;
    throw error;
  }
}

async function oversellCheck(hot: number): Promise<string> {
  const [bad] = await queryRows<{ over: number; mismatch: number }>(db, sql`
    select (select count(*) from stock_levels where reserved > on_hand or reserved < 0)::int as over,
      (select count(*) from stock_levels s where s.reserved <> coalesce((select sum(l.quantity) from order_lines l join orders o on o.id = l.order_id
         where l.sku_id = s.sku_id and l.warehouse_id = s.warehouse_id and o.status = 'pending_payment'), 0)
         and s.sku_id = ${hot})::int as mismatch`);
  const ledger = await checkStockLedger(db);
  return `oversold rows ${bad.over}, hot SKU reserved != ordered ${bad.mismatch}, ledger mismatches ${ledger.length}`;
}

const fmt = (r: Run) => `${r.label.padEnd(34)} ${(r.ops / r.seconds).toFixed(0).padStart(7)} orders/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms${r.failures ? `  failed ${r.failures}` : ''}`;

async function main() {
  const { customerId, spread, hot, warehouseId } = await setup();
  console.log(`bench:place-order on ${handle.description}, ${SECONDS}s per run, ${SKU_COUNT} SKUs + 1 hot SKU`);
  const appOrder = async (skuId: number) => (await createOrder(appDb, { customer: { id: customerId }, shipTo, lines: [{ skuId, quantity: 1 }], actor: SYSTEM_ACTOR })).ok;
  let n = 0;
  const pick = () => spread[(n = (n + 7919) % SKU_COUNT)];
  const summary: string[] = [];
  const spreadRate = new Map<number, number>();
  for (const clients of CLIENTS) {
    const app = await timed(`(a) spread  app  ${clients} clients`, clients, () => appOrder(pick()));
    const rawRun = await timed(`(a) spread  raw  ${clients} clients`, clients, () => rawPlaceOrder(pick(), customerId));
    console.log(fmt(app)); console.log(fmt(rawRun));
    spreadRate.set(clients, app.ops / app.seconds);
    summary.push(`(a) ${clients} clients: app/raw = ${((app.ops / app.seconds) / (rawRun.ops / rawRun.seconds) * 100).toFixed(0)}%`);
  }
  for (const clients of CLIENTS) {
    const app = await timed(`(b) hot SKU app  ${clients} clients`, clients, () => appOrder(hot));
    const rawRun = await timed(`(b) hot SKU raw  ${clients} clients`, clients, () => rawPlaceOrder(hot, customerId));
    const row = await timed(`(b) hot row BEGIN/UPDATE/COMMIT ${clients}`, clients, async () => {
      await raw.begin((tx) => tx`update stock_levels set reserved = reserved + 0, updated_at = now() where sku_id = ${hot} and warehouse_id = ${warehouseId} and on_hand - reserved >= 1`);
      return true;
    });
    console.log(fmt(app)); console.log(fmt(rawRun)); console.log(fmt(row));
    summary.push(`(b) ${clients} clients: app/raw = ${((app.ops / app.seconds) / (rawRun.ops / rawRun.seconds) * 100).toFixed(0)}%, app/single-row = ${((app.ops / app.seconds) / (row.ops / row.seconds) * 100).toFixed(0)}%`
      + `, hot/spread app = ${((app.ops / app.seconds) / spreadRate.get(clients)! * 100).toFixed(0)}% (what the hot row costs)`);
  }
  console.log(summary.join('\n'));
  console.log(`oversell check: ${await oversellCheck(hot)}`);
  await raw.end();
  await handle.close();
}

main().catch(async (error) => {
  console.error(error);
  await raw.end();
  await handle.close();
  process.exit(1);
});
