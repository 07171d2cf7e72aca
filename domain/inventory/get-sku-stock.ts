import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { lowStockThresholdSql } from './threshold';

export interface SkuStockLevel {
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  isWarehouseActive: boolean;
  location: string | null;
  onHand: number;
  reserved: number;
  available: number;
  /** the override set on this warehouse's level, null when it inherits */
  levelThreshold: number | null;
  threshold: number;
  isLow: boolean;
  /** the open alert on this level, if any (acknowledged ones stay until replenished) */
  alert: { id: number; raisedAt: Date; acknowledgedAt: Date | null } | null;
}

export interface SkuStock {
  id: number;
  code: string;
  name: string;
  variant: string | null;
  barcode: string | null;
  productName: string;
  isActive: boolean;
  leadTimeDays: number;
  /** the SKU's own threshold, null when it inherits the store default */
  skuThreshold: number | null;
  defaultThreshold: number;
  levels: SkuStockLevel[];
  totals: { onHand: number; reserved: number; available: number };
}

/** One SKU with its stock in every warehouse that holds a level for it; null when there is no such SKU. */
export async function getSkuStock(db: Database, skuId: number, defaultThreshold: number): Promise<SkuStock | null> {
  const [sku] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select s.id, s.code, s.name, s.variant, s.barcode, p.name as product_name, s.is_active, s.lead_time_days, s.low_stock_threshold
    from skus s join products p on p.id = s.product_id where s.id = ${skuId}`,
  );
  if (!sku) return null;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select sl.warehouse_id, w.code, w.name, w.is_active, sl.location, sl.on_hand, sl.reserved, sl.low_stock_threshold,
           ${lowStockThresholdSql('sl')}::int as threshold,
           a.id as alert_id, a.raised_at, a.acknowledged_at
    from stock_levels sl
    join skus s on s.id = sl.sku_id
    join warehouses w on w.id = sl.warehouse_id
    left join lateral (
      select id, raised_at, acknowledged_at from low_stock_alerts
      where sku_id = sl.sku_id and warehouse_id = sl.warehouse_id and resolved_at is null
      order by id desc limit 1
    ) a on true
    where sl.sku_id = ${skuId}
    order by w.code`,
  );
  const levels = rows.map((r): SkuStockLevel => {
    const onHand = Number(r.on_hand);
    const reserved = Number(r.reserved);
    const threshold = Number(r.threshold);
    return {
      warehouseId: Number(r.warehouse_id),
      warehouseCode: String(r.code),
      warehouseName: String(r.name),
      isWarehouseActive: Boolean(r.is_active),
      location: (r.location as string | null) ?? null,
      onHand,
      reserved,
      available: onHand - reserved,
      levelThreshold: r.low_stock_threshold === null ? null : Number(r.low_stock_threshold),
      threshold,
      isLow: onHand - reserved <= threshold,
      alert:
        r.alert_id === null
          ? null
          : {
              id: Number(r.alert_id),
              raisedAt: new Date(r.raised_at as string),
              acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at as string) : null,
            },
    };
  });
  const sum = (pick: (l: SkuStockLevel) => number) => levels.reduce((total, l) => total + pick(l), 0);
  return {
    id: Number(sku.id),
    code: String(sku.code),
    name: String(sku.name),
    variant: (sku.variant as string | null) ?? null,
    barcode: (sku.barcode as string | null) ?? null,
    productName: String(sku.product_name),
    isActive: Boolean(sku.is_active),
    leadTimeDays: Number(sku.lead_time_days),
    skuThreshold: sku.low_stock_threshold === null ? null : Number(sku.low_stock_threshold),
    defaultThreshold,
    levels,
    totals: { onHand: sum((l) => l.onHand), reserved: sum((l) => l.reserved), available: sum((l) => l.available) },
  };
}
