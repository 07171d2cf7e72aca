import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { RELEASED_STATUSES } from './after-sales-status';

/** One order line and how much of it is spoken for: bought, shipped, already in after-sales. */
export interface RequestableLine {
  id: number;
  skuId: number | null;
  skuCode: string;
  name: string;
  warehouseId: number | null;
  unitPriceCents: number;
  lineTotalCents: number;
  quantity: number;
  shipped: number;
  /** units in open or completed requests of any kind */
  requested: number;
  /** units in open or completed requests that send goods back (return and refund, exchange) */
  requestedBack: number;
}

const released = sql.join(
  RELEASED_STATUSES.map((s) => sql`${s}::after_sales_status`),
  sql`, `,
);

/**
 * The lines of an order with what may still be requested of them; `excludeRequestId` leaves one
 * request out (when re-checking a request against the others). Read under the order's row lock
 * when the answer decides a write.
 */
export async function listRequestableLines(db: Database, orderId: number): Promise<RequestableLine[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select l.id, l.sku_id, l.sku_code, l.name, l.warehouse_id, l.unit_price_cents, l.line_total_cents, l.quantity,
      coalesce((select sum(sl.quantity) from shipment_lines sl where sl.order_line_id = l.id), 0)::int as shipped,
      coalesce((select sum(al.quantity) from after_sales_lines al join after_sales_requests r on r.id = al.request_id
        where al.order_line_id = l.id and r.status not in (${released})), 0)::int as requested,
      coalesce((select sum(al.quantity) from after_sales_lines al join after_sales_requests r on r.id = al.request_id
        where al.order_line_id = l.id and r.status not in (${released}) and r.kind in ('return_refund', 'exchange')), 0)::int as requested_back
    from order_lines l where l.order_id = ${orderId} order by l.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    skuId: r.sku_id === null ? null : Number(r.sku_id),
    skuCode: String(r.sku_code),
    name: String(r.name),
    warehouseId: r.warehouse_id === null ? null : Number(r.warehouse_id),
    unitPriceCents: Number(r.unit_price_cents),
    lineTotalCents: Number(r.line_total_cents),
    quantity: Number(r.quantity),
    shipped: Number(r.shipped),
    requested: Number(r.requested),
    requestedBack: Number(r.requested_back),
  }));
}

/** How many more units of a line a new request of this kind may name. */
export function maxRequestable(line: RequestableLine, returnsGoods: boolean): number {
  const byQuantity = line.quantity - line.requested;
  return Math.max(0, returnsGoods ? Math.min(byQuantity, line.shipped - line.requestedBack) : byQuantity);
}
