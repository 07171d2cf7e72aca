/**
 * Page benchmark: `npm run build`, then `npm run bench:pages` with DATABASE_URL pointing at a
 * PostgreSQL database holding the large data set (npm run db:generate-large, 1,000,000 orders).
 *
 * It starts the production build (`next start`), signs in through HTTP as the demo admin, and for
 * each page prints p50/p95 of the server's whole response and its size, beside the SQL that page
 * runs: the statements its data functions issue, captured once through postgres.js's debug hook
 * and replayed raw (one after another, no app code) in the same run, alternating with the page.
 * Targets: page p95 < 50 ms and <= 3x its SQL, the orders list < 100 KB for 50 rows.
 * Env: BENCH_RUNS (default 60), BENCH_WARMUP (default 5), BENCH_PORT (default 3208).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { openDatabase, queryRows, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import * as schema from '@/db/schema';
import { getDashboardSummary } from '@/domain/analytics/dashboard-summary';
import { countOpenLowStockAlerts, listLowStockAlerts } from '@/domain/inventory/list-low-stock-alerts';
import { listStock } from '@/domain/inventory/list-stock';
import { parseStockListParams } from '@/domain/inventory/stock-list-filters';
import { listWarehouses } from '@/domain/inventory/list-warehouses';
import { listActiveCarriers, listTrackingEvents } from '@/domain/logistics/list-shipments';
import { listShippingQueue } from '@/domain/logistics/list-shipping-queue';
import { getOrder } from '@/domain/orders/get-order';
import { listOrders } from '@/domain/orders/list-orders';
import { parseOrderListParams } from '@/domain/orders/order-list-filters';
import { getPaymentMethods } from '@/domain/payments/get-payment-methods';
import { listPayments, parsePaymentListParams } from '@/domain/payments/payment-list';
import { getRefundOptions } from '@/domain/payments/refunds/get-refund-options';
import { DEMO_PASSWORD, DEMO_STAFF } from '@/domain/staff/password';
import { startBuiltServer, waitForServer } from './server-process';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3208);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    'bench:pages needs DATABASE_URL=postgres://... (a PostgreSQL database with the large data set); PGlite is not benchmarked.',
  );
  process.exit(2);
}

interface Statement {
  text: string;
  params: unknown[];
}
interface Page {
  name: string;
  path: string;
  load: (db: Database) => Promise<unknown>;
}

// the statements of the data functions, captured through postgres.js's debug hook
let captured: Statement[] | null = null;
const capturing = postgres(url, {
  max: 4,
  onnotice: () => {},
  debug: (_c, text, params) => captured?.push({ text, params }),
});
const captureDb = drizzle(capturing, { schema }) as unknown as Database;
const raw = postgres(url, { max: 1, onnotice: () => {} });

async function statementsOf(page: Page): Promise<Statement[]> {
  captured = [];
  await page.load(captureDb);
  const statements = captured.filter((s) => !/^\s*(begin|commit|rollback)\b/i.test(s.text));
  captured = null;
  return statements;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Signs in like the form does (next-auth credentials): CSRF token, then the callback; returns the Cookie header. */
async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${ORIGIN}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const admin = DEMO_STAFF.find((s) => s.role === 'admin')!;
  const response = await fetch(`${ORIGIN}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: admin.email, password: DEMO_PASSWORD, callbackUrl: `${ORIGIN}/` }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes('session-token')))
    throw new Error(`sign-in failed: HTTP ${response.status}`);
  return cookie();
}

async function pages(db: Database): Promise<Page[]> {
  // real values from the data set for the searches and the order page
  const [pick] = await queryRows<{ id: number; ship_name: string; ship_phone: string; sku_code: string }>(
    db,
    sql`
    select o.id, o.ship_name, o.ship_phone, (select l.sku_code from order_lines l where l.order_id = o.id limit 1) as sku_code
    from orders o where o.status = 'shipped' and o.archived_at is null order by o.placed_at desc limit 1 offset 500`,
  );
  const [range] = await queryRows<{ to: string; from: string }>(
    db,
    sql`
    select to_char(max(placed_at), 'YYYY-MM-DD') as to, to_char(max(placed_at) - interval '30 days', 'YYYY-MM-DD') as from from orders`,
  );
  // page 20: follow the cursor 19 times, as someone paging would
  let cursor: string | null = null;
  for (let i = 0; i < 19; i += 1) {
    const page = await listOrders(db, parseOrderListParams(cursor ? { cursor } : {}).filters);
    cursor = page.nextCursor;
  }
  const orders = (path: string, name: string): Page => {
    const params = Object.fromEntries(new URL(path, ORIGIN).searchParams);
    return { name, path, load: (d) => listOrders(d, parseOrderListParams(params).filters) };
  };
  const orderId = Number(pick.id);
  return [
    {
      name: 'dashboard',
      path: '/',
      load: (d) =>
        Promise.all([
          getDashboardSummary(d),
          listLowStockAlerts(d, { view: 'open', limit: 5 }),
          countOpenLowStockAlerts(d),
        ]),
    },
    orders('/orders', 'orders: default'),
    orders(`/orders?status=awaiting_shipment&from=${range.from}&to=${range.to}`, 'orders: status + date'),
    orders(`/orders?q=${encodeURIComponent(pick.ship_name)}`, 'orders: name search'),
    orders(`/orders?q=${pick.ship_phone}`, 'orders: phone search'),
    orders(`/orders?q=${encodeURIComponent(pick.sku_code)}`, 'orders: SKU search'),
    orders(`/orders?cursor=${cursor}`, 'orders: page 20'),
    {
      name: 'order page',
      path: `/orders/${orderId}`,
      load: async (d) => {
        const detail = await getOrder(d, orderId);
        await Promise.all([
          listTrackingEvents(
            d,
            detail!.shipments.map((s) => s.id),
          ),
          getRefundOptions(d, orderId),
          getPaymentMethods(d, process.env),
        ]);
      },
    },
    { name: 'payments list', path: '/payments', load: (d) => listPayments(d, parsePaymentListParams({}).filters) },
    {
      name: 'shipping queue',
      path: '/shipping',
      load: (d) =>
        Promise.all([
          listShippingQueue(d, {}),
          listActiveCarriers(d),
          d
            .select({ id: schema.warehouses.id, name: schema.warehouses.name })
            .from(schema.warehouses)
            .orderBy(schema.warehouses.name),
        ]),
    },
    {
      name: 'inventory list',
      path: '/inventory',
      load: (d) =>
        Promise.all([listStock(d, parseStockListParams({}).filters), listWarehouses(d), countOpenLowStockAlerts(d)]),
    },
  ];
}

async function main() {
  const handle = openDatabase({ url, poolSize: 2 });
  await migrateDatabase(handle);
  const server = startBuiltServer(PORT, {
    DATABASE_URL: url!,
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-pages-secret-bench-pages-secret',
    JOBS_DISABLED: '1',
  });
  try {
    await waitForServer(ORIGIN);
    const cookie = await signIn();
    const list = await pages(handle.db);
    console.log(
      `bench:pages on ${handle.description}, ${RUNS} runs per page (after ${WARMUP} warm-up), next start on ${ORIGIN}; load average ${loadavg()[0].toFixed(1)}`,
    );
    console.log(
      `${'page'.padEnd(24)} ${'HTTP p50'.padStart(8)} ${'p95'.padStart(7)} ${'size KB'.padStart(8)}   ${'SQL p50'.padStart(7)} ${'p95'.padStart(7)} stmts   p95 page/SQL  targets`,
    );
    let missed = 0;
    for (const page of list) {
      const statements = await statementsOf(page);
      const http: number[] = [];
      const sqlTimes: number[] = [];
      let bytes = 0;
      for (let i = 0; i < WARMUP + RUNS; i += 1) {
        let t0 = performance.now();
        const response = await fetch(`${ORIGIN}${page.path}`, { headers: { cookie }, redirect: 'manual' });
        const body = await response.arrayBuffer();
        const httpMs = performance.now() - t0;
        if (response.status !== 200) throw new Error(`${page.path}: HTTP ${response.status}`);
        t0 = performance.now();
        for (const s of statements) await raw.unsafe(s.text, s.params as never[]);
        const sqlMs = performance.now() - t0;
        if (i < WARMUP) continue;
        http.push(httpMs);
        sqlTimes.push(sqlMs);
        bytes = body.byteLength;
      }
      http.sort((a, b) => a - b);
      sqlTimes.sort((a, b) => a - b);
      const [p50, p95, s50, s95] = [
        percentile(http, 50),
        percentile(http, 95),
        percentile(sqlTimes, 50),
        percentile(sqlTimes, 95),
      ];
      const ratio = p95 / s95;
      const sizeOk = (!page.path.startsWith('/orders?') && page.path !== '/orders') || bytes < 100 * 1024;
      const ok = p95 < 50 && ratio <= 3 && sizeOk;
      if (!ok) missed += 1;
      console.log(
        `${page.name.padEnd(24)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(7)} ${(bytes / 1024).toFixed(1).padStart(8)}   ` +
          `${s50.toFixed(1).padStart(7)} ${s95.toFixed(1).padStart(7)} ${String(statements.length).padStart(5)}   ${ratio.toFixed(1).padStart(11)}  ${ok ? 'met' : 'MISSED'}`,
      );
    }
    console.log(
      `${missed} page(s) missed a target (p95 < 50 ms, p95 <= 3x SQL p95, orders list < 100 KB); load average ${loadavg()[0].toFixed(1)}`,
    );
    process.exitCode = missed > 0 ? 1 : 0;
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    await Promise.all([handle.close(), capturing.end(), raw.end()]);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
