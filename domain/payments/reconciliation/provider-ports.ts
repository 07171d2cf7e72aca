import type { Database } from '@/db/client';
import { applyPaymentResult } from '@/domain/payments/apply-payment-result';
import { isProviderMethod, type PaymentsRequestContext } from '@/domain/payments/attempts';
import { readProviderStatus } from '@/domain/payments/query-payment-status';
import type { ApplyOutcome, PaymentResultPort, ProviderTradeResult } from './apply-port';
import type { TradeQuery } from './trade-query-port';

/** Reconciliation's questions go to the providers through the payments flow's own status query. */
export function providerTradeQuery(ctx: PaymentsRequestContext): TradeQuery {
  return async (payment) => {
    if (!isProviderMethod(payment.method)) return { state: 'unavailable', detail: `${payment.method} has no provider` };
    const read = await readProviderStatus(ctx, payment);
    if (!read.ok) {
      return read.code === 'unknown_out_trade_no'
        ? { state: 'not_found' }
        : { state: 'unavailable', detail: `${read.code}: ${read.message}` };
    }
    const { report } = read.data;
    if (report.state === 'succeeded') {
      return {
        state: 'paid',
        providerTxnId: report.providerTxnId,
        amountCents: report.amountCents ?? payment.amountCents,
        paidAt: report.paidAt,
      };
    }
    return report.state === 'pending' ? { state: 'pending' } : { state: 'closed' };
  };
}

/**
 * ...and their answers change the books only through applyPaymentResult, the path notifications
 * take (paid once, late successes flagged for refund, duplicates ignored).
 */
export const paymentsFlowPort: PaymentResultPort = {
  async applyPaymentResult(db: Database, result: ProviderTradeResult): Promise<ApplyOutcome> {
    const { payment } = result;
    if (!isProviderMethod(payment.method)) return 'recorded_for_review';
    const applied = await applyPaymentResult(db, {
      method: payment.method,
      outTradeNo: payment.outTradeNo,
      merchantId: payment.merchantId ?? '',
      providerTxnId: result.providerTxnId,
      state: result.state === 'paid' ? 'succeeded' : 'closed',
      amountCents: result.amountCents,
      currency: payment.currency,
      paidAt: result.paidAt,
      source: 'query',
    });
    if (!applied.ok) throw new Error(`reconciling ${payment.outTradeNo}: ${applied.code}: ${applied.message}`);
    const outcome = applied.data.outcome;
    return outcome === 'paid' || outcome === 'late_success' || outcome === 'closed' || outcome === 'failed'
      ? 'applied'
      : 'duplicate';
  },
};
