import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { lowStockThresholdSql } from './threshold';

/** open: waiting for someone; acknowledged: seen, still low, stays quiet until replenished. */
export const ALERT_VIEWS = ['open', 'acknowledged'] as const;
export type AlertView = (typeof ALERT_VIEWS)[number];

export interface LowStockAlertRow {
  id: number;
  skuId: number;
  skuCode: string;
  skuName: string;
  variant: string | null;
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  /** available now, and what it was when the alert was raised */
  available: number;
  availableAtAlert: number;
  /** the threshold in effect now, and the one the alert was raised against */
  threshold: number;
  thresholdAtAlert: number;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
}

/**
 * Unresolved low-stock alerts, oldest first for `open` (the longest-waiting need a person first),
 * most recently acknowledged first for `acknowledged`.
 */
export async function listLowStockAlerts(
  db: Database,
  input: {
    view?: AlertView;
    limit?: number;
  },
): Promise<LowStockAlertRow[]> {
  const view = input.view ?? 'open';
  const limit = Math.min(Math.max(input.limit ?? 200, 1), 500);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select a.id, a.sku_id, s.code as sku_code, s.name as sku_name, s.variant, a.warehouse_id, w.code as warehouse_code,
           w.name as warehouse_name, coalesce(sl.on_hand - sl.reserved, 0) as available, a.available_at_alert,
           coalesce(${lowStockThresholdSql('sl')}::int, a.threshold) as threshold, a.threshold as threshold_at_alert,
           a.raised_at, a.acknowledged_at, st.name as acknowledged_by_name
    from low_stock_alerts a
    join skus s on s.id = a.sku_id
    join warehouses w on w.id = a.warehouse_id
    left join stock_levels sl on sl.sku_id = a.sku_id and sl.warehouse_id = a.warehouse_id
    left join staff_users st on st.id = a.acknowledged_by
    where a.resolved_at is null and ${view === 'open' ? sql`a.acknowledged_at is null` : sql`a.acknowledged_at is not null`}
    order by ${view === 'open' ? sql`a.raised_at, a.id` : sql`a.acknowledged_at desc, a.id desc`}
    limit ${limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    skuId: Number(r.sku_id),
    skuCode: String(r.sku_code),
    skuName: String(r.sku_name),
    variant: (r.variant as string | null) ?? null,
    warehouseId: Number(r.warehouse_id),
    warehouseCode: String(r.warehouse_code),
    warehouseName: String(r.warehouse_name),
    available: Number(r.available),
    availableAtAlert: Number(r.available_at_alert),
    threshold: Number(r.threshold),
    thresholdAtAlert: Number(r.threshold_at_alert),
    raisedAt: new Date(r.raised_at as string),
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at as string) : null,
    acknowledgedByName: (r.acknowledged_by_name as string | null) ?? null,
  }));
}

/**
 * How many alerts wait for a person (neither acknowledged nor resolved), for the sidebar badge.
 * Counts the partial unique index low_stock_alerts_open_key, whose predicate is exactly this.
 */
export async function countOpenLowStockAlerts(db: Database): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    db,
    sql`
    select count(*)::int as n from low_stock_alerts where resolved_at is null and acknowledged_at is null`,
  );
  return Number(row?.n ?? 0);
}
