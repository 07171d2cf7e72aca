import { and, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '@/db/client';
import { customers } from '@/db/schema/customers';
import { stockLevels } from '@/db/schema/inventory';
import { orderLines, orders } from '@/db/schema/orders';
import { importBatches, importRowErrors } from '@/db/schema/system';
import { openTestDatabase } from '@/db/testing';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { checkImport } from './check-import';
import { commitImport } from './commit-import';
import { requestImportCommit } from './request-import-commit';
import { runPendingImports } from './run-pending-imports';
import { importErrorsCsv } from './import-errors-csv';
import { uploadImport } from './upload-import';

let handle: DatabaseHandle;
let f: Factories;
let warehouseId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 180 });
  warehouseId = (await f.warehouse()).id;
  for (const code of ['IMP-TEE', 'IMP-CAP']) {
    const sku = await f.sku({ code, priceCents: 9900, costCents: 4000 });
    await f.stock({ skuId: sku.id, warehouseId, onHand: code === 'IMP-CAP' ? 3 : 100 });
  }
});
afterEach(async () => {
  expect(await checkStockLedger(handle.db)).toEqual([]);
});
afterAll(async () => handle?.close());

const HEADER =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Total,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Province,Shipping Phone,Phone,Cancelled at';
const row = (name: string, status: string, fulfilment: string, qty: number, sku: string, phone = '13800138000') =>
  `${name},a@x.cn,${status},2024-05-01 10:05:00 +0800,${fulfilment},CNY,,10.00,,0,2024-05-01 10:00:00 +0800,${qty},Item,99.00,${sku},李雷,李雷,文三路100号,杭州市,310000,浙江省,${phone},${phone},`;

async function* bytesOf(text: string) {
  yield new TextEncoder().encode(text);
}

async function upload(text: string, fileName = 'orders_export.csv') {
  const result = await uploadImport(handle.db, { fileName, body: bytesOf(text), actor: SYSTEM_ACTOR });
  if (!result.ok) throw new Error(result.code);
  return result.data.batchId;
}
async function commit(batchId: number) {
  expect(await requestImportCommit(handle.db, { batchId, actor: SYSTEM_ACTOR })).toMatchObject({ ok: true });
  return runPendingImports(handle.db);
}
const batchOf = async (id: number) => (await handle.db.select().from(importBatches).where(eq(importBatches.id, id)))[0];
const importedCount = async () =>
  (await handle.db.select({ n: count() }).from(orders).where(eq(orders.source, 'import')))[0].n;
const capReserved = async () =>
  (
    await handle.db
      .select({ reserved: stockLevels.reserved })
      .from(stockLevels)
      .innerJoin(orderLines, eq(orderLines.skuId, stockLevels.skuId))
      .where(and(eq(orderLines.skuCode, 'IMP-CAP'), eq(stockLevels.warehouseId, warehouseId)))
      .limit(1)
  )[0]?.reserved;

describe('import: dry run, commit, re-import', () => {
  const file = [
    HEADER,
    row('#A1', 'paid', 'fulfilled', 2, 'IMP-TEE'), // historical: no stock
    row('#A1', '', '', 1, 'IMP-CAP').replace(/^#A1,a@x.cn,,[^,]*,/, '#A1,,,,'),
    row('#A2', 'paid', '', 2, 'IMP-CAP'), // open: reserves 2 of 3
    row('#A3', 'paid', '', 2, 'IMP-CAP', '13900139000'), // open: would oversell
    row('#A4', 'paid', '', 1, 'NO-SUCH-SKU'),
  ].join('\n');
  let batchId: number;

  it('dry run validates everything and writes no order', async () => {
    batchId = await upload(file);
    expect(await checkImport(handle.db, batchId)).toBe('checked');
    const batch = await batchOf(batchId);
    expect(batch).toMatchObject({ status: 'checked', format: 'shopify', encoding: 'utf-8', totalRows: 5 });
    expect(batch.summary).toMatchObject({ orders: 4, newOrders: 3, historical: 1, ordersWithErrors: 1 });
    const errors = await handle.db.select().from(importRowErrors).where(eq(importRowErrors.batchId, batchId));
    expect(errors.map((e) => [e.row, e.column, e.code, e.value, e.externalRef])).toEqual([
      [6, 'Lineitem sku', 'sku_unknown', 'NO-SUCH-SKU', '#A4'],
    ]);
    expect(await importedCount()).toBe(0);
  });

  it('gives the rows with errors back as they were, with what is wrong, formula-safe', async () => {
    let csv = '';
    for await (const piece of importErrorsCsv(handle.db, await batchOf(batchId), {
      errorColumn: 'Error',
      describe: (e) => `${e.column}: ${e.code}`,
    }))
      csv += piece;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(`${HEADER},Error`);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^#A4,.*,Lineitem sku: sku_unknown$/);
  });

  it('commit writes whole orders, reserves for open ones and refuses an oversell as a row error', async () => {
    expect(await commit(batchId)).toEqual({ checked: 0, committed: 1 });
    const batch = await batchOf(batchId);
    expect(batch).toMatchObject({ status: 'completed', ordersCreated: 2, cursorRow: 6 });
    const written = await handle.db
      .select({ ref: orders.externalRef, status: orders.status, total: orders.totalCents, batch: orders.importBatchId })
      .from(orders)
      .where(eq(orders.source, 'import'))
      .orderBy(orders.externalRef);
    expect(written).toEqual([
      { ref: '#A1', status: 'completed', total: 29700 + 1000, batch: batchId },
      { ref: '#A2', status: 'awaiting_shipment', total: 19800 + 1000, batch: batchId },
    ]);
    expect(await capReserved()).toBe(2);
    const errors = await handle.db.select().from(importRowErrors).where(eq(importRowErrors.batchId, batchId));
    expect(errors.map((e) => [e.row, e.code]).sort()).toEqual([
      [5, 'insufficient_stock'],
      [6, 'sku_unknown'],
    ]);
    // one customer per phone, never duplicated
    const buyers = await handle.db.select().from(customers).where(eq(customers.phone, '13800138000'));
    expect(buyers).toHaveLength(1);
  });

  it('importing the same file again creates nothing new', async () => {
    const again = await upload(file);
    await checkImport(handle.db, again);
    expect((await batchOf(again)).summary).toMatchObject({ newOrders: 1, identical: 2 });
    await commit(again);
    expect(await importedCount()).toBe(2);
    expect(await capReserved()).toBe(2);
  });

  it('refuses the same bytes while they are still being imported', async () => {
    const text = [HEADER, row('#B1', 'paid', 'fulfilled', 1, 'IMP-TEE')].join('\n');
    const first = await upload(text);
    const second = await uploadImport(handle.db, { fileName: 'x.csv', body: bytesOf(text), actor: SYSTEM_ACTOR });
    expect(second).toMatchObject({ ok: false, code: 'duplicate_running', params: { batchId: first } });
  });

  it('records an unreadable file as failed, with nothing written', async () => {
    const id = await upload('foo,bar\n1,2');
    expect(await checkImport(handle.db, id)).toBe('failed');
    expect(await batchOf(id)).toMatchObject({ status: 'failed', failure: 'format_unknown' });
  });
});

describe('import: a crash in the middle', () => {
  it('resumes after the last whole group and ends with exactly the right orders', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 450; i++) lines.push(row(`#C${String(i).padStart(4, '0')}`, 'paid', 'fulfilled', 1, 'IMP-TEE'));
    const id = await upload(lines.join('\n'));
    await checkImport(handle.db, id);
    await requestImportCommit(handle.db, { batchId: id, actor: SYSTEM_ACTOR });
    const before = await importedCount();
    // the third transaction dies as a killed server would: nothing of it commits
    let transactions = 0;
    const crashing = new Proxy(handle.db, {
      get(target, key, receiver) {
        if (key === 'transaction')
          return (fn: (tx: Database) => Promise<unknown>) => {
            if (++transactions === 3) throw new Error('SIGKILL');
            return target.transaction(fn as never);
          };
        return Reflect.get(target, key, receiver);
      },
    }) as Database;
    await expect(commitImport(crashing, id, SYSTEM_ACTOR)).rejects.toThrow('SIGKILL');
    const stopped = await batchOf(id);
    expect(stopped).toMatchObject({ status: 'running', ordersCreated: 400, cursorRow: 401 });
    expect((await importedCount()) - before).toBe(400);
    // another instance takes it over once the heartbeat is stale
    expect(await commitImport(handle.db, id, SYSTEM_ACTOR)).toBe('not_claimed');
    await handle.db
      .update(importBatches)
      .set({ heartbeatAt: new Date(Date.now() - 120_000) })
      .where(eq(importBatches.id, id));
    expect(await commitImport(handle.db, id, SYSTEM_ACTOR)).toBe('completed');
    expect(await batchOf(id)).toMatchObject({ status: 'completed', ordersCreated: 450 });
    expect((await importedCount()) - before).toBe(450);
  });
});
