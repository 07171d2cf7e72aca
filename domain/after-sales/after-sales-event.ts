import type { Database } from '@/db/client';
import { afterSalesEvents, type AfterSalesStatus } from '@/db/schema/after-sales';
import type { Actor } from '@/domain/shared/actor';

/** What a timeline row records besides a status change. */
export type AfterSalesEventKind =
  | 'created'
  | 'status_changed'
  | 'return_parcel'
  | 'inspection'
  | 'refund'
  | 'refund_failed'
  | 'overdue'
  | 'replacement';

/** Appends one row to a request's timeline, in the caller's transaction. */
export async function appendAfterSalesEvent(
  db: Database,
  input: {
    requestId: number;
    kind: AfterSalesEventKind;
    actor: Actor;
    from?: AfterSalesStatus | null;
    to?: AfterSalesStatus | null;
    message?: string | null;
    details?: Record<string, unknown> | null;
  },
): Promise<void> {
  await db.insert(afterSalesEvents).values({
    requestId: input.requestId,
    kind: input.kind,
    fromStatus: input.from ?? null,
    toStatus: input.to ?? null,
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorName: input.actor.name,
    message: input.message ?? null,
    details: input.details ?? null,
  });
}
