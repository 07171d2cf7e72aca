import { minorUnitsToDecimal, parseYuanToFen } from '@/domain/shared/money';

/**
 * Amounts as the payment providers write them. Alipay sends yuan strings ("0.10", "12.5"),
 * WeChat Pay sends integer fen in JSON, UnionPay sends fen as a digit string ("1000").
 * Everything here is exact: digits are moved as text, never through a float.
 */
export type ProviderAmountError = 'invalid' | 'too_precise' | 'too_large';

// Providers never send signs, spaces, thousands separators or full-width digits: anything else is malformed.
const PROVIDER_YUAN = /^(0|[1-9]\d*)(\.\d+)?$/;
const PROVIDER_FEN = /^(0|[1-9]\d*)$/;
const MAX_DIGITS = 15;

/** "0.10" -> 10, "12.5" -> 1250, "3" -> 300; refuses "-1", "1.005", "1e3", "", " 1". */
export function parseProviderYuan(text: string): { ok: true; fen: number } | { ok: false; error: ProviderAmountError } {
  if (!PROVIDER_YUAN.test(text)) return { ok: false, error: 'invalid' };
  // the shared parser does the exact shift and refuses a third decimal; the strict pattern keeps its leniency out
  const parsed = parseYuanToFen(text);
  return parsed.ok ? { ok: true, fen: parsed.fen } : { ok: false, error: parsed.error };
}

/** "1000" -> 1000 (UnionPay txnAmt/settleAmt); refuses "01", "1.0", "-1", "". */
export function parseProviderFen(text: string): { ok: true; fen: number } | { ok: false; error: ProviderAmountError } {
  if (!PROVIDER_FEN.test(text)) return { ok: false, error: 'invalid' };
  if (text.length > MAX_DIGITS) return { ok: false, error: 'too_large' };
  return { ok: true, fen: Number(text) };
}

/** 10 -> "0.10", 1250 -> "12.50": the two-decimal form Alipay expects in total_amount. */
export function formatFenAsYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a non-negative fen amount: ${fen}`);
  return minorUnitsToDecimal(fen, 2);
}
