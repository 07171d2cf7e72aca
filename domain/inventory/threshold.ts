import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

/** The threshold when neither the stock level, the SKU nor the store settings name one. */
export const FALLBACK_LOW_STOCK_THRESHOLD = 10;

/** Settings key of the store default (see db/seed/settings.ts). */
export const LOW_STOCK_DEFAULT_KEY = 'low_stock_default_threshold';

/**
 * The low-stock threshold rule, the one place it is written: the stock level's own threshold,
 * else the SKU's, else the store default from settings, else 10.
 */
export function effectiveLowStockThreshold(
  levelThreshold: number | null | undefined, skuThreshold: number | null | undefined, storeDefault: number | null | undefined,
): number {
  return levelThreshold ?? skuThreshold ?? storeDefault ?? FALLBACK_LOW_STOCK_THRESHOLD;
}

/**
 * The same rule as a SQL expression over a stock_levels row aliased `level`, so a stock update can
 * return its threshold in the same statement. Settings values are JSON; a non-numeric value is
 * ignored rather than failing every stock change.
 */
export function lowStockThresholdSql(level: string): SQL {
  // constants are inlined so the fragment can be pasted into statements with their own $n (bench)
  const l = sql.raw(level);
  return sql`coalesce(
    ${l}.low_stock_threshold,
    (select s.low_stock_threshold from skus s where s.id = ${l}.sku_id),
    (select case when jsonb_typeof(st.value) = 'number' then (st.value #>> '{}')::numeric::int end
       from settings st where st.key = ${sql.raw(`'${LOW_STOCK_DEFAULT_KEY}'`)}),
    ${sql.raw(String(FALLBACK_LOW_STOCK_THRESHOLD))})`;
}

/** The threshold in force for one SKU in one warehouse (null when there is no stock row). */
export async function getLowStockThreshold(db: Database, skuId: number, warehouseId: number): Promise<number | null> {
  const rows = await queryRows<{ threshold: number }>(db, sql`
    select ${lowStockThresholdSql('level')}::int as threshold
    from stock_levels level where level.sku_id = ${skuId} and level.warehouse_id = ${warehouseId}`);
  return rows.length ? Number(rows[0].threshold) : null;
}
