import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { payments, refunds, type Refund } from '@/db/schema/payments';
import { appendOrderEvent } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { canRefundTransition, REFUND_STATUSES, type RefundStatus } from './refund-status';

export interface SettleRefundInput {
  refundId: number;
  outcome: 'succeeded' | 'failed';
  /** the provider's refund id, kept when the provider names one */
  providerRefundId?: string | null;
  /** where we learned it: the gateway's answer, a notification, a status query, reconciliation */
  source: 'gateway' | 'notification' | 'query' | 'reconciliation' | 'manual';
  /** the provider's words for a failure (sub_code, refund_status, respMsg) */
  detail?: string;
  actor: Actor;
}

/**
 * Failure codes: `not_found`; `conflict`: the refund already ended the other way (params.status),
 * which reconciliation records as a mismatch for a person.
 */
export type SettleRefundFailure = 'not_found' | 'conflict';

// the statuses a refund may end from, read off the refund transition table (today: pending only)
const SETTLES_FROM: Record<SettleRefundInput['outcome'], RefundStatus[]> = {
  succeeded: REFUND_STATUSES.filter((from) => canRefundTransition(from, 'succeeded')),
  failed: REFUND_STATUSES.filter((from) => canRefundTransition(from, 'failed')),
};

/**
 * Ends a pending refund, once: the conditional update (`WHERE status IN` the statuses the table lets end) lets exactly
 * one of many concurrent notifications, queries and answers move it and write the timeline row.
 * The same outcome again is a no-op (`changed: false`).
 */
export async function settleRefund(
  db: Database,
  input: SettleRefundInput,
): Promise<Result<{ refund: Refund; changed: boolean }, SettleRefundFailure>> {
  return inTransaction<{ refund: Refund; changed: boolean }, SettleRefundFailure>(db, async (tx) => {
    const [moved] = await tx
      .update(refunds)
      .set({
        status: input.outcome,
        completedAt: new Date(),
        providerRefundId: input.providerRefundId ? input.providerRefundId : sql`${refunds.providerRefundId}`,
      })
      .where(and(eq(refunds.id, input.refundId), inArray(refunds.status, SETTLES_FROM[input.outcome])))
      .returning();
    if (!moved) {
      const [current] = await tx.select().from(refunds).where(eq(refunds.id, input.refundId));
      if (!current) return fail('not_found', `No refund ${input.refundId}`);
      if (current.status === input.outcome) return ok({ refund: current, changed: false });
      return fail('conflict', `Refund ${current.outRefundNo} is already ${current.status}`, undefined, {
        status: current.status,
      });
    }
    const [payment] = await tx
      .select({ method: payments.method })
      .from(payments)
      .where(eq(payments.id, moved.paymentId));
    await appendOrderEvent(tx, {
      orderId: moved.orderId,
      kind: 'refund',
      actor: input.actor,
      message: input.detail ?? moved.reason,
      details: {
        refundId: moved.id,
        paymentId: moved.paymentId,
        method: payment?.method,
        amountCents: moved.amountCents,
        currency: moved.currency,
        status: input.outcome,
        source: input.source,
        ...(moved.providerRefundId ? { providerRefundId: moved.providerRefundId } : {}),
      },
    });
    return ok({ refund: moved, changed: true });
  });
}
