/**
 * Order placement benchmark: `npm run bench:place-order` with DATABASE_URL=postgres://... (a
 * scratch database: the bench migrates it and adds a warehouse, 10,000 SKUs and a hot SKU).
 *
 * For 1, 16 and 64 concurrent clients it places orders through createOrder (the function the
 * form and the API call) for (a) orders spread over 10,000 SKUs and (b) every order on one hot SKU.
 * Beside each it replays the statements createOrder issues through postgres.js without the app
 * code ("raw"): concurrent placements grouped the same way (place-orders-together.ts), each group
 * one transaction of the read statement and the write statement (prepared, as createOrder's are),
 * the COMMIT applying the reservations. For the hot SKU it also prints the raw replay with one
 * order per transaction (what the store would do without grouping) and the single-row ceiling:
 * BEGIN; conditional UPDATE of the one stock row; COMMIT. After every run it checks for oversell
 * (reserved > on hand, reserved != units ordered) and the ledger invariant.
 * Env: BENCH_SECONDS per run (default 5), BENCH_CLIENTS (default 1,16,64).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, queryRows } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { checkStockLedger } from '@/testing/fixtures/stock-ledger';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { createOrder } from '@/domain/orders/create-order';
import { readFactsStatement, writeOrdersStatement } from '@/domain/orders/place-orders';
import { groupConcurrentCalls, placementGroups } from '@/domain/orders/place-orders-together';
import { fillPlaceholders } from 'drizzle-orm';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,16,64').split(',').map(Number);
const SKU_COUNT = 10_000;
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    'bench:place-order needs DATABASE_URL=postgres://... (a scratch PostgreSQL database); PGlite is not benchmarked.',
  );
  process.exit(2);
}

// setup and checks; each timed run opens its own pool of 64 and closes it, so app and raw never
// hold 128 connections at once (max_connections is often 100)
const handle = openDatabase({ url, poolSize: 4 });
const db = handle.db;
let raw = postgres(url, { max: 4, onnotice: () => {} });
let appDb = db;
const shipTo = { name: '压测用户', phone: '13900002222', province: '上海市', city: '上海市', street: '测试路 1 号' };

interface Run {
  label: string;
  ops: number;
  seconds: number;
  p50: number;
  p95: number;
  failures: number;
}

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
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        if (await op(c)) latencies.push(performance.now() - t0);
        else failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN;
  return { label, ops: latencies.length, seconds, p50: pct(0.5), p95: pct(0.95), failures };
}

async function setup() {
  await migrateDatabase(handle);
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
    sql`
    insert into skus (product_id, code, name, price_cents, cost_cents, low_stock_threshold)
    select ${product.id}, 'BENCH-' || ${tag} || '-' || g, 'bench ' || g, 1990, 900, 0 from generate_series(1, ${SKU_COUNT + 1}) g
    returning id`,
  );
  const ids = skuRows.map((r) => Number(r.id));
  await db.execute(sql`insert into stock_levels (sku_id, warehouse_id, on_hand)
    select unnest(${sql.raw(`array[${ids.join(',')}]::bigint[]`)}), ${wh.id}, 10000000`);
  await db.execute(sql`insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, actor_type, document_type)
    select sku_id, warehouse_id, 'receive', on_hand, 0, on_hand, 0, 'system', 'bench' from stock_levels where warehouse_id = ${wh.id}`);
  return {
    warehouseId: Number(wh.id),
    customerId: Number(customer.id),
    spread: ids.slice(0, SKU_COUNT),
    hot: ids[SKU_COUNT],
  };
}

const P = { prepare: true } as const;
const readQuery = readFactsStatement.text(db);
const writeQuery = writeOrdersStatement.text(db);
let skuById = new Map<number, { code: string; name: string }>();

/** The write statement's values for single-line orders of one unit, as placeOrders builds them. */
function writeValues(skuIds: readonly number[], customerId: number, warehouseId: number): Record<string, unknown[]> {
  const v: Record<string, unknown[]> = {};
  const push = (values: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(values)) (v[key] ??= []).push(value);
  };
  skuIds.forEach((skuId, ord) => {
    const sku = skuById.get(skuId)!;
    push({
      ord,
      source: 'manual',
      externalRef: null,
      status: 'pending_payment',
      cod: 'false',
      currency: 'CNY',
      subtotal: 1990,
      discount: 0,
      shipping: 0,
      tax: 0,
      total: 1990,
      itemCount: 1,
      customerId,
      shipName: shipTo.name,
      shipPhone: shipTo.phone,
      shipProvince: shipTo.province,
      shipCity: shipTo.city,
      shipDistrict: null,
      shipStreet: shipTo.street,
      shipPostalCode: null,
      buyerNote: null,
      eventKind: 'created',
      actorType: 'system',
      actorId: null,
      actorName: 'system',
      details: JSON.stringify({ source: 'manual', totalCents: 1990, itemCount: 1 }),
      lOrd: ord,
      lSku: skuId,
      lCode: sku.code,
      lName: sku.name,
      lVariant: null,
      lPrice: 1990,
      lCost: 900,
      lQuantity: 1,
      lTotal: 1990,
      lWarehouse: warehouseId,
      rOrd: ord,
      rSku: skuId,
      rWarehouse: warehouseId,
      rQuantity: 1,
    });
  });
  return v;
}

/**
 * The statements createOrder issues for a group of single-line orders, without the app code:
 * BEGIN; the read (SKUs, stock, customers, references); the write (orders, timeline rows, lines,
 * reservation ledger rows); COMMIT, where the trigger applies the reservations.
 */
async function rawPlaceGroup(skuIds: readonly number[], customerId: number, warehouseId: number): Promise<boolean[]> {
  await raw.begin(async (tx) => {
    await tx.unsafe(
      readQuery.sql,
      fillPlaceholders(readQuery.params, {
        skuIds: [...new Set(skuIds)],
        customerIds: [customerId],
        refSources: [],
        refs: [],
      }) as never[],
      P,
    );
    await tx.unsafe(
      writeQuery.sql,
      fillPlaceholders(writeQuery.params, writeValues(skuIds, customerId, warehouseId)) as never[],
      P,
    );
  });
  return skuIds.map(() => true);
}

async function oversellCheck(hot: number): Promise<string> {
  const [bad] = await queryRows<{ over: number; mismatch: number }>(
    db,
    sql`
    select (select count(*) from stock_levels where reserved > on_hand or reserved < 0)::int as over,
      (select count(*) from stock_levels s where s.reserved <> coalesce((select sum(l.quantity) from order_lines l join orders o on o.id = l.order_id
         where l.sku_id = s.sku_id and l.warehouse_id = s.warehouse_id and o.status = 'pending_payment'), 0)
         and s.sku_id = ${hot})::int as mismatch`,
  );
  const ledger = await checkStockLedger(db);
  return `oversold rows ${bad.over}, hot SKU reserved != ordered ${bad.mismatch}, ledger mismatches ${ledger.length}`;
}

const fmt = (r: Run) =>
  `${r.label.padEnd(34)} ${(r.ops / r.seconds).toFixed(0).padStart(7)} orders/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms${r.failures ? `  failed ${r.failures}` : ''}`;

async function main() {
  const { customerId, spread, hot, warehouseId } = await setup();
  skuById = new Map(
    (
      await queryRows<{ id: number; code: string; name: string }>(
        db,
        sql`select id, code, name from skus where code like 'BENCH-%'`,
      )
    ).map((r) => [Number(r.id), r]),
  );
  const rawGrouped = groupConcurrentCalls<number, boolean>((skuIds) => rawPlaceGroup(skuIds, customerId, warehouseId));
  const rawOrder = (skuId: number) => rawGrouped(skuId);
  const rawAlone = async (skuId: number) => (await rawPlaceGroup([skuId], customerId, warehouseId))[0];
  const groupSize = () => {
    const size = placementGroups.orders / Math.max(1, placementGroups.groups);
    placementGroups.groups = 0;
    placementGroups.orders = 0;
    return size.toFixed(1);
  };
  console.log(`bench:place-order on ${handle.description}, ${SECONDS}s per run, ${SKU_COUNT} SKUs + 1 hot SKU`);
  const appOrder = async (skuId: number) =>
    (
      await createOrder(appDb, {
        customer: { id: customerId },
        shipTo,
        lines: [{ skuId, quantity: 1 }],
        actor: SYSTEM_ACTOR,
      })
    ).ok;
  let n = 0;
  const pick = () => spread[(n = (n + 7919) % SKU_COUNT)];
  const summary: string[] = [];
  const spreadRate = new Map<number, number>();
  const hotRate = new Map<number, number>();
  let bestSingleRow = 0;
  for (const clients of CLIENTS) {
    groupSize();
    const app = await timed(`(a) spread  app  ${clients} clients`, clients, () => appOrder(pick()));
    const appGroup = groupSize();
    const rawRun = await timed(`(a) spread  raw  ${clients} clients`, clients, () => rawOrder(pick()));
    console.log(`${fmt(app)}  orders/group ${appGroup}`);
    console.log(`${fmt(rawRun)}  orders/group ${groupSize()}`);
    spreadRate.set(clients, app.ops / app.seconds);
    summary.push(
      `(a) ${clients} clients: app/raw = ${((app.ops / app.seconds / (rawRun.ops / rawRun.seconds)) * 100).toFixed(0)}%`,
    );
  }
  for (const clients of CLIENTS) {
    groupSize();
    const app = await timed(`(b) hot SKU app  ${clients} clients`, clients, () => appOrder(hot));
    const appGroup = groupSize();
    const rawRun = await timed(`(b) hot SKU raw  ${clients} clients`, clients, () => rawOrder(hot));
    const rawGroup = groupSize();
    const alone = await timed(`(b) hot SKU raw, 1 order per tx ${clients}`, clients, () => rawAlone(hot));
    const row = await timed(`(b) hot row BEGIN/UPDATE/COMMIT ${clients}`, clients, async () => {
      await raw.begin(
        (tx) =>
          tx`update stock_levels set reserved = reserved + 0, updated_at = now() where sku_id = ${hot} and warehouse_id = ${warehouseId} and on_hand - reserved >= 1`,
      );
      return true;
    });
    console.log(`${fmt(app)}  orders/group ${appGroup}`);
    console.log(`${fmt(rawRun)}  orders/group ${rawGroup}`);
    console.log(fmt(alone));
    console.log(fmt(row));
    hotRate.set(clients, app.ops / app.seconds);
    bestSingleRow = Math.max(bestSingleRow, row.ops / row.seconds);
    summary.push(
      `(b) ${clients} clients: app/raw = ${((app.ops / app.seconds / (rawRun.ops / rawRun.seconds)) * 100).toFixed(0)}%, app/single-row = ${((app.ops / app.seconds / (row.ops / row.seconds)) * 100).toFixed(0)}%` +
        `, hot/spread app = ${((app.ops / app.seconds / spreadRate.get(clients)!) * 100).toFixed(0)}% (what the hot row costs)`,
    );
  }
  summary.push(
    `(b) best app rate ${Math.max(...hotRate.values()).toFixed(0)} orders/s vs best single-row rate at any client count ${bestSingleRow.toFixed(0)}/s: ` +
      `${((Math.max(...hotRate.values()) / bestSingleRow) * 100).toFixed(0)}%`,
  );
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
