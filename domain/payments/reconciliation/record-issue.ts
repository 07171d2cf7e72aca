import type { Database } from '@/db/client';
import { reconciliationIssues, type PaymentMethod } from '@/db/schema/payments';

/** What kind of difference reconciliation found. */
export const ISSUE_KINDS = [
  'paid_not_recorded', // the provider took the money, the console still shows the attempt unpaid
  'amount_mismatch', // the provider's amount differs from the attempt's
  'refund_state_mismatch', // the provider's refund state differs from ours (e.g. succeeded there, failed here)
  'refund_amount_mismatch', // the provider refunded another amount
  'refund_unknown_at_provider', // a refund we sent is unknown to the provider
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/**
 * Records a finding once: the dedupe key (kind + record) makes the same finding on the next run
 * (or from a notification and a query at once) a no-op while it exists.
 */
export async function recordReconciliationIssue(
  db: Database,
  input: {
    kind: IssueKind;
    method: PaymentMethod;
    paymentId?: number | null;
    refundId?: number | null;
    orderId?: number | null;
    details: Record<string, unknown>;
  },
): Promise<boolean> {
  const subject = input.refundId ? `refund:${input.refundId}` : `payment:${input.paymentId}`;
  const inserted = await db
    .insert(reconciliationIssues)
    .values({
      kind: input.kind,
      method: input.method,
      paymentId: input.paymentId ?? null,
      refundId: input.refundId ?? null,
      orderId: input.orderId ?? null,
      details: input.details,
      dedupeKey: `${input.kind}:${subject}`,
    })
    .onConflictDoNothing()
    .returning({ id: reconciliationIssues.id });
  return inserted.length > 0;
}
