import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { lowStockThresholdSql } from './threshold';

/**
 * Brings low-stock alerts in line with current levels without a stock change: after a threshold
 * or the store default changes. Same rule as applyStockChange: raise an alert (raise_low_stock_alert,
 * migration 0001) for each level at or below its threshold that has no unresolved alert; resolve unresolved alerts of levels above it.
 * Scope to one SKU and/or warehouse, or pass nothing for every level.
 */
export async function syncLowStockAlerts(
  tx: Database,
  scope: { skuId?: number; warehouseId?: number } = {},
): Promise<{ raised: number; resolved: number }> {
  const where = sql.join(
    [
      sql`true`,
      ...(scope.skuId === undefined ? [] : [sql`level.sku_id = ${scope.skuId}`]),
      ...(scope.warehouseId === undefined ? [] : [sql`level.warehouse_id = ${scope.warehouseId}`]),
    ],
    sql` and `,
  );
  const [row] = await queryRows<{ raised: number; resolved: number }>(
    tx,
    sql`
    with t as (
      select level.sku_id, level.warehouse_id, level.on_hand - level.reserved as available, ${lowStockThresholdSql('level')}::int as threshold
      from stock_levels level where ${where}
    ),
    raised as (
      select raise_low_stock_alert(t.sku_id, t.warehouse_id, t.available, t.threshold) as raised from t where t.available <= t.threshold
    ),
    resolved as (
      update low_stock_alerts a set resolved_at = now() from t
      where a.sku_id = t.sku_id and a.warehouse_id = t.warehouse_id and a.resolved_at is null and t.available > t.threshold
      returning a.id
    )
    select (select count(raised) from raised)::int as raised, (select count(*) from resolved)::int as resolved`,
  );
  return { raised: Number(row.raised), resolved: Number(row.resolved) };
}
