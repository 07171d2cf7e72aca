import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import { afterSalesLines, afterSalesRequests, type AfterSalesRequest } from '@/db/schema/after-sales';
import { orderLines, orders } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { appendAfterSalesEvent } from './after-sales-event';
import { proposeRefundAmount, type RefundProposal } from './refund-proposal';
import { loadRequest } from './transition-request';

export const ZProposeRefund = z.object({
  requestId: z.number().int().positive(),
  restockingFeeCents: z.number().int().min(0).max(100_000_000),
});
export type TProposeRefund = z.input<typeof ZProposeRefund>;

/**
 * The refund a request should make: refund-only counts the units requested, the other kinds the
 * units received at inspection (missing units are not refunded). Units of the same line in
 * earlier completed requests are counted first, and shipping is refunded once per order.
 */
export async function computeProposal(
  db: Database,
  request: AfterSalesRequest,
  basis: 'requested' | 'received',
  restockingFeeCents = request.restockingFeeCents,
): Promise<RefundProposal> {
  const [order] = await db
    .select({ discountCents: orders.discountCents, shippingCents: orders.shippingCents })
    .from(orders)
    .where(eq(orders.id, request.orderId));
  const lines = await db
    .select({ id: orderLines.id, quantity: orderLines.quantity, lineTotalCents: orderLines.lineTotalCents })
    .from(orderLines)
    .where(eq(orderLines.orderId, request.orderId))
    .orderBy(orderLines.id);
  const own = await db.select().from(afterSalesLines).where(eq(afterSalesLines.requestId, request.id));
  const earlier = await queryRows<{ order_line_id: number; units: number; shipping: boolean }>(
    db,
    sql`
    select al.order_line_id, sum(case when r.kind = 'refund_only' then al.quantity else coalesce(al.received_quantity, 0) end)::int as units,
      bool_or(al.is_seller_fault) as shipping
    from after_sales_lines al join after_sales_requests r on r.id = al.request_id
    where r.order_id = ${request.orderId} and r.id <> ${request.id} and r.refund_id is not null and r.kind in ('refund_only', 'return_refund')
    group by al.order_line_id`,
  );
  const already = new Map(earlier.map((e) => [Number(e.order_line_id), Number(e.units)]));
  return proposeRefundAmount({
    orderLines: lines,
    orderDiscountCents: order.discountCents,
    orderShippingCents: order.shippingCents,
    shippingAlreadyRefunded: earlier.some((e) => e.shipping),
    units: own.map((l) => ({
      orderLineId: l.orderLineId,
      quantity: basis === 'requested' ? l.quantity : (l.receivedQuantity ?? 0),
      alreadyRefunded: already.get(l.orderLineId) ?? 0,
      isSellerFault: l.isSellerFault,
    })),
    restockingFeeCents,
  });
}

/**
 * Proposes (again) the refund of a request awaiting it, with a restocking fee. Failure codes:
 * `invalid`, `not_found`, `invalid_transition` (not waiting for its refund: params.status).
 */
export async function proposeRefund(
  db: Database,
  raw: TProposeRefund & { actor: Actor },
): Promise<Result<RefundProposal, 'invalid' | 'not_found' | 'invalid_transition'>> {
  const parsed = ZProposeRefund.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'The restocking fee is not valid', zodFieldErrors(parsed.error));
  return inTransaction<RefundProposal, 'invalid' | 'not_found' | 'invalid_transition'>(db, async (tx) => {
    const found = await loadRequest(tx, parsed.data.requestId, true);
    if (!found.ok) return found;
    const request = found.data;
    const waiting =
      (request.kind === 'refund_only' && request.status === 'approved') ||
      (request.kind === 'return_refund' && request.status === 'inspected');
    if (!waiting)
      return fail(
        'invalid_transition',
        `request ${request.number} is ${request.status} and is not waiting for its refund`,
        undefined,
        { status: request.status },
      );
    const proposal = await computeProposal(
      tx,
      request,
      request.kind === 'refund_only' ? 'requested' : 'received',
      parsed.data.restockingFeeCents,
    );
    await tx
      .update(afterSalesRequests)
      .set({
        refundProposedCents: proposal.totalCents,
        restockingFeeCents: proposal.restockingFeeCents,
        updatedAt: sql`now()`,
      })
      .where(eq(afterSalesRequests.id, request.id));
    await appendAfterSalesEvent(tx, {
      requestId: request.id,
      kind: 'refund',
      actor: raw.actor,
      message: null,
      details: { proposal },
    });
    return ok(proposal);
  });
}
