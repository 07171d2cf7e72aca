import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { lowStockThresholdSql } from './threshold';
import { encodeStockCursor, type TStockListFilters } from './stock-list-filters';

/** One row of the stock table: one SKU in one warehouse. */
export interface StockListRow {
  skuId: number;
  skuCode: string;
  skuName: string;
  variant: string | null;
  productName: string;
  isSkuActive: boolean;
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  location: string | null;
  onHand: number;
  reserved: number;
  available: number;
  /** the threshold in effect: the level's, else the SKU's, else the store default */
  threshold: number;
  isLow: boolean;
  hasOpenAlert: boolean;
}

export interface StockListPage {
  rows: StockListRow[];
  /** cursor of the next page, null on the last one */
  nextCursor: string | null;
}

/** `%value%` for ILIKE with the user's own % and _ taken literally. */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The stock table: stock levels ordered by SKU code then warehouse, a page at a time (keyset on
 * code + warehouse id, so a deep page costs the same as the first). Filters: one warehouse, low
 * stock only (available <= threshold, active SKUs and warehouses, as the dashboard counts them),
 * and text matching the SKU code, SKU name or product name.
 */
export async function listStock(db: Database, filters: TStockListFilters): Promise<StockListPage> {
  const threshold = sql`${lowStockThresholdSql('sl')}::int`;
  const where: SQL[] = [sql`true`];
  if (filters.warehouseId) where.push(sql`sl.warehouse_id = ${filters.warehouseId}`);
  if (filters.stock === 'low')
    where.push(sql`s.is_active and w.is_active and sl.on_hand - sl.reserved <= ${threshold}`);
  if (filters.q) {
    const pattern = likeContains(filters.q);
    where.push(sql`(s.code ilike ${pattern} or s.name ilike ${pattern} or p.name ilike ${pattern})`);
  }
  if (filters.cursor)
    where.push(sql`(s.code, sl.warehouse_id) > (${filters.cursor.code}, ${filters.cursor.warehouseId}::bigint)`);

  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select sl.sku_id, s.code as sku_code, s.name as sku_name, s.variant, p.name as product_name, s.is_active as sku_active,
           sl.warehouse_id, w.code as warehouse_code, w.name as warehouse_name, sl.location,
           sl.on_hand, sl.reserved, ${threshold} as threshold,
           exists (select 1 from low_stock_alerts a where a.sku_id = sl.sku_id and a.warehouse_id = sl.warehouse_id
                   and a.resolved_at is null and a.acknowledged_at is null) as has_open_alert
    from stock_levels sl
    join skus s on s.id = sl.sku_id
    join products p on p.id = s.product_id
    join warehouses w on w.id = sl.warehouse_id
    where ${sql.join(where, sql` and `)}
    order by s.code, sl.warehouse_id
    limit ${filters.pageSize + 1}`,
  );

  const page = rows.slice(0, filters.pageSize).map(toStockListRow);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor:
      rows.length > filters.pageSize && last
        ? encodeStockCursor({ code: last.skuCode, warehouseId: last.warehouseId })
        : null,
  };
}

function toStockListRow(r: Record<string, unknown>): StockListRow {
  const onHand = Number(r.on_hand);
  const reserved = Number(r.reserved);
  const threshold = Number(r.threshold);
  return {
    skuId: Number(r.sku_id),
    skuCode: String(r.sku_code),
    skuName: String(r.sku_name),
    variant: (r.variant as string | null) ?? null,
    productName: String(r.product_name),
    isSkuActive: Boolean(r.sku_active),
    warehouseId: Number(r.warehouse_id),
    warehouseCode: String(r.warehouse_code),
    warehouseName: String(r.warehouse_name),
    location: (r.location as string | null) ?? null,
    onHand,
    reserved,
    available: onHand - reserved,
    threshold,
    isLow: onHand - reserved <= threshold,
    hasOpenAlert: Boolean(r.has_open_alert),
  };
}
