import { eq, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { afterSalesLines, type AfterSalesRequest } from '@/db/schema/after-sales';
import { orders } from '@/db/schema/orders';
import { releaseStock } from '@/domain/inventory/reserve-stock';
import { transitionOrder } from '@/domain/orders/transition-order';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { releasedByAfterSalesSql } from './released-units';

/**
 * A refund-only request whose money goes back gives up the units it names that have not shipped:
 * their reservation is released (ledger rows) and the order no longer ships them. When nothing is
 * left to ship, the order ends as it would have: cancelled when nothing shipped at all, shipped
 * when the rest already left. The order row is locked first, as shipping locks it, so a parcel
 * being shipped at the same moment and this release never count the same unit twice.
 */
export async function releaseUnshippedUnits(
  tx: Database,
  request: AfterSalesRequest,
  actor: Actor,
): Promise<Result<number, 'insufficient_stock' | 'unknown_stock' | 'invalid_transition' | 'conflict' | 'not_found'>> {
  if (request.kind !== 'refund_only') return ok(0);
  const [order] = await tx
    .select({ id: orders.id, number: orders.number, status: orders.status })
    .from(orders)
    .where(eq(orders.id, request.orderId))
    .for('update');
  const rows = await queryRows<{
    id: number;
    order_line_id: number;
    quantity: number;
    sku_id: number | null;
    warehouse_id: number | null;
    unshipped: number;
  }>(
    tx,
    sql`
    select al.id, al.order_line_id, al.quantity, l.sku_id, l.warehouse_id,
      (l.quantity - coalesce((select sum(sl.quantity) from shipment_lines sl where sl.order_line_id = l.id), 0) - ${releasedByAfterSalesSql(sql`l.id`)})::int as unshipped
    from after_sales_lines al join order_lines l on l.id = al.order_line_id
    where al.request_id = ${request.id} order by al.id`,
  );
  const releases = rows
    .map((r) => ({ ...r, release: Math.max(0, Math.min(Number(r.quantity), Number(r.unshipped))) }))
    .filter((r) => r.release > 0);
  if (releases.length === 0) return ok(0);
  if (['paid', 'awaiting_shipment', 'partially_shipped'].includes(order.status)) {
    const stock = releases
      .filter((r) => r.sku_id !== null && r.warehouse_id !== null)
      .map((r) => ({ skuId: Number(r.sku_id), warehouseId: Number(r.warehouse_id), quantity: r.release }));
    const released = await releaseStock(tx, stock, {
      actor,
      orderId: order.id,
      documentType: 'after_sales',
      documentId: request.id,
      reason: `refund only ${request.number}`,
    });
    if (!released.ok)
      return fail(released.code, `Order ${order.number} holds less reserved stock than its lines: ${released.message}`);
  }
  for (const r of releases)
    await tx
      .update(afterSalesLines)
      .set({ releasedQuantity: r.release })
      .where(eq(afterSalesLines.id, Number(r.id)));

  const [left] = await queryRows<{ unshipped: number; shipped: number }>(
    tx,
    sql`
    select coalesce(sum(l.quantity - coalesce((select sum(sl.quantity) from shipment_lines sl where sl.order_line_id = l.id), 0)
      - ${releasedByAfterSalesSql(sql`l.id`)}), 0)::int as unshipped,
      (select count(*) from shipments s where s.order_id = ${order.id})::int as shipped
    from order_lines l where l.order_id = ${order.id}`,
  );
  if (Number(left.unshipped) === 0 && ['paid', 'awaiting_shipment', 'partially_shipped'].includes(order.status)) {
    const to = order.status === 'partially_shipped' ? 'shipped' : 'cancelled';
    const moved = await transitionOrder(tx, {
      orderId: order.id,
      to,
      actor,
      expectedFrom: order.status,
      reason: `after-sales ${request.number}: every unshipped unit refunded`,
      details: { afterSalesRequestId: request.id },
    });
    if (!moved.ok) return moved;
  }
  return ok(releases.reduce((sum, r) => sum + r.release, 0));
}
