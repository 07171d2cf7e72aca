import { parseProviderFen, parseProviderYuan } from './amounts';
import type { ProviderPaymentReport } from '../apply-payment-result';

/**
 * Each provider's words for a trade's state, mapped to ours. Shared by the webhooks and the
 * status queries so both read a provider the same way.
 */
export function alipayState(tradeStatus: string | undefined): ProviderPaymentReport['state'] | undefined {
  switch (tradeStatus) {
    case 'TRADE_SUCCESS':
    case 'TRADE_FINISHED':
      return 'succeeded';
    case 'TRADE_CLOSED':
      return 'closed';
    case 'WAIT_BUYER_PAY':
      return 'pending';
    default:
      return undefined;
  }
}

export function wechatState(tradeState: string): ProviderPaymentReport['state'] {
  switch (tradeState) {
    // REFUND: it was paid, then (partly) refunded; the payment itself succeeded
    case 'SUCCESS':
    case 'REFUND':
      return 'succeeded';
    case 'CLOSED':
    case 'REVOKED':
      return 'closed';
    case 'PAYERROR':
      return 'failed';
    default:
      return 'pending';
  }
}

/** respCode (notification) or origRespCode (query): 00/A6 paid, 03/04/05 still in progress, anything else failed. */
export function unionPayState(code: string | undefined): ProviderPaymentReport['state'] {
  if (code === '00' || code === 'A6') return 'succeeded';
  if (code === '03' || code === '04' || code === '05') return 'pending';
  return 'failed';
}

export function yuanAmount(text: string | undefined): number | null | 'invalid' {
  if (text === undefined || text === '') return null;
  const parsed = parseProviderYuan(text);
  return parsed.ok ? parsed.fen : 'invalid';
}

export function fenAmount(text: string | undefined): number | null | 'invalid' {
  if (text === undefined || text === '') return null;
  const parsed = parseProviderFen(text);
  return parsed.ok ? parsed.fen : 'invalid';
}

/** UnionPay currency codes are ISO 4217 numeric; 156 is CNY. */
export function unionPayCurrency(code: string | undefined): string {
  return code === undefined || code === '156' ? 'CNY' : `ISO${code}`;
}
