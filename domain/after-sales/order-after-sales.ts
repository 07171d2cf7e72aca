import { desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { afterSalesRequests, type AfterSalesKind, type AfterSalesStatus } from '@/db/schema/after-sales';
import { isClosedStatus } from './after-sales-status';
import { listRequestableLines, maxRequestable } from './request-lines';

/** The order's after-sales badge, derived from its requests and their refunds (never stored on the order). */
export type AfterSalesSummary = 'none' | 'in_progress' | 'partly_refunded' | 'refunded' | 'returned';

/** Derives the badge: open requests win; then money refunded against the order total; then goods back. */
export function summarizeAfterSales(
  requests: readonly { kind: AfterSalesKind; status: AfterSalesStatus }[],
  refundedCents: number,
  orderTotalCents: number,
): AfterSalesSummary {
  if (requests.some((r) => !isClosedStatus(r.status))) return 'in_progress';
  if (refundedCents > 0) return refundedCents >= orderTotalCents ? 'refunded' : 'partly_refunded';
  if (requests.some((r) => r.status === 'completed')) return 'returned';
  return 'none';
}

/** The order page's after-sales: its requests, the badge, and per line how much each kind may still request. */
export async function getOrderAfterSales(db: Database, orderId: number) {
  const [requests, lines, [money]] = await Promise.all([
    db
      .select({
        id: afterSalesRequests.id,
        number: afterSalesRequests.number,
        kind: afterSalesRequests.kind,
        status: afterSalesRequests.status,
        createdAt: afterSalesRequests.createdAt,
      })
      .from(afterSalesRequests)
      .where(eq(afterSalesRequests.orderId, orderId))
      .orderBy(desc(afterSalesRequests.id)),
    listRequestableLines(db, orderId),
    queryRows<{ refunded: number; total: number }>(
      db,
      sql`
      select coalesce((select sum(f.amount_cents) from after_sales_requests r join refunds f on f.id = r.refund_id
        where r.order_id = ${orderId} and f.status = 'succeeded'), 0)::int as refunded,
        (select total_cents from orders where id = ${orderId})::int as total`,
    ),
  ]);
  return {
    requests,
    summary: summarizeAfterSales(requests, Number(money?.refunded ?? 0), Number(money?.total ?? 0)),
    lines: lines.map((l) => ({
      id: l.id,
      label: `${l.skuCode} ${l.name}`,
      maxAny: maxRequestable(l, false),
      maxBack: maxRequestable(l, true),
    })),
  };
}
