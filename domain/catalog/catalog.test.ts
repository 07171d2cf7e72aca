import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, skus } from '@/db/schema';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import type { Actor } from '@/domain/shared/actor';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { addSku, ZAddSkuInput } from './add-sku';
import { archiveSku } from './archive-sku';
import { createCategory, listCategories } from './categories';
import { createProduct, ZCreateProductInput } from './create-product';
import { getProduct } from './get-product';
import { listProducts } from './list-products';
import { searchSkus } from './search-skus';
import { updateProduct, ZUpdateProductInput } from './update-product';
import { updateSku, ZUpdateSkuInput } from './update-sku';

let handle: DatabaseHandle;
let f: Factories;
const actor: Actor = { type: 'staff', id: null, name: '测试员' };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 16 });
});
afterAll(async () => handle?.close());

async function category(name: string, parentId: number | null = null) {
  const result = await createCategory(handle.db, { name, parentId, actor });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

async function newProduct(baseCode: string, categoryId: number) {
  const input = ZCreateProductInput.parse({
    name: '纯棉T恤',
    categoryId,
    brand: '棉语',
    isActive: true,
    baseCode,
    attributes: [
      { name: '颜色', values: '白，黑' },
      { name: '尺码', values: 'M, L' },
    ],
    price: '79.00',
    cost: '30.5',
    weightGrams: '220',
    lowStockThreshold: '',
  });
  const result = await createProduct(handle.db, { ...input, actor });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe(`catalog (${testDatabaseKind})`, () => {
  it('keeps a category tree with paths, refusing a repeated name under the same parent', async () => {
    const top = await category('服饰测试');
    const child = await category('上装', top.id);
    expect(child.path).toBe('服饰测试 / 上装');
    const again = await createCategory(handle.db, { name: '上装', parentId: top.id, actor });
    expect(again).toMatchObject({ ok: false, code: 'name_taken' });
    const tree = await listCategories(handle.db);
    expect(tree.findIndex((c) => c.id === child.id)).toBe(tree.findIndex((c) => c.id === top.id) + 1);
  });

  it('creates a product with 2 x 2 SKUs at one price, each with its first price in the history', async () => {
    const tops = await category('上装 2x2');
    const { productId, skuIds } = await newProduct('TEE2X2', tops.id);
    expect(skuIds).toHaveLength(4);
    const detail = (await getProduct(handle.db, productId))!;
    expect(detail.product).toMatchObject({ category: '上装 2x2', categoryId: tops.id, isActive: true });
    expect(detail.skus.map((s) => [s.code, s.variant, s.priceCents, s.costCents])).toEqual([
      ['TEE2X2-01', '白 / M', 7900, 3050],
      ['TEE2X2-02', '白 / L', 7900, 3050],
      ['TEE2X2-03', '黑 / M', 7900, 3050],
      ['TEE2X2-04', '黑 / L', 7900, 3050],
    ]);
    expect(detail.skus[3].specValues).toEqual({ 颜色: '黑', 尺码: 'L' });
    expect(detail.priceHistory[skuIds[0]]).toHaveLength(1);
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'product'), eq(auditLog.targetId, String(productId))));
    expect(audit.action).toBe('catalog.product_create');

    // the same codes again: refused, nothing written
    const before = (await handle.db.select().from(skus)).length;
    const again = await createProduct(handle.db, {
      ...ZCreateProductInput.parse({
        name: 'x',
        categoryId: tops.id,
        baseCode: 'tee2x2',
        attributes: [{ name: '颜色', values: '白' }],
        price: '1',
        cost: '1',
      }),
      actor,
    });
    expect(again).toMatchObject({ ok: false, code: 'code_taken' });
    expect((await handle.db.select().from(skus)).length).toBe(before);
  });

  it('refuses bad input before it reaches the database', () => {
    const bad = ZCreateProductInput.safeParse({
      name: '',
      categoryId: 1,
      baseCode: 'bad code!',
      attributes: [{ name: '颜色', values: '' }],
      price: '-1',
      cost: '1.005',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'baseCode', 'price', 'cost', 'attributes.0.values']));
    const barcode = ZUpdateSkuInput.safeParse({
      skuId: 1,
      version: 1,
      barcode: '6901234567890',
      price: '1',
      cost: '1',
    });
    expect(barcode.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['barcode', 'catalog.validation.barcode_check_digit'],
    ]);
  });

  it('edits a price with history (who, when), refuses a stale version and a taken barcode', async () => {
    const cat = await category('价格测试');
    const { productId, skuIds } = await newProduct('PRICE', cat.id);
    const sku = (await getProduct(handle.db, productId))!.skus[0];
    const edit = (over: Record<string, unknown>) =>
      ZUpdateSkuInput.parse({
        skuId: sku.id,
        version: sku.version,
        barcode: '6901234567892',
        price: '89',
        cost: '30.50',
        weightGrams: '220',
        lowStockThreshold: '5',
        isActive: 'on',
        ...over,
      });
    const first = await updateSku(handle.db, { ...edit({}), actor });
    expect(first).toEqual({ ok: true, data: { version: 2 } });
    // the form loaded at version 1 is stale now
    expect(await updateSku(handle.db, { ...edit({ price: '99' }), actor })).toMatchObject({ ok: false, code: 'stale' });
    const other = (await getProduct(handle.db, productId))!.skus[1];
    expect(await updateSku(handle.db, { ...edit({ skuId: other.id, version: other.version }), actor })).toMatchObject({
      ok: false,
      code: 'barcode_taken',
    });
    const detail = (await getProduct(handle.db, productId))!;
    expect(detail.skus[0]).toMatchObject({ priceCents: 8900, barcode: '6901234567892', lowStockThreshold: 5 });
    expect(detail.priceHistory[skuIds[0]].map((c) => [c.priceCents, c.previousPriceCents, c.actorName])).toEqual([
      [8900, 7900, '测试员'],
      [7900, null, '测试员'],
    ]);
  });

  it('archives a SKU: it leaves the order picker, cannot be edited, and is not archived twice', async () => {
    const cat = await category('归档测试');
    const { productId, skuIds } = await newProduct('ARCH', cat.id);
    expect((await searchSkus(handle.db, 'ARCH-0')).map((s) => s.id)).toEqual(skuIds);
    expect(await archiveSku(handle.db, { skuId: skuIds[1], actor })).toEqual({ ok: true, data: { code: 'ARCH-02' } });
    expect(await archiveSku(handle.db, { skuId: skuIds[1], actor })).toMatchObject({
      ok: false,
      code: 'already_archived',
    });
    expect((await searchSkus(handle.db, 'ARCH-0')).map((s) => s.code)).toEqual(['ARCH-01', 'ARCH-03', 'ARCH-04']);
    const archived = (await getProduct(handle.db, productId))!.skus.at(-1)!;
    expect(archived).toMatchObject({ code: 'ARCH-02', isActive: false });
    const edit = await updateSku(handle.db, {
      ...ZUpdateSkuInput.parse({
        skuId: archived.id,
        version: archived.version,
        price: '1',
        cost: '1',
        isActive: 'on',
      }),
      actor,
    });
    expect(edit).toMatchObject({ ok: false, code: 'archived' });
    expect((await listProducts(handle.db, { q: 'ARCH-' })).rows[0]).toMatchObject({ id: productId, skuCount: 3 });
  });

  it('adds a SKU one by one: a value for each attribute, a new combination, an unused code', async () => {
    const cat = await category('单个添加');
    const { productId } = await newProduct('ONE', cat.id);
    const add = (over: Record<string, unknown>) =>
      addSku(handle.db, {
        ...ZAddSkuInput.parse({ productId, code: 'ONE-XL', price: '99', cost: '40', isActive: 'on', ...over }),
        actor,
      });
    expect(await add({ specValues: { 颜色: '白' } })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await add({ specValues: { 颜色: '白', 尺码: 'M' } })).toMatchObject({ ok: false, code: 'variant_exists' });
    expect(await add({ code: 'ONE-01', specValues: { 颜色: '白', 尺码: 'XL' } })).toMatchObject({
      ok: false,
      code: 'code_taken',
    });
    const added = await add({ specValues: { 颜色: '白', 尺码: 'XL' }, barcode: 'INT-77', isBarcodeInternal: 'on' });
    expect(added.ok).toBe(true);
    const sku = (await getProduct(handle.db, productId))!.skus.find((s) => s.code === 'ONE-XL')!;
    expect(sku).toMatchObject({ variant: '白 / XL', priceCents: 9900, barcode: 'INT-77', isBarcodeInternal: true });
  });

  it('edits a product (renaming its SKUs) and refuses a stale version', async () => {
    const cat = await category('改名测试');
    const { productId } = await newProduct('RENAME', cat.id);
    const input = (version: number) =>
      ZUpdateProductInput.parse({ productId, version, name: '新名字T恤', categoryId: cat.id, isActive: '' });
    expect(await updateProduct(handle.db, { ...input(1), actor })).toEqual({ ok: true, data: { version: 2 } });
    expect(await updateProduct(handle.db, { ...input(1), actor })).toMatchObject({ ok: false, code: 'stale' });
    const detail = (await getProduct(handle.db, productId))!;
    expect(detail.product).toMatchObject({ name: '新名字T恤', isActive: false });
    expect(detail.skus.every((s) => s.name === '新名字T恤')).toBe(true);
    expect((await listProducts(handle.db, { status: 'off_sale', categoryId: cat.id })).rows.map((r) => r.id)).toEqual([
      productId,
    ]);
    // off sale: the product's SKUs leave the order picker too
    expect(await searchSkus(handle.db, 'RENAME-')).toEqual([]);
    void f;
  });
});
