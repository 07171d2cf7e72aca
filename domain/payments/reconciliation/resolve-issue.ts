import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { reconciliationIssues, type ReconciliationIssue } from '@/db/schema/payments';
import { staffUsers } from '@/db/schema/staff';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { recordAudit } from '@/domain/shared/record-audit';

export const ZResolveIssue = z.object({
  issueId: z.number().int().positive(),
  note: z.string().trim().min(1).max(1000),
});

/** Failure codes: `invalid` (no note), `not_found`, `already_resolved`. */
export type ResolveIssueFailure = 'invalid' | 'not_found' | 'already_resolved';

/**
 * Marks an issue resolved with a person's note. Resolving frees its dedupe key (renamed with the
 * issue id) so the same difference, if it comes back, is reported again.
 */
export async function resolveReconciliationIssue(
  db: Database,
  input: { issueId: number; note: string; actor: Actor },
): Promise<Result<ReconciliationIssue, ResolveIssueFailure>> {
  const parsed = ZResolveIssue.safeParse(input);
  if (!parsed.success) return fail('invalid', 'Write a note on how it was resolved', { note: ['note'] });
  const resolved = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(reconciliationIssues)
      .set({
        isResolved: true,
        resolvedAt: new Date(),
        resolvedBy: input.actor.type === 'staff' ? input.actor.id : null,
        resolutionNote: parsed.data.note,
        dedupeKey: sql`${reconciliationIssues.dedupeKey} || ':resolved:' || ${reconciliationIssues.id}`,
      })
      .where(sql`${reconciliationIssues.id} = ${parsed.data.issueId} and not ${reconciliationIssues.isResolved}`)
      .returning();
    if (row) {
      await recordAudit(tx, {
        actorType: input.actor.type,
        actorId: input.actor.id,
        action: 'payments.reconciliation.resolve',
        targetType: 'reconciliation_issue',
        targetId: row.id,
        details: { before: { isResolved: false }, after: { isResolved: true, note: parsed.data.note } },
      });
    }
    return row;
  });
  if (resolved) return ok(resolved);
  const [existing] = await db
    .select({ id: reconciliationIssues.id })
    .from(reconciliationIssues)
    .where(eq(reconciliationIssues.id, parsed.data.issueId));
  return existing
    ? fail('already_resolved', 'This issue was already resolved')
    : fail('not_found', `No issue ${parsed.data.issueId}`);
}

export interface IssueListRow extends ReconciliationIssue {
  orderNumber: string | null;
  resolvedByName: string | null;
}

/** Open issues (or resolved ones), newest first; at most `limit` (the page shows the latest). */
export async function listReconciliationIssues(
  db: Database,
  view: 'open' | 'resolved',
  limit = 200,
): Promise<IssueListRow[]> {
  const rows = await db
    .select({ issue: reconciliationIssues, orderNumber: orders.number, resolvedByName: staffUsers.name })
    .from(reconciliationIssues)
    .leftJoin(orders, eq(orders.id, reconciliationIssues.orderId))
    .leftJoin(staffUsers, eq(staffUsers.id, reconciliationIssues.resolvedBy))
    .where(eq(reconciliationIssues.isResolved, view === 'resolved'))
    .orderBy(desc(reconciliationIssues.createdAt), desc(reconciliationIssues.id))
    .limit(limit);
  return rows.map((row) => ({ ...row.issue, orderNumber: row.orderNumber, resolvedByName: row.resolvedByName }));
}
