import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders, type Order } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import { assignCarrierToOrder } from '@/domain/logistics/assign-carrier';
import { fail, ok, type Result } from '@/domain/shared/result';
import { appendOrderEvent } from './order-event';
import { canTransition, type OrderStatus } from './order-status';

export interface TransitionOrderInput {
  orderId: number;
  to: OrderStatus;
  actor: Actor;
  /** shown on the timeline; for a cancellation also stored as the order's cancel_reason */
  reason?: string | null;
  /** extra facts for the timeline row (payment id, shipment id...) */
  details?: Record<string, unknown> | null;
  /** the status the caller saw; the move only happens if the order is still in it */
  expectedFrom?: OrderStatus;
  /** the one status this operation moves from (review: paid); any other is `invalid_transition`, never `conflict` */
  requiredFrom?: OrderStatus;
}

/**
 * Failure codes (params.status is the order's current status, params.to the requested one):
 * - `not_found`: no such order.
 * - `invalid_transition`: ORDER_TRANSITIONS does not allow current -> to (message names both),
 *   whether the order was already there or got there while this move waited.
 * - `conflict`: the order left the status the caller saw (expectedFrom) for one from which the move
 *   would still be allowed: the caller decided on a stale view and should look again.
 */
export type TransitionFailure = 'not_found' | 'invalid_transition' | 'conflict';

const TIMESTAMP_OF: Partial<Record<OrderStatus, keyof Order>> = {
  paid: 'paidAt',
  shipped: 'shippedAt',
  completed: 'completedAt',
  cancelled: 'cancelledAt',
};

/**
 * Moves an order along the transition table, inside the caller's transaction: ONE conditional
 * UPDATE (WHERE status = from, so a concurrent move makes it match nothing), then the timeline
 * row. The caller applies the effects (stock, payments) in the same transaction.
 */
export async function transitionOrder(
  tx: Database,
  input: TransitionOrderInput,
): Promise<Result<Order, TransitionFailure>> {
  let from = input.requiredFrom ?? input.expectedFrom;
  if (from === undefined) {
    const [current] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, input.orderId));
    if (!current) return fail('not_found', `Order #${input.orderId} does not exist`);
    from = current.status;
  }
  if (!canTransition(from, input.to)) {
    return fail('invalid_transition', `An order that is ${from} cannot become ${input.to}`, undefined, {
      status: from,
      to: input.to,
    });
  }

  const stamp = TIMESTAMP_OF[input.to];
  const [moved] = await tx
    .update(orders)
    .set({
      status: input.to,
      ...(stamp ? { [stamp]: sql`now()` } : {}),
      ...(input.to === 'cancelled' ? { cancelReason: input.reason ?? null } : {}),
      updatedAt: sql`now()`,
      version: sql`${orders.version} + 1`,
    })
    .where(sql`${orders.id} = ${input.orderId} and ${orders.status} = ${from}`)
    .returning();

  if (!moved) {
    const [now] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, input.orderId));
    if (!now) return fail('not_found', `Order #${input.orderId} does not exist`);
    // the same illegal move answers the same code, however the order reached its status
    if (input.requiredFrom !== undefined || !canTransition(now.status, input.to)) {
      return fail('invalid_transition', `An order that is ${now.status} cannot become ${input.to}`, undefined, {
        status: now.status,
        to: input.to,
      });
    }
    return fail(
      'conflict',
      `The order is now ${now.status}, no longer ${from}: someone else changed it first`,
      undefined,
      { status: now.status, to: input.to },
    );
  }

  await appendOrderEvent(tx, {
    orderId: input.orderId,
    kind: 'status_changed',
    fromStatus: from,
    toStatus: input.to,
    actor: input.actor,
    message: input.reason ?? null,
    details: input.details ?? null,
  });
  // the one place an order reaches awaiting shipment by a move (review, auto-review); cash on delivery is created there
  if (input.to === 'awaiting_shipment')
    return ok({ ...moved, assignedCarrierId: await assignCarrierToOrder(tx, input.orderId) });
  return ok(moved);
}
