import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { StockMovement } from '@/db/schema';

export const LEDGER_PAGE_SIZE = 50;

export interface StockMovementRow {
  id: number;
  createdAt: Date;
  kind: StockMovement['kind'];
  warehouseId: number;
  warehouseCode: string;
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  unitCostCents: number | null;
  order: { id: number; number: string } | null;
  documentType: string | null;
  documentId: string | null;
  actor: { type: StockMovement['actorType']; id: number | null; name: string | null };
  reason: string | null;
}

export interface StockMovementPage {
  rows: StockMovementRow[];
  /** id to pass as `beforeId` for the next (older) page, null on the last one */
  nextBeforeId: number | null;
}

/**
 * The ledger of one SKU (optionally one warehouse), newest first, a page at a time: keyset on the
 * movement id, served by stock_movements_sku_idx (sku_id, warehouse_id, id).
 */
export async function listStockMovements(
  db: Database,
  input: {
    skuId: number;
    warehouseId?: number;
    beforeId?: number;
    pageSize?: number;
  },
): Promise<StockMovementPage> {
  const pageSize = Math.min(Math.max(input.pageSize ?? LEDGER_PAGE_SIZE, 1), 200);
  const where: SQL[] = [sql`m.sku_id = ${input.skuId}`];
  if (input.warehouseId) where.push(sql`m.warehouse_id = ${input.warehouseId}`);
  if (input.beforeId) where.push(sql`m.id < ${input.beforeId}`);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select m.id, m.created_at, m.kind, m.warehouse_id, w.code as warehouse_code, m.on_hand_delta, m.reserved_delta,
           m.on_hand_after, m.reserved_after, m.unit_cost_cents, m.order_id, o.number as order_number,
           m.document_type, m.document_id, m.actor_type, m.actor_id, st.name as actor_name, m.reason
    from stock_movements m
    join warehouses w on w.id = m.warehouse_id
    left join orders o on o.id = m.order_id
    left join staff_users st on m.actor_type = 'staff' and st.id = m.actor_id
    where ${sql.join(where, sql` and `)}
    order by m.id desc
    limit ${pageSize + 1}`,
  );
  const page = rows.slice(0, pageSize).map((r): StockMovementRow => ({
    id: Number(r.id),
    createdAt: new Date(r.created_at as string),
    kind: r.kind as StockMovementRow['kind'],
    warehouseId: Number(r.warehouse_id),
    warehouseCode: String(r.warehouse_code),
    onHandDelta: Number(r.on_hand_delta),
    reservedDelta: Number(r.reserved_delta),
    onHandAfter: Number(r.on_hand_after),
    reservedAfter: Number(r.reserved_after),
    unitCostCents: r.unit_cost_cents === null ? null : Number(r.unit_cost_cents),
    order: r.order_id === null ? null : { id: Number(r.order_id), number: String(r.order_number ?? r.order_id) },
    documentType: (r.document_type as string | null) ?? null,
    documentId: (r.document_id as string | null) ?? null,
    actor: {
      type: r.actor_type as StockMovementRow['actor']['type'],
      id: r.actor_id === null ? null : Number(r.actor_id),
      name: (r.actor_name as string | null) ?? null,
    },
    reason: (r.reason as string | null) ?? null,
  }));
  return { rows: page, nextBeforeId: rows.length > pageSize ? page[page.length - 1].id : null };
}
