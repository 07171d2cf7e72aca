import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';

/** The queue's URL filters; anything else in the URL is ignored, a malformed value is reported. */
export const ZShippingQueueFilters = z.object({
  warehouse: z.coerce.number().int().positive().optional(),
  /** a carrier id, or "none" for orders no rule assigned */
  carrier: z.union([z.literal('none'), z.coerce.number().int().positive()]).optional(),
  province: z.string().trim().min(1).max(20).optional(),
});
export type TShippingQueueFilters = z.infer<typeof ZShippingQueueFilters>;

/** One parcel waiting to leave: an order's unshipped units in one warehouse. */
export interface QueueOrder {
  id: number;
  number: string;
  status: 'awaiting_shipment' | 'partially_shipped';
  placedAt: Date;
  totalCents: number;
  currency: string;
  shipName: string;
  shipProvince: string;
  shipCity: string;
  itemCount: number;
  /** units not shipped yet from this warehouse */
  remainingUnits: number;
  /** the order's unshipped units leave from this many warehouses (this parcel is one of them) */
  parcelCount: number;
  warehouseId: number | null;
  warehouseName: string | null;
  carrierId: number | null;
  carrierName: string | null;
  carrierNameEn: string | null;
}

export interface QueueGroup {
  warehouseId: number | null;
  warehouseName: string | null;
  carrierId: number | null;
  carrierName: string | null;
  carrierNameEn: string | null;
  orders: QueueOrder[];
}

export const SHIPPING_QUEUE_LIMIT = 300;

/**
 * Parcels waiting to leave (orders awaiting shipment or partially shipped, not archived), oldest
 * first, grouped by the warehouse they leave from and the carrier the rules suggested. A parcel
 * belongs to its warehouse: an order whose unshipped lines sit in two warehouses is listed under
 * both, each with its own units. At most SHIPPING_QUEUE_LIMIT parcels; `isTruncated` says when there were more.
 */
export async function listShippingQueue(
  db: Database,
  filters: TShippingQueueFilters,
): Promise<{ groups: QueueGroup[]; /** distinct orders */ total: number; isTruncated: boolean }> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with queue as (
      select o.id, o.number, o.status, o.placed_at, o.total_cents, o.currency, o.ship_name, o.ship_province, o.ship_city, o.item_count, o.assigned_carrier_id
      from orders o
      where o.status in ('awaiting_shipment', 'partially_shipped') and o.archived_at is null
        ${filters.carrier === 'none' ? sql`and o.assigned_carrier_id is null` : filters.carrier ? sql`and o.assigned_carrier_id = ${filters.carrier}` : sql``}
        ${filters.province ? sql`and o.ship_province like ${`${filters.province.replace(/[%_\\]/g, '\\$&')}%`}` : sql``}
    ), remaining as (
      select l.order_id, l.warehouse_id, sum(l.quantity - coalesce(s.shipped, 0))::int as units,
        (count(*) over (partition by l.order_id))::int as parcels
      from order_lines l join queue q on q.id = l.order_id
      left join (select order_line_id, sum(quantity) as shipped from shipment_lines group by order_line_id) s on s.order_line_id = l.id
      where l.quantity > coalesce(s.shipped, 0)
      group by l.order_id, l.warehouse_id
    )
    select q.*, r.warehouse_id, r.units, r.parcels, w.name as warehouse_name, c.name as carrier_name, c.name_en as carrier_name_en
    from queue q join remaining r on r.order_id = q.id
    left join warehouses w on w.id = r.warehouse_id
    left join carriers c on c.id = q.assigned_carrier_id
    ${filters.warehouse ? sql`where r.warehouse_id = ${filters.warehouse}` : sql``}
    order by q.placed_at, q.id, r.warehouse_id nulls last
    limit ${SHIPPING_QUEUE_LIMIT + 1}`,
  );
  const isTruncated = rows.length > SHIPPING_QUEUE_LIMIT;
  const orders: QueueOrder[] = rows.slice(0, SHIPPING_QUEUE_LIMIT).map((r) => ({
    id: Number(r.id),
    number: String(r.number),
    status: r.status as QueueOrder['status'],
    placedAt: new Date(r.placed_at as string),
    totalCents: Number(r.total_cents),
    currency: String(r.currency),
    shipName: String(r.ship_name),
    shipProvince: String(r.ship_province),
    shipCity: String(r.ship_city),
    itemCount: Number(r.item_count),
    remainingUnits: Number(r.units),
    parcelCount: Number(r.parcels),
    warehouseId: r.warehouse_id == null ? null : Number(r.warehouse_id),
    warehouseName: (r.warehouse_name as string | null) ?? null,
    carrierId: r.assigned_carrier_id == null ? null : Number(r.assigned_carrier_id),
    carrierName: (r.carrier_name as string | null) ?? null,
    carrierNameEn: (r.carrier_name_en as string | null) ?? null,
  }));
  const groups = new Map<string, QueueGroup>();
  for (const order of orders) {
    const key = `${order.warehouseId}:${order.carrierId}`;
    if (!groups.has(key)) {
      groups.set(key, {
        warehouseId: order.warehouseId,
        warehouseName: order.warehouseName,
        carrierId: order.carrierId,
        carrierName: order.carrierName,
        carrierNameEn: order.carrierNameEn,
        orders: [],
      });
    }
    groups.get(key)!.orders.push(order);
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      (a.warehouseName ?? '').localeCompare(b.warehouseName ?? '') ||
      (a.carrierName ?? '~').localeCompare(b.carrierName ?? '~'),
  );
  return { groups: sorted, total: new Set(orders.map((o) => o.id)).size, isTruncated };
}
