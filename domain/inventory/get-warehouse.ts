import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { warehouses, type Warehouse } from '@/db/schema/inventory';
import { asc, eq } from 'drizzle-orm';

export interface WarehouseSummary extends Warehouse {
  /** SKUs with a stock row here */
  skuCount: number;
  onHand: number;
  reserved: number;
}

/** Every warehouse with what it holds, active first, by code. */
export async function listWarehouseSummaries(db: Database): Promise<WarehouseSummary[]> {
  const rows = await db.select().from(warehouses).orderBy(asc(warehouses.code));
  const totals = await queryRows<{ warehouse_id: number; skus: number; on_hand: number; reserved: number }>(
    db,
    sql`select warehouse_id, count(*)::int as skus, sum(on_hand)::int as on_hand, sum(reserved)::int as reserved
        from stock_levels group by warehouse_id`,
  );
  const byId = new Map(totals.map((t) => [Number(t.warehouse_id), t]));
  return rows
    .map((w) => {
      const t = byId.get(w.id);
      return {
        ...w,
        skuCount: Number(t?.skus ?? 0),
        onHand: Number(t?.on_hand ?? 0),
        reserved: Number(t?.reserved ?? 0),
      };
    })
    .sort((a, b) => Number(b.isActive) - Number(a.isActive));
}

export interface BinRow {
  skuId: number;
  skuCode: string;
  skuName: string;
  variant: string | null;
  location: string | null;
  onHand: number;
  reserved: number;
}

/** How many bin rows the warehouse page shows at once (sorted by bin, then SKU code). */
export const BIN_PAGE_LIMIT = 200;

/** The SKUs a warehouse holds or has a bin for, by bin then code (the pick list's order); `q` filters by code prefix or bin. */
export async function listBins(db: Database, warehouseId: number, q?: string): Promise<BinRow[]> {
  const filter = q?.trim()
    ? sql`and (s.code like ${`${q
        .trim()
        .toUpperCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or l.location like ${`${q
        .trim()
        .toUpperCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`
    : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.id, s.code, s.name, s.variant, l.location, l.on_hand, l.reserved
        from stock_levels l join skus s on s.id = l.sku_id
        where l.warehouse_id = ${warehouseId} ${filter}
        order by l.location nulls last, s.code limit ${BIN_PAGE_LIMIT}`,
  );
  return rows.map((r) => ({
    skuId: Number(r.id),
    skuCode: String(r.code),
    skuName: String(r.name),
    variant: (r.variant as string | null) ?? null,
    location: (r.location as string | null) ?? null,
    onHand: Number(r.on_hand),
    reserved: Number(r.reserved),
  }));
}

/** One warehouse, or undefined. */
export async function findWarehouse(db: Database, warehouseId: number): Promise<Warehouse | undefined> {
  const [row] = await db.select().from(warehouses).where(eq(warehouses.id, warehouseId));
  return row;
}
