import type { Database } from '@/db/client';
import { orderEvents, type NewOrderEvent, type OrderStatus } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';

/**
 * THE timeline writer: every row of an order's timeline (status moves, notes, tags, payments,
 * refunds, shipments, edits, archive) is appended here, in the caller's transaction. (Placement's
 * one-statement group insert writes its 'created' rows in SQL, for speed.)
 */
export async function appendOrderEvent(
  db: Database,
  input: {
    orderId: number;
    kind: NewOrderEvent['kind'];
    actor: Actor;
    message?: string | null;
    details?: Record<string, unknown> | null;
    fromStatus?: OrderStatus;
    toStatus?: OrderStatus;
  },
): Promise<void> {
  await db.insert(orderEvents).values({
    orderId: input.orderId,
    kind: input.kind,
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorName: input.actor.name,
    message: input.message ?? null,
    details: input.details ?? null,
    fromStatus: input.fromStatus ?? null,
    toStatus: input.toStatus ?? null,
  });
}

/** The staff id to store in created_by columns, when the actor is a person. */
export function staffIdOf(actor: Actor): number | null {
  return actor.type === 'staff' ? actor.id : null;
}
