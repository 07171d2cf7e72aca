/**
 * Printing benchmark: `npm run bench:print` with DATABASE_URL=postgres://... (a scratch database:
 * the bench migrates it and adds two warehouses, 60 SKUs with bins and BENCH_ORDERS orders awaiting
 * shipment, default 500, with 1-3 lines each, through testing/factories).
 *
 * For the packing slips and the thermal labels of all those orders it times, separately, building
 * the HTML (the five queries, the grouping and React rendering: what the print page does) and
 * printing it to PDF in the shared headless Chromium (what /print/<doc>.pdf adds), and reports the
 * page count, the PDF size and peak memory of this process and of Chromium. BENCH_OUT=dir keeps the PDFs.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { createTranslator } from 'next-intl';
import { openDatabase } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { migrateDatabase } from '@/db/migrate';
import type { Sku } from '@/db/schema/catalog';
import type { Translate } from '@/components/printing/translate';
import { renderPrintDocument, type PrintDoc } from '@/app/(print)/print/_lib/print-document';
import type { LabelFormat } from '@/domain/logistics/printing/print-params';
import { closePrintBrowser, getPrintBrowser, htmlToPdf } from '@/lib/pdf/print-browser';
import { printHtml } from './print-html';
import messages from '@/messages/zh-CN/printing.json';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 500);
const OUT = process.env.BENCH_OUT;
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    'bench:print needs DATABASE_URL=postgres://... (a scratch PostgreSQL database, e.g. createdb oms_bench_print); PGlite is not benchmarked.',
  );
  process.exit(2);
}

/**
 * Memory (kB) of this process's descendants (Chromium and its renderers), from /proc: PSS, so pages
 * the processes share are counted once rather than once per process as summed RSS would.
 */
function chromiumPssKb(): number {
  const children = new Map<number, number[]>();
  const pss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      if (!/^Name:\s+(chrom|headless)/m.test(status)) continue;
      pss.set(
        Number(entry),
        Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8'))?.[1] ?? 0),
      );
    } catch {
      /* the process ended while we looked */
    }
  }
  let total = 0;
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += pss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

let chromiumPeakKb = 0;
const sampler = setInterval(() => {
  chromiumPeakKb = Math.max(chromiumPeakKb, chromiumPssKb());
}, 100);
sampler.unref();

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const handle = openDatabase({ url, poolSize: 4 });
  await migrateDatabase(handle);
  const db = handle.db;
  const f = createFactories(db, { seed: 500 });

  let t0 = performance.now();
  const warehouses = [await f.warehouse({ name: '上海青浦仓' }), await f.warehouse({ name: '广州白云仓' })];
  const skus: { sku: Sku; warehouseId: number }[] = [];
  for (let i = 0; i < 60; i++) {
    const sku = await f.sku();
    const warehouse = warehouses[i % 2];
    await f.stock({
      skuId: sku.id,
      warehouseId: warehouse.id,
      onHand: ORDERS * 10,
      location: `${'ABCD'[i % 4]}-${String((i % 15) + 1).padStart(2, '0')}-${(i % 4) + 1}`,
    });
    skus.push({ sku, warehouseId: warehouse.id });
  }
  const orderIds: number[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const lines = Array.from({ length: 1 + (i % 3) }, (_, k) => skus[(i * 7 + k * 13) % skus.length]).map(
      ({ sku, warehouseId }) => ({ skuId: sku.id, quantity: 1 + ((i + sku.id) % 3), warehouseId }),
    );
    const { order } = await f.order({
      status: 'awaiting_shipment',
      lines,
      buyerNote: i % 5 === 0 ? '请周末送货，谢谢' : null,
    });
    orderIds.push(order.id);
  }
  console.log(
    `setup: ${ORDERS} orders awaiting shipment with 1-3 lines each over 60 SKUs in 2 warehouses (${seconds(performance.now() - t0)})`,
  );

  t0 = performance.now();
  await getPrintBrowser();
  console.log(`chromium launch (once per server process): ${seconds(performance.now() - t0)}`);

  const t = createTranslator({
    locale: 'zh-CN',
    messages: { printing: messages },
    namespace: 'printing',
  }) as unknown as Translate;
  const runs: { doc: PrintDoc; format: LabelFormat; name: string }[] = [
    { doc: 'packing-slips', format: 'thermal', name: 'packing slips (A4, one per order)' },
    { doc: 'labels', format: 'thermal', name: 'labels (thermal 100x150)' },
    { doc: 'labels', format: 'a4', name: 'labels (A4, 4 per sheet)' },
  ];
  for (const run of runs) {
    const h0 = performance.now();
    const rendered = await renderPrintDocument(
      db,
      run.doc,
      { selection: { kind: 'orders', orderIds }, format: run.format, carrierCode: 'shunfeng' },
      { t, locale: 'zh-CN', now: new Date() },
    );
    if (!rendered.ok) throw new Error(rendered.message);
    const html = printHtml({ lang: 'zh-CN', title: run.name, css: rendered.data.css, body: rendered.data.body });
    const htmlMs = performance.now() - h0;
    const p0 = performance.now();
    const pdf = await htmlToPdf(html);
    const pdfMs = performance.now() - p0;
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.log(
      `${run.name}: ${ORDERS} orders -> ${pages} pages, HTML ${seconds(htmlMs)} (${(html.length / 1e6).toFixed(1)} MB), PDF ${seconds(pdfMs)} (${(pdf.length / 1e6).toFixed(1)} MB)`,
    );
    if (OUT) {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(path.join(OUT, `${rendered.data.kind}.pdf`), pdf);
    }
  }

  chromiumPeakKb = Math.max(chromiumPeakKb, chromiumPssKb());
  console.log(
    `peak RSS: node ${mb(process.resourceUsage().maxRSS)}, chromium (PSS of all its processes, sampled every 100 ms) ${mb(chromiumPeakKb)}`,
  );
  await closePrintBrowser();
  await handle.close();

  // the other half of the logistics benchmark lives with the tracking push endpoint
  const trackingBench = path.join(import.meta.dirname, 'tracking-push.ts');
  if (existsSync(trackingBench)) {
    console.log('tracking pushes: running bench/tracking-push.ts');
    const tracking = spawnSync('npx', ['tsx', trackingBench], { stdio: 'inherit', env: process.env });
    if (tracking.status !== 0) process.exitCode = tracking.status ?? 1;
  } else {
    console.log('tracking pushes: see bench/tracking-push.ts');
  }
}

main().catch(async (error) => {
  console.error(error);
  await closePrintBrowser();
  process.exit(1);
});
