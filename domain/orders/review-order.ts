import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders, type Order } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import type { Result } from '@/domain/shared/result';
import { ok } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { transitionOrder } from './transition-order';

/** Failure codes: `not_found`; `invalid_transition` / `conflict` (not paid any more; the message names the status). */
export type ReviewOrderError = 'not_found' | 'invalid_transition' | 'conflict';

/**
 * Approves a paid order for shipping: paid -> awaiting shipment, and it leaves the needs-review
 * queue. Done by a person from the order page or in bulk, or by the system when auto-review passes.
 */
export async function reviewOrder(
  db: Database,
  input: { orderId: number; actor: Actor; reason?: string },
): Promise<Result<Order, ReviewOrderError>> {
  return inTransaction(db, async (tx) => {
    const moved = await transitionOrder(tx, {
      orderId: input.orderId,
      to: 'awaiting_shipment',
      actor: input.actor,
      requiredFrom: 'paid',
      reason: input.reason,
    });
    if (!moved.ok) return moved;
    const [order] = await tx.update(orders).set({ needsReview: false }).where(eq(orders.id, input.orderId)).returning();
    return ok(order);
  });
}
