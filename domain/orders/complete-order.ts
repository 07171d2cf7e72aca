import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { Order } from '@/db/schema/orders';
import { payments } from '@/db/schema/payments';
import type { Actor } from '@/domain/shared/actor';
import { ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { appendOrderEvent, staffIdOf } from './order-event';
import { transitionOrder } from './transition-order';

/** Failure codes: `not_found`; `invalid_transition` / `conflict` (not shipped, or someone completed it first). */
export type CompleteOrderError = 'not_found' | 'invalid_transition' | 'conflict';

/**
 * Completes a shipped order. A cash-on-delivery order was paid at the door: its payment is
 * recorded as succeeded now, in the same transaction, so the books show the money.
 */
export async function completeOrder(
  db: Database,
  input: { orderId: number; actor: Actor; reason?: string },
): Promise<Result<Order, CompleteOrderError>> {
  return inTransaction(db, async (tx) => {
    const moved = await transitionOrder(tx, {
      orderId: input.orderId,
      to: 'completed',
      actor: input.actor,
      requiredFrom: 'shipped',
      reason: input.reason,
    });
    if (!moved.ok) return moved;
    const order = moved.data;
    if (order.isCashOnDelivery) {
      const [paid] = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(and(eq(payments.orderId, order.id), eq(payments.status, 'succeeded')));
      if (!paid) {
        const [payment] = await tx
          .insert(payments)
          .values({
            orderId: order.id,
            method: 'cash_on_delivery',
            status: 'succeeded',
            outTradeNo: `COD-${order.number}`,
            amountCents: order.totalCents,
            currency: order.currency,
            createdBy: staffIdOf(input.actor),
            paidAt: new Date(),
          })
          .returning();
        await appendOrderEvent(tx, {
          orderId: order.id,
          kind: 'payment',
          actor: input.actor,
          details: {
            paymentId: payment.id,
            method: 'cash_on_delivery',
            amountCents: order.totalCents,
            currency: order.currency,
          },
        });
      }
    }
    return ok(order);
  });
}
