import type { Payment } from '@/db/schema/payments';

/**
 * Asking a provider where an attempt stands (alipay.trade.query, GET /v3/pay/transactions/out-trade-no,
 * UnionPay queryTrans txnType 00). The payments flow owns these queries; reconciliation only uses
 * their answer. Until they are wired here, `noTradeQuery` answers `unavailable` and stale attempts
 * are left for the next run (counted as skipped), never guessed at.
 */
export type TradeAnswer =
  | { state: 'paid'; providerTxnId: string | null; amountCents: number; paidAt: Date | null }
  | { state: 'pending' }
  | { state: 'closed' }
  | { state: 'not_found' }
  | { state: 'unavailable'; detail: string };

export type TradeQuery = (payment: Payment) => Promise<TradeAnswer>;

export const noTradeQuery: TradeQuery = async () => ({ state: 'unavailable', detail: 'the provider status query is not wired into reconciliation yet' });
