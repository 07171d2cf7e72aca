import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { afterSalesRequests, type AfterSalesRequest, type AfterSalesStatus } from '@/db/schema/after-sales';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { appendAfterSalesEvent } from './after-sales-event';
import { canTransition } from './after-sales-status';

/**
 * Failure codes shared by every move:
 * - `not_found`: no such request.
 * - `invalid_transition`: the workflow of its kind does not allow the move from its status (params.status).
 * - `conflict`: someone moved it first; nothing changed (params.status: what it is now).
 */
export type TransitionFailure = 'not_found' | 'invalid_transition' | 'conflict';

export type RequestColumns = Partial<
  Omit<typeof afterSalesRequests.$inferInsert, 'id' | 'status' | 'orderId' | 'kind' | 'number'>
>;

/** The request as it is now, or not_found. */
export async function loadRequest(
  db: Database,
  requestId: number,
  lock = false,
): Promise<Result<AfterSalesRequest, 'not_found'>> {
  const query = db.select().from(afterSalesRequests).where(eq(afterSalesRequests.id, requestId));
  const [row] = lock ? await query.for('update') : await query;
  return row ? ok(row) : fail('not_found', `after-sales request ${requestId} does not exist`);
}

function refused(
  request: Pick<AfterSalesRequest, 'number' | 'status'>,
  code: 'invalid_transition' | 'conflict',
  to: AfterSalesStatus,
) {
  const message =
    code === 'conflict'
      ? `request ${request.number} is now ${request.status}: someone else moved it first`
      : `request ${request.number} is ${request.status} and cannot become ${to}`;
  return fail(code, message, undefined, { status: request.status, number: request.number });
}

/**
 * Moves a request one step, inside the caller's transaction: checks the kind's table, then the
 * conditional UPDATE ... WHERE status = from RETURNING with the extra columns, and the timeline
 * row. Zero rows updated means a concurrent move won: `conflict` with the status it has now, and
 * the caller rolls back whatever else it did.
 */
export async function transitionRequest(
  tx: Database,
  input: {
    request: AfterSalesRequest;
    to: AfterSalesStatus;
    actor: Actor;
    set?: RequestColumns;
    message?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<Result<AfterSalesRequest, TransitionFailure>> {
  const { request, to } = input;
  if (!canTransition(request.kind, request.status, to)) return refused(request, 'invalid_transition', to);
  const closes = to === 'completed' || to === 'rejected' || to === 'cancelled' || to === 'closed';
  const [moved] = await tx
    .update(afterSalesRequests)
    .set({
      ...(closes ? { deadlineAt: null, closedAt: sql`now()` } : {}),
      ...input.set,
      status: to,
      overdueAt: null,
      updatedAt: sql`now()`,
    })
    .where(sql`${afterSalesRequests.id} = ${request.id} and ${afterSalesRequests.status} = ${request.status}`)
    .returning();
  if (!moved) {
    const now = await loadRequest(tx, request.id);
    return now.ok ? refused(now.data, 'conflict', to) : now;
  }
  await appendAfterSalesEvent(tx, {
    requestId: request.id,
    kind: 'status_changed',
    actor: input.actor,
    from: request.status,
    to,
    message: input.message ?? null,
    details: input.details ?? null,
  });
  return ok(moved);
}
