import { and, asc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, skus, stockLevels, warehouses } from '@/db/schema';

/** How many SKUs the order form's picker offers at once. */
export const SKU_SEARCH_LIMIT = 20;

export interface SkuWarehouseStock {
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  /** on hand minus reserved: what a new order can still take from this warehouse */
  available: number;
}

/** A SKU as the order form shows it: what it is, what it costs, what can still be sold. */
export interface SkuForEntry {
  id: number;
  code: string;
  name: string;
  variant: string | null;
  barcode: string | null;
  priceCents: number;
  currency: string;
  /** the SKU and its product are both on sale */
  isActive: boolean;
  /** sum over active warehouses */
  available: number;
  /** active warehouses that stock it, most available first */
  warehouses: SkuWarehouseStock[];
}

const MAX_CHAR = '\u{10FFFF}';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const skuColumns = {
  id: skus.id,
  code: skus.code,
  name: skus.name,
  variant: skus.variant,
  barcode: skus.barcode,
  priceCents: skus.priceCents,
  currency: skus.currency,
  isActive: sql<boolean>`(${skus.isActive} and ${products.isActive})`,
};

/**
 * The order form's SKU picker: active SKUs whose code starts with the query (skus_code_key, codes
 * are upper case), whose barcode is the query (a scanner types it), or whose name or product name
 * contains it. Exact code first, then code prefixes, then names; at most 20, each with its price
 * and available stock per active warehouse and in total.
 */
export async function searchSkus(db: Database, query: string): Promise<SkuForEntry[]> {
  const q = query.trim();
  if (q === '') return [];
  const code = q.toUpperCase();
  const contains = `%${escapeLike(q)}%`;
  const codeMatches: SQL = and(
    gte(skus.code, code),
    lt(skus.code, `${code}${MAX_CHAR}`),
    sql`${skus.code} like ${`${escapeLike(code)}%`}`,
  )!;

  const rows = await db
    .select(skuColumns)
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(
      and(
        eq(skus.isActive, true),
        eq(products.isActive, true),
        or(
          codeMatches,
          eq(skus.barcode, q),
          sql`${skus.name} ilike ${contains}`,
          sql`${products.name} ilike ${contains}`,
        ),
      ),
    )
    .orderBy(
      sql`case when ${skus.code} = ${code} or ${skus.barcode} = ${q} then 0 when ${skus.code} like ${`${escapeLike(code)}%`} then 1 else 2 end`,
      asc(skus.code),
    )
    .limit(SKU_SEARCH_LIMIT);
  return withStock(db, rows);
}

/**
 * The given SKUs with price and stock, on sale or not: the lines an order already has (an edit
 * form shows their stock even when the product was taken off sale since). Unknown ids are left out.
 */
export async function findSkusForEntry(db: Database, skuIds: readonly number[]): Promise<SkuForEntry[]> {
  const ids = [...new Set(skuIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (ids.length === 0) return [];
  const rows = await db
    .select(skuColumns)
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(inArray(skus.id, ids))
    .orderBy(asc(skus.code));
  return withStock(db, rows);
}

type SkuRow = Omit<SkuForEntry, 'available' | 'warehouses'>;

async function withStock(db: Database, rows: SkuRow[]): Promise<SkuForEntry[]> {
  if (rows.length === 0) return [];
  const levels = await db
    .select({
      skuId: stockLevels.skuId,
      warehouseId: warehouses.id,
      warehouseCode: warehouses.code,
      warehouseName: warehouses.name,
      available: sql<number>`(${stockLevels.onHand} - ${stockLevels.reserved})::int`,
    })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(
      and(
        inArray(
          stockLevels.skuId,
          rows.map((r) => r.id),
        ),
        eq(warehouses.isActive, true),
      ),
    )
    .orderBy(asc(stockLevels.skuId), sql`${stockLevels.onHand} - ${stockLevels.reserved} desc`, asc(warehouses.id));

  const bySku = new Map<number, SkuWarehouseStock[]>();
  for (const { skuId, ...level } of levels) {
    const list = bySku.get(skuId) ?? [];
    list.push({ ...level, available: Number(level.available) });
    bySku.set(skuId, list);
  }
  return rows.map((row) => {
    const stock = bySku.get(row.id) ?? [];
    return {
      ...row,
      isActive: Boolean(row.isActive),
      available: stock.reduce((sum, w) => sum + w.available, 0),
      warehouses: stock,
    };
  });
}
