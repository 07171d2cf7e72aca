/**
 * Formats an amount held in integer minor units (fen for CNY) for display, e.g.
 * formatMoney(123456, 'CNY', 'zh-CN') -> "¥1,234.56". The currency decides how many minor units
 * make a major one (CNY 2, JPY 0), so the amount is never treated as a float before this point.
 */
export function formatMoney(cents: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}
