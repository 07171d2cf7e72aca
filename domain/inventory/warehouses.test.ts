import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import type { Actor } from '@/domain/shared/actor';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { checkStockLedger } from '@/testing/fixtures/stock-ledger';
import { listBins, listWarehouseSummaries } from './get-warehouse';
import { saveWarehouse, ZSaveWarehouseInput } from './save-warehouse';
import { setBinLocation, ZSetBinLocationInput } from './set-bin-location';
import { setWarehouseActive } from './set-warehouse-active';

let handle: DatabaseHandle;
let f: Factories;
const actor: Actor = { type: 'staff', id: null, name: '仓管' };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 17 });
});
afterAll(async () => handle?.close());

describe(`warehouses and bins (${testDatabaseKind})`, () => {
  it('creates a warehouse once per code and edits it; the code stays', async () => {
    const input = ZSaveWarehouseInput.parse({
      code: 'hz-1',
      name: '杭州仓',
      province: '浙江省',
      city: '杭州市',
      address: '余杭区 1 号',
      contactName: '王仓管',
      contactPhone: '0571-8888 1234',
      isShipping: 'on',
    });
    const created = await saveWarehouse(handle.db, { ...input, actor });
    expect(created).toMatchObject({ ok: true, data: { code: 'HZ-1', isShipping: true, isActive: true } });
    expect(await saveWarehouse(handle.db, { ...input, actor })).toMatchObject({ ok: false, code: 'code_taken' });
    const id = created.ok ? created.data.id : 0;
    const edited = await saveWarehouse(handle.db, {
      ...ZSaveWarehouseInput.parse({ warehouseId: String(id), name: '杭州二仓', isShipping: '' }),
      actor,
    });
    expect(edited).toMatchObject({
      ok: true,
      data: { code: 'HZ-1', name: '杭州二仓', isShipping: false, address: null },
    });
    expect(ZSaveWarehouseInput.safeParse({ code: 'bad code', name: '' }).success).toBe(false);
  });

  it('refuses to deactivate a warehouse with stock or open orders, saying why; an empty one deactivates', async () => {
    const busy = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: busy.id, onHand: 5 });
    expect(await setWarehouseActive(handle.db, { warehouseId: busy.id, isActive: false, actor })).toMatchObject({
      ok: false,
      code: 'has_stock',
      params: { onHand: 5, reserved: 0 },
    });

    const shipping = await f.warehouse();
    await f.stock({ skuId: sku.id, warehouseId: shipping.id, onHand: 2 });
    await f.order({ status: 'awaiting_shipment', warehouseId: shipping.id, lines: [{ skuId: sku.id, quantity: 1 }] });
    // stock counted away to nothing while the order still waits to ship
    await handle.db.execute(sql`update stock_levels set on_hand = 0, reserved = 0 where warehouse_id = ${shipping.id}`);
    expect(await setWarehouseActive(handle.db, { warehouseId: shipping.id, isActive: false, actor })).toMatchObject({
      ok: false,
      code: 'has_open_orders',
      params: { count: 1 },
    });

    const empty = await f.warehouse();
    expect(await setWarehouseActive(handle.db, { warehouseId: empty.id, isActive: false, actor })).toEqual({
      ok: true,
      data: { isActive: false },
    });
    const listed = await listWarehouseSummaries(handle.db);
    expect(listed.find((w) => w.id === empty.id)?.isActive).toBe(false);
    expect(listed.find((w) => w.id === busy.id)).toMatchObject({ skuCount: 1, onHand: 5 });
  });

  it('sets, changes and clears a bin; a SKU without stock there gets an empty row and the ledger still adds up', async () => {
    const warehouse = await f.warehouse();
    const stocked = await f.sku({ code: 'BIN-STOCKED' });
    const fresh = await f.sku({ code: 'BIN-FRESH' });
    await f.stock({ skuId: stocked.id, warehouseId: warehouse.id, onHand: 4 });
    const set = (skuCode: string, location: string) =>
      setBinLocation(handle.db, {
        ...ZSetBinLocationInput.parse({ warehouseId: warehouse.id, skuCode, location }),
        actor,
      });
    expect(await set('bin-stocked', 'a-03-2')).toEqual({ ok: true, data: { skuId: stocked.id, location: 'A-03-2' } });
    expect(await set('BIN-FRESH', 'A-01-1')).toMatchObject({ ok: true });
    expect(await findStockLevel(handle.db, fresh.id, warehouse.id)).toMatchObject({ onHand: 0, location: 'A-01-1' });
    expect((await listBins(handle.db, warehouse.id)).map((b) => [b.skuCode, b.location, b.onHand])).toEqual([
      ['BIN-FRESH', 'A-01-1', 0],
      ['BIN-STOCKED', 'A-03-2', 4],
    ]);
    expect(await set('BIN-STOCKED', '')).toMatchObject({ ok: true, data: { location: null } });
    expect(await set('NO-SUCH-SKU', 'A-1')).toMatchObject({ ok: false, code: 'sku_not_found' });
    expect(ZSetBinLocationInput.safeParse({ warehouseId: 1, skuCode: 'X', location: 'A 1!' }).success).toBe(false);
    // (the test above set a level by hand on purpose; this warehouse's ledger must add up)
    expect((await checkStockLedger(handle.db)).filter((m) => m.warehouseId === warehouse.id)).toEqual([]);
  });
});
