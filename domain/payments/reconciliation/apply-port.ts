import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { payments, type Payment } from '@/db/schema/payments';
import { recordReconciliationIssue } from './record-issue';

/**
 * What reconciliation needs from the payments flow: apply what a provider query said about an
 * attempt through the same idempotent path as a notification. The payments flow
 * (applyPaymentResult) implements this; until it is wired here, `recordOnlyPaymentPort` stands in:
 * it closes attempts the provider closed, and records a success it cannot apply as a
 * `paid_not_recorded` issue for a person, so no paid trade goes unnoticed.
 */
export interface ProviderTradeResult {
  payment: Payment;
  state: 'paid' | 'closed';
  providerTxnId: string | null;
  amountCents: number | null;
  paidAt: Date | null;
}

export type ApplyOutcome = 'applied' | 'duplicate' | 'recorded_for_review';

export interface PaymentResultPort {
  applyPaymentResult(db: Database, result: ProviderTradeResult): Promise<ApplyOutcome>;
}

export const recordOnlyPaymentPort: PaymentResultPort = {
  async applyPaymentResult(db, result) {
    if (result.state === 'closed') {
      const closed = await db.update(payments).set({ status: 'closed', closedAt: new Date() })
        .where(sql`${payments.id} = ${result.payment.id} and ${payments.status} = 'pending'`).returning({ id: payments.id });
      return closed.length > 0 ? 'applied' : 'duplicate';
    }
    const isNew = await recordReconciliationIssue(db, {
      kind: 'paid_not_recorded', method: result.payment.method, paymentId: result.payment.id, orderId: result.payment.orderId,
      details: { outTradeNo: result.payment.outTradeNo, providerTxnId: result.providerTxnId, amountCents: result.amountCents, paidAt: result.paidAt?.toISOString() ?? null },
    });
    return isNew ? 'recorded_for_review' : 'duplicate';
  },
};
