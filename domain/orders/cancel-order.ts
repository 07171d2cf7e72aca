import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { cancelOrderWaybills } from '@/domain/logistics/waybills/cancel-order-waybills';
import type { WaybillSetup } from '@/domain/logistics/waybills/waybill-config';
import { queryRows, type Database } from '@/db/client';
import type { Order } from '@/db/schema/orders';
import { refunds, type Refund } from '@/db/schema/payments';
import { releasedByAfterSalesSql } from '@/domain/after-sales/released-units';
import { releaseStock, type StockLine } from '@/domain/inventory/reserve-stock';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { safeText } from '@/domain/shared/safe-text';
import { zodFieldErrors } from '@/domain/shared/validation';
import { appendOrderEvent } from './order-event';
import { ZId } from './order-input';
import { MAX_CANCEL_REASON_LENGTH } from './text-limits';
import type { OrderStatus } from './order-status';
import { transitionOrder } from './transition-order';

/** The cancel reason's one rule (order page, bulk cancel, REST API, sweeps). */
export const ZCancelReason = safeText('orders.actions.validation.reason')
  .trim()
  .min(1, 'orders.actions.validation.reason')
  .max(MAX_CANCEL_REASON_LENGTH, 'orders.actions.validation.reasonTooLong');
export const ZCancelOrderInput = z.object({ orderId: z.coerce.number().pipe(ZId), reason: ZCancelReason });
export type TCancelOrderInput = z.input<typeof ZCancelOrderInput>;

export interface CancelOrderInput {
  orderId: number;
  /** required, 1..MAX_CANCEL_REASON_LENGTH characters; on the timeline, the order and any refund */
  reason: string;
  actor: Actor;
  /** the status the caller saw (bulk actions, sweeps): cancel only if the order is still in it */
  expectedFrom?: OrderStatus;
  /** who cancels the order's unused e-waybills afterwards: omitted, the configured provider */
  waybills?: WaybillSetup | null;
}

export interface CancelledOrder {
  order: Order;
  /** the stock given back, per SKU and warehouse */
  released: StockLine[];
  /** the refund owed to the buyer when the order had been paid; pending until the payments flow pays it out */
  refund: Refund | null;
}

/**
 * Failure codes:
 * - `invalid`: reason missing or too long (fieldErrors.reason).
 * - `not_found`, `invalid_transition` (e.g. already shipped: after-sales handles it), `conflict`
 *   (someone moved it first): see transitionOrder; params.status is the current status.
 * - `insufficient_stock`: less is reserved than the order holds (inconsistent data); nothing changed.
 */
export type CancelOrderFailure = 'invalid' | 'not_found' | 'invalid_transition' | 'conflict' | 'insufficient_stock';

/**
 * Cancels an order in one transaction: the move to cancelled (the table allows it from
 * pending_payment, paid and awaiting_shipment), the release of the stock reserved for unshipped
 * quantities, and for a paid order a pending refund of what was paid and not yet refunded, recorded
 * as owed with the cancel reason. COD orders have no payment before delivery, so no refund.
 */
export async function cancelOrder(
  db: Database,
  input: CancelOrderInput,
): Promise<Result<CancelledOrder, CancelOrderFailure>> {
  const parsed = ZCancelOrderInput.safeParse({ orderId: input.orderId, reason: input.reason });
  if (!parsed.success) return fail('invalid', 'A cancellation needs a reason', zodFieldErrors(parsed.error));
  const { orderId, reason } = parsed.data;
  const { actor } = input;

  const cancelled = await inTransaction<CancelledOrder, CancelOrderFailure>(db, async (tx) => {
    const moved = await transitionOrder(tx, {
      orderId,
      to: 'cancelled',
      actor,
      reason,
      expectedFrom: input.expectedFrom,
    });
    if (!moved.ok) return moved;
    const order = moved.data;

    const unshipped = await queryRows<{ sku_id: number; warehouse_id: number; quantity: number }>(
      tx,
      sql`
      select l.sku_id, l.warehouse_id, (l.quantity - coalesce((select sum(sl.quantity) from shipment_lines sl where sl.order_line_id = l.id), 0)
        - ${releasedByAfterSalesSql(sql`l.id`)})::int as quantity
      from order_lines l
      where l.order_id = ${orderId} and l.sku_id is not null and l.warehouse_id is not null`,
    );
    const released = unshipped
      .map((r) => ({ skuId: Number(r.sku_id), warehouseId: Number(r.warehouse_id), quantity: Number(r.quantity) }))
      .filter((l) => l.quantity > 0);
    const release = await releaseStock(tx, released, {
      actor,
      orderId,
      documentType: 'order',
      documentId: order.number,
      reason,
    });
    if (!release.ok)
      return fail(
        'insufficient_stock',
        `Order ${order.number} holds less reserved stock than its lines: ${release.message}`,
      );

    const refund = await recordOwedRefund(tx, order, reason, actor);
    return ok({ order, released, refund });
  });
  // after the commit: the carrier is told its waybills for this order will not be used
  if (cancelled.ok) await cancelOrderWaybills(db, { orderId, actor, setup: input.waybills });
  return cancelled;
}

/** The succeeded payment, minus what was already refunded, becomes one pending refund. */
async function recordOwedRefund(tx: Database, order: Order, reason: string, actor: Actor): Promise<Refund | null> {
  // the payment row lock is the one refunds queue on (requestRefund takes it too); the sum is read
  // after it, in its own statement, so it sees every refund committed while we waited
  const [payment] = await queryRows<{ id: number; amount_cents: number; currency: string }>(
    tx,
    sql`
    select p.id, p.amount_cents, p.currency from payments p where p.order_id = ${order.id} and p.status = 'succeeded' for update`,
  );
  if (!payment) return null;
  const [{ refunded }] = await queryRows<{ refunded: number }>(
    tx,
    sql`
    select coalesce(sum(amount_cents), 0)::int as refunded from refunds where payment_id = ${payment.id} and status <> 'failed'`,
  );
  const owed = Number(payment.amount_cents) - Number(refunded);
  if (owed <= 0) return null;
  const [refund] = await tx
    .insert(refunds)
    .values({
      paymentId: Number(payment.id),
      orderId: order.id,
      outRefundNo: `RF${order.number}C`,
      amountCents: owed,
      currency: payment.currency,
      status: 'pending',
      reason,
      createdBy: actor.type === 'staff' ? actor.id : null,
    })
    .returning();
  await appendOrderEvent(tx, {
    orderId: order.id,
    kind: 'refund',
    actor,
    message: reason,
    details: { refundId: refund.id, amountCents: owed, currency: payment.currency, status: 'pending', owed: true },
  });
  return refund;
}
