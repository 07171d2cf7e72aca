/**
 * Import benchmark: `npm run bench:import` with DATABASE_URL=postgres://... (a scratch database;
 * the bench migrates it and adds one warehouse and 200 SKUs). For a generated file of BENCH_ROWS
 * rows (default 100,000; orders of 1-5 lines, ~40 % of them open so they reserve stock) in our
 * template and in Shopify's format, it times the dry run and the commit through the import's own
 * code (uploadImport -> checkImport -> commitImport) and, in the same run, the raw ceiling: the
 * same orders and lines written with multi-row INSERTs through the driver (no validation, no
 * matching, no stock). Reports rows/s, the app/raw ratio and the peak RSS of this process.
 */
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { checkImport } from '@/domain/import/check-import';
import { commitImport } from '@/domain/import/commit-import';
import { requestImportCommit } from '@/domain/import/request-import-commit';
import { uploadImport } from '@/domain/import/upload-import';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { createFactories } from '@/testing/factories/factories';
import { TEMPLATE_HEADERS } from '@/domain/import/formats/template';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    'bench:import needs DATABASE_URL=postgres://... (a scratch PostgreSQL database); PGlite is not benchmarked.',
  );
  process.exit(2);
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

interface Line {
  ref: string;
  open: boolean;
  sku: string;
  qty: number;
  price: string;
  first: boolean;
}

/** Orders of 1-5 lines until ROWS rows; every 5th order is open (reserves stock), the rest completed. */
function generate(skuCodes: string[]): Line[] {
  const lines: Line[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let order = 0; lines.length < ROWS; order++) {
    const count = Math.min(1 + (next() % 5), ROWS - lines.length);
    for (let i = 0; i < count; i++)
      lines.push({
        ref: `B${String(order).padStart(7, '0')}`,
        open: order % 5 === 0,
        sku: skuCodes[next() % skuCodes.length],
        qty: 1 + (next() % 3),
        price: `${10 + (next() % 90)}.${String(next() % 100).padStart(2, '0')}`,
        first: i === 0,
      });
  }
  return lines;
}

function templateCsv(lines: Line[], prefix: string): string {
  const rows = lines.map((l) =>
    [
      `${prefix}${l.ref}`,
      '2026-05-23 22:02',
      l.open ? '待发货' : '已完成',
      '买家',
      '13800138000',
      '收货人',
      '13800138000',
      '浙江省',
      '杭州市',
      '西湖区',
      '文三路 100 号',
      '310000',
      l.sku,
      '',
      '商品',
      String(l.qty),
      l.price,
      '8.00',
      '0',
      '',
      '',
      '',
    ].join(','),
  );
  return [TEMPLATE_HEADERS.join(','), ...rows].join('\n');
}

function shopifyCsv(lines: Line[], prefix: string): string {
  const header =
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Total,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Province,Shipping Phone';
  const rows = lines.map((l) =>
    l.first
      ? [
          `#${prefix}${l.ref}`,
          'a@x.cn',
          'paid',
          '2024-05-01 10:05:00 +0800',
          l.open ? '' : 'fulfilled',
          'CNY',
          '',
          '8.00',
          '',
          '0',
          '2024-05-01 10:00:00 +0800',
          String(l.qty),
          'Item',
          l.price,
          l.sku,
          '李雷',
          '李雷',
          '文三路100号',
          '杭州市',
          '310000',
          '浙江省',
          '13800138000',
        ].join(',')
      : [
          `#${prefix}${l.ref}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          String(l.qty),
          'Item',
          l.price,
          l.sku,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ].join(','),
  );
  return [header, ...rows].join('\n');
}

async function runApp(db: Database, file: string): Promise<{ checkMs: number; commitMs: number; created: number }> {
  const uploaded = await uploadImport(db, {
    fileName: path.basename(file),
    body: createReadStream(file),
    actor: SYSTEM_ACTOR,
  });
  if (!uploaded.ok) throw new Error(uploaded.code);
  const id = uploaded.data.batchId;
  let started = performance.now();
  if ((await checkImport(db, id)) !== 'checked') throw new Error('check failed');
  const checkMs = performance.now() - started;
  await requestImportCommit(db, { batchId: id, actor: SYSTEM_ACTOR });
  started = performance.now();
  if ((await commitImport(db, id, SYSTEM_ACTOR)) !== 'completed') throw new Error('commit failed');
  const commitMs = performance.now() - started;
  const [{ n }] = (await db.execute(
    sql`select orders_created as n from import_batches where id = ${id}`,
  )) as unknown as { n: number }[];
  return { checkMs, commitMs, created: Number(n) };
}

/** The ceiling: the same orders and lines as multi-row INSERTs of 1,000 rows, nothing else. */
async function runRaw(db: Database, lines: Line[], prefix: string): Promise<number> {
  const started = performance.now();
  const byRef = new Map<string, Line[]>();
  for (const l of lines) byRef.set(l.ref, [...(byRef.get(l.ref) ?? []), l]);
  const orders = [...byRef];
  for (let at = 0; at < orders.length; at += 1000) {
    const group = orders.slice(at, at + 1000);
    await db.transaction(async (tx) => {
      const values = sql.join(
        group.map(
          ([ref, ls], i) =>
            sql`(${`RAW${prefix}${at + i}`}, 'api', ${`${prefix}${ref}`}, ${ls[0].open ? 'awaiting_shipment' : 'completed'}::order_status, 1000, 1000, 1, '收货人', '13800138000', '浙江省', '杭州市', '文三路', now())`,
        ),
        sql`, `,
      );
      const inserted = (await tx.execute(
        sql`insert into orders (number, source, external_ref, status, subtotal_cents, total_cents, item_count, ship_name, ship_phone, ship_province, ship_city, ship_street, placed_at) values ${values} returning id`,
      )) as unknown as { id: number }[];
      const lineValues = sql.join(
        group.flatMap(([, ls], i) => ls.map((l) => sql`(${inserted[i].id}, ${l.sku}, '商品', 1000, ${l.qty}, 1000)`)),
        sql`, `,
      );
      await tx.execute(
        sql`insert into order_lines (order_id, sku_code, name, unit_price_cents, quantity, line_total_cents) values ${lineValues}`,
      );
    });
  }
  return performance.now() - started;
}

async function main() {
  const handle = openDatabase({ url: url!, poolSize: 4 });
  await migrateDatabase(handle);
  const db = handle.db;
  const f = createFactories(db, { seed: 99 });
  const warehouse = await f.warehouse();
  const skuCodes: string[] = [];
  for (let i = 0; i < 200; i++) {
    const sku = await f.sku({ code: `BENCH-${Date.now().toString(36)}-${i}` });
    await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 1_000_000 });
    skuCodes.push(sku.code);
  }
  const lines = generate(skuCodes);
  const orders = new Set(lines.map((l) => l.ref)).size;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  console.log(
    `bench:import — ${ROWS.toLocaleString()} rows, ${orders.toLocaleString()} orders (1-5 lines, 20 % open), PostgreSQL`,
  );
  for (const [format, write] of [
    ['template', templateCsv],
    ['shopify', shopifyCsv],
  ] as const) {
    const prefix = `${format[0].toUpperCase()}${Date.now().toString(36)}`;
    const file = path.join(dir, `${format}.csv`);
    writeFileSync(file, write(lines, prefix));
    const app = await runApp(db, file);
    const rawMs = await runRaw(db, lines, `R${prefix}`);
    const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString();
    console.log(
      `${format.padEnd(9)} dry run ${(app.checkMs / 1000).toFixed(1)} s (${rate(app.checkMs)} rows/s) · commit ${(app.commitMs / 1000).toFixed(1)} s (${rate(app.commitMs)} rows/s, ${app.created.toLocaleString()} orders) · raw INSERT ${(rawMs / 1000).toFixed(1)} s (${rate(rawMs)} rows/s) · commit/raw ${((rawMs / app.commitMs) * 100).toFixed(0)} %`,
    );
  }
  clearInterval(sampler);
  console.log(`peak RSS of this process: ${Math.round(peakRss / 1024 / 1024)} MB`);
  await handle.close();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
