import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { OrderStatus } from '@/db/schema/orders';

/** A parcel that could take a waybill: an order's unshipped units in one warehouse, and what the label needs. */
export interface WaybillParcel {
  orderId: number;
  orderNumber: string;
  status: OrderStatus;
  warehouseId: number | null;
  units: number;
  carrierId: number | null;
  carrierCode: string | null;
  /** the courier collects the order's total with its first parcel (as the labels say); others 0 */
  codAmountCents: number;
  cargo: string;
  recipient: { name: string; mobile: string; printAddr: string };
  sender: { name: string; mobile: string; printAddr: string } | null;
}

/** The parcels still to ship of these orders, one per warehouse, in one query. */
export async function planWaybillParcels(db: Database, orderIds: readonly number[]): Promise<WaybillParcel[]> {
  if (orderIds.length === 0) return [];
  const ids = sql.join(
    orderIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with remaining as (
      select l.order_id, l.warehouse_id, sum(l.quantity - coalesce(s.shipped, 0))::int as units, min(l.name) as cargo,
        count(*)::int as line_count
      from order_lines l
      left join (select order_line_id, sum(quantity) as shipped from shipment_lines group by order_line_id) s on s.order_line_id = l.id
      where l.order_id in (${ids}) and l.quantity > coalesce(s.shipped, 0)
      group by l.order_id, l.warehouse_id
    )
    select o.id, o.number, o.status, o.is_cash_on_delivery, o.total_cents, o.ship_name, o.ship_phone, o.ship_province,
      o.ship_city, o.ship_district, o.ship_street, o.assigned_carrier_id, c.code as carrier_code,
      r.warehouse_id, r.units, r.cargo, r.line_count,
      (select count(*) from shipments sh where sh.order_id = o.id)::int as shipment_count,
      min(r.warehouse_id) over (partition by o.id) as first_warehouse_id,
      w.name as warehouse_name, w.contact_name, w.contact_phone, w.province as w_province, w.city as w_city, w.address as w_address
    from orders o
    join remaining r on r.order_id = o.id
    left join carriers c on c.id = o.assigned_carrier_id
    left join warehouses w on w.id = r.warehouse_id
    order by o.placed_at, o.id, r.warehouse_id`,
  );
  return rows.map((r) => {
    const warehouseId = r.warehouse_id == null ? null : Number(r.warehouse_id);
    const isFirst =
      Number(r.shipment_count) === 0 && warehouseId !== null && warehouseId === Number(r.first_warehouse_id);
    const city = String(r.ship_city) === String(r.ship_province) ? '' : String(r.ship_city);
    return {
      orderId: Number(r.id),
      orderNumber: String(r.number),
      status: r.status as OrderStatus,
      warehouseId,
      units: Number(r.units),
      carrierId: r.assigned_carrier_id == null ? null : Number(r.assigned_carrier_id),
      carrierCode: (r.carrier_code as string | null) ?? null,
      codAmountCents: r.is_cash_on_delivery && isFirst ? Number(r.total_cents) : 0,
      cargo: Number(r.line_count) > 1 ? `${String(r.cargo)} 等` : String(r.cargo),
      recipient: {
        name: String(r.ship_name),
        mobile: String(r.ship_phone),
        printAddr: [r.ship_province, city, r.ship_district ?? '', r.ship_street].filter(Boolean).join(''),
      },
      sender:
        warehouseId === null
          ? null
          : {
              name: String(r.contact_name ?? r.warehouse_name),
              mobile: String(r.contact_phone ?? ''),
              printAddr: [r.w_province, r.w_city, r.w_address].filter(Boolean).join(''),
            },
    };
  });
}
