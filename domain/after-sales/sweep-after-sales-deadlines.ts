import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { afterSalesRequests, type AfterSalesRequest } from '@/db/schema/after-sales';
import { sweepInBatches, type SweepOptions, type SweepOutcome } from '@/domain/automation/sweep';
import { getSetting } from '@/domain/settings/get-setting';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import type { Result } from '@/domain/shared/result';
import { appendAfterSalesEvent } from './after-sales-event';
import { approveRequestIn } from './approve-after-sales-request';
import { endRequestIn } from './cancel-after-sales-request';
import { computeProposal } from './propose-refund';
import { loadRequest } from './transition-request';

/** An operation's failure rolls its savepoint back (a conflict wrote nothing and is only skipped). */
function outcomeOf(result: Result<unknown>): SweepOutcome {
  if (result.ok) return 'succeeded';
  if (result.code === 'conflict' || result.code === 'invalid_transition') return 'skipped';
  throw new Error(result.message);
}

async function flagOverdue(tx: Database, request: AfterSalesRequest, now: Date): Promise<SweepOutcome> {
  const flagged = await tx
    .update(afterSalesRequests)
    .set({ overdueAt: now })
    .where(
      sql`${afterSalesRequests.id} = ${request.id} and ${afterSalesRequests.status} = ${request.status} and ${afterSalesRequests.overdueAt} is null`,
    )
    .returning({ id: afterSalesRequests.id });
  if (flagged.length === 0) return 'skipped';
  await appendAfterSalesEvent(tx, {
    requestId: request.id,
    kind: 'overdue',
    actor: SYSTEM_ACTOR,
    details: { status: request.status, deadlineAt: request.deadlineAt?.toISOString() ?? null },
  });
  return 'held';
}

/**
 * Acts on after-sales deadlines that passed (settings `after_sales_deadlines`): an undecided
 * refund-only request up to the configured amount is approved, other undecided requests are
 * flagged overdue; a return parcel never sent closes the request; a delivered return not
 * received in time is flagged overdue (never refunded without a person's inspection). Rows are
 * claimed FOR UPDATE SKIP LOCKED, so several instances share the work, and each move is the same
 * conditional update a person's action makes: of the sweep and a person, exactly one wins.
 */
export async function sweepAfterSalesDeadlines(db: Database, options: SweepOptions & { now?: Date } = {}) {
  const rules = await getSetting(db, 'after_sales_deadlines');
  const now = options.now ?? new Date();
  return sweepInBatches(
    db,
    async (tx, limit, excludeIds) => {
      const rows = await queryRows<{ id: string | number }>(
        tx,
        sql`
      select id from after_sales_requests
      where deadline_at <= ${now.toISOString()}::timestamptz and overdue_at is null
        and status in ('requested', 'awaiting_return', 'return_in_transit')
        and id <> all(${`{${excludeIds.join(',')}}`}::bigint[])
      order by deadline_at
      limit ${limit}
      for update skip locked`,
      );
      return rows.map((r) => Number(r.id));
    },
    async (tx, requestId) => {
      const found = await loadRequest(tx, requestId);
      if (!found.ok) return 'skipped';
      const request = found.data;
      if (request.deadlineAt === null || request.deadlineAt > now || request.overdueAt !== null) return 'skipped';
      switch (request.status) {
        case 'requested': {
          const max = rules.autoApproveRefundOnlyMaxCents;
          if (
            request.kind === 'refund_only' &&
            max > 0 &&
            (await computeProposal(tx, request, 'requested')).totalCents <= max
          ) {
            return outcomeOf(
              await approveRequestIn(
                tx,
                request,
                SYSTEM_ACTOR,
                rules,
                'decision deadline passed: approved automatically',
              ),
            );
          }
          return flagOverdue(tx, request, now);
        }
        case 'awaiting_return':
          return outcomeOf(
            await endRequestIn(tx, request, 'closed', SYSTEM_ACTOR, 'the return parcel was not sent in time'),
          );
        case 'return_in_transit':
          return flagOverdue(tx, request, now);
        default:
          return 'skipped';
      }
    },
    options,
  );
}
