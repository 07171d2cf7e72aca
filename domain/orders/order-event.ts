import type { Database } from '@/db/client';
import { orderEvents, type NewOrderEvent } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';

/** Appends one timeline row (notes, tags, payments, shipments) in the caller's transaction. */
export async function appendOrderEvent(
  db: Database,
  input: { orderId: number; kind: NewOrderEvent['kind']; actor: Actor; message?: string | null; details?: Record<string, unknown> | null },
): Promise<void> {
  await db.insert(orderEvents).values({
    orderId: input.orderId, kind: input.kind, actorType: input.actor.type, actorId: input.actor.id, actorName: input.actor.name,
    message: input.message ?? null, details: input.details ?? null,
  });
}

/** The staff id to store in created_by columns, when the actor is a person. */
export function staffIdOf(actor: Actor): number | null {
  return actor.type === 'staff' ? actor.id : null;
}
