import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

/** Settings key of the store default (see testing/seed/settings.ts). */
export const LOW_STOCK_DEFAULT_KEY = 'low_stock_default_threshold';

/**
 * The low-stock threshold in force for a stock_levels row aliased `level`, as a SQL expression.
 * The rule itself (the level's own threshold, else the SKU's, else the store default from
 * settings, else 10) is the database function low_stock_threshold (migration 0001), written once
 * there because the commit-time reservation trigger needs it too.
 */
export function lowStockThresholdSql(level: string): SQL {
  const l = sql.raw(level);
  return sql`low_stock_threshold(${l}.low_stock_threshold, ${l}.sku_id)`;
}

/** The store default: the settings value when it is a number, else 10 (the same function). */
export async function getLowStockDefaultThreshold(db: Database): Promise<number> {
  const [row] = await queryRows<{ threshold: number }>(
    db,
    sql`select low_stock_threshold(null, null)::int as threshold`,
  );
  return Number(row.threshold);
}

/** The threshold in force for one SKU in one warehouse (null when there is no stock row). */
export async function getLowStockThreshold(db: Database, skuId: number, warehouseId: number): Promise<number | null> {
  const rows = await queryRows<{ threshold: number }>(
    db,
    sql`
    select ${lowStockThresholdSql('level')}::int as threshold
    from stock_levels level where level.sku_id = ${skuId} and level.warehouse_id = ${warehouseId}`,
  );
  return rows.length ? Number(rows[0].threshold) : null;
}
