import type { Database } from '@/db/client';
import type { Payment } from '@/db/schema/payments';

/**
 * What reconciliation needs from the payments flow: apply what a provider query said about an
 * attempt through the same idempotent path as a notification (provider-ports.ts:
 * paymentsFlowPort, over applyPaymentResult). Tests may stand in for it.
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
