import type { Payment } from '@/db/schema/payments';

/**
 * Asking a provider where an attempt stands (alipay.trade.query, GET /v3/pay/transactions/out-trade-no,
 * UnionPay queryTrans txnType 00). The payments flow owns these queries (provider-ports.ts:
 * providerTradeQuery); reconciliation only uses their answer. Without a way to reach the providers
 * (no request context: `noTradeQuery`), stale attempts are left for the next run (counted as
 * skipped), never guessed at.
 */
export type TradeAnswer =
  | { state: 'paid'; providerTxnId: string | null; amountCents: number; paidAt: Date | null }
  | { state: 'pending' }
  | { state: 'closed' }
  | { state: 'not_found' }
  | { state: 'unavailable'; detail: string };

export type TradeQuery = (payment: Payment) => Promise<TradeAnswer>;

export const noTradeQuery: TradeQuery = async () => ({
  state: 'unavailable',
  detail: 'no provider context in this run',
});
