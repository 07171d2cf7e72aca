import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { products } from '@/db/schema';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { findSkusForEntry, searchSkus, SKU_SEARCH_LIMIT } from './search-skus';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 12 });
});
afterAll(async () => handle?.close());

describe(`searchSkus (${testDatabaseKind})`, () => {
  it('finds a SKU by code prefix with price and available stock per warehouse and in total', async () => {
    const shanghai = await f.warehouse({ name: '上海仓 test' });
    const beijing = await f.warehouse({ name: '北京仓 test' });
    const closed = await f.warehouse({ name: '停用仓 test', isActive: false });
    const sku = await f.sku({ code: 'ENTRY-TEA-1', name: '测试龙井', priceCents: 26_800 });
    await f.stock({ skuId: sku.id, warehouseId: shanghai.id, onHand: 10, reserved: 3 });
    await f.stock({ skuId: sku.id, warehouseId: beijing.id, onHand: 20, reserved: 0 });
    await f.stock({ skuId: sku.id, warehouseId: closed.id, onHand: 99, reserved: 0 });

    const [found] = await searchSkus(handle.db, 'entry-tea');
    expect(found).toMatchObject({
      id: sku.id,
      code: 'ENTRY-TEA-1',
      priceCents: 26_800,
      currency: 'CNY',
      isActive: true,
      available: 27,
    });
    // most available first; the inactive warehouse cannot ship, so it is not offered
    expect(found.warehouses.map((w) => [w.warehouseName, w.available])).toEqual([
      ['北京仓 test', 20],
      ['上海仓 test', 7],
    ]);
  });

  it('finds SKUs by name or product name, and by exact barcode', async () => {
    const product = await f.product({ name: '慢回弹测试枕' });
    const a = await f.sku({
      productId: product.id,
      code: 'ENTRY-PILLOW-A',
      name: '记忆棉A款',
      barcode: '6900000000011',
    });
    const b = await f.sku({ code: 'ENTRY-MUG', name: '保温测试杯 500ml' });
    expect((await searchSkus(handle.db, '回弹测试')).map((s) => s.id)).toEqual([a.id]);
    expect((await searchSkus(handle.db, '测试杯')).map((s) => s.id)).toEqual([b.id]);
    expect((await searchSkus(handle.db, '6900000000011')).map((s) => s.id)).toEqual([a.id]);
    // a SKU with no stock rows is offered with nothing available
    expect((await searchSkus(handle.db, 'ENTRY-MUG'))[0]).toMatchObject({ available: 0, warehouses: [] });
  });

  it('offers only SKUs on sale', async () => {
    const retired = await f.sku({ code: 'ENTRY-OLD-1', isActive: false });
    const product = await f.product({ isActive: false });
    await f.sku({ productId: product.id, code: 'ENTRY-OLD-2' });
    expect(await searchSkus(handle.db, 'ENTRY-OLD')).toEqual([]);
    // the edit form still sees an order's lines for SKUs taken off sale
    const [again] = await findSkusForEntry(handle.db, [retired.id]);
    expect(again).toMatchObject({ id: retired.id, isActive: false });
  });

  it('puts the exact code first, then code prefixes, then name matches, at most twenty', async () => {
    const exact = await f.sku({ code: 'ENTRY-RANK', name: '排序' });
    const prefix = await f.sku({ code: 'ENTRY-RANK-2', name: '排序二' });
    const byName = await f.sku({ code: 'ENTRY-ZZZ', name: '含 entry-rank 的名字' });
    const found = await searchSkus(handle.db, 'ENTRY-RANK');
    expect(found.map((s) => s.id)).toEqual([exact.id, prefix.id, byName.id]);

    await handle.db.update(products).set({ isActive: true }).where(eq(products.isActive, false));
    for (let i = 0; i < SKU_SEARCH_LIMIT + 3; i++) await f.sku({ code: `ENTRY-MANY-${String(i).padStart(2, '0')}` });
    const many = await searchSkus(handle.db, 'ENTRY-MANY');
    expect(many).toHaveLength(SKU_SEARCH_LIMIT);
    expect(many[0].code).toBe('ENTRY-MANY-00');
  });

  it('treats LIKE wildcards as plain text and answers an empty query with nothing', async () => {
    expect(await searchSkus(handle.db, '%')).toEqual([]);
    expect(await searchSkus(handle.db, '  ')).toEqual([]);
    expect(await findSkusForEntry(handle.db, [])).toEqual([]);
  });
});
