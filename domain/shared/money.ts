/**
 * Money is stored and moved as integer minor units (fen for CNY, cents for USD) with a currency
 * beside it; floats appear nowhere. This module formats and sums such amounts.
 */

/** An amount in minor units of `currency` (ISO 4217, e.g. 'CNY'). */
export interface Money {
  cents: number;
  currency: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

function assertMinorUnits(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money amounts are integer minor units, got ${cents}`);
}

/**
 * Formats integer minor units for display, e.g. formatMoney(123456, 'CNY', 'zh-CN') -> "¥1,234.56".
 * The amount goes to Intl as an exact decimal string, so large amounts never pass through a float.
 */
export function formatMoney(cents: number, currency: string, locale: string): string {
  assertMinorUnits(cents);
  const formatter = formatterFor(currency, locale);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnitsToDecimal(cents, digits) as Intl.StringNumericLiteral);
}

/** "-1234.56" from -123456 with 2 fraction digits; exact for every safe integer. */
export function minorUnitsToDecimal(cents: number, fractionDigits: number): string {
  assertMinorUnits(cents);
  const negative = cents < 0;
  const digits = Math.abs(cents)
    .toString()
    .padStart(fractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - fractionDigits);
  const fraction = digits.slice(digits.length - fractionDigits);
  return `${negative ? '-' : ''}${whole}${fractionDigits > 0 ? `.${fraction}` : ''}`;
}

/** Sums amounts of one currency; mixing currencies is a bug, so it throws. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  let total = 0;
  for (const amount of amounts) {
    if (amount.currency !== currency) {
      throw new Error(`cannot add ${amount.currency} to ${currency}`);
    }
    assertMinorUnits(amount.cents);
    total += amount.cents;
  }
  assertMinorUnits(total);
  return { cents: total, currency };
}

/** Sums plain minor-unit integers (one currency implied by the caller). */
export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    assertMinorUnits(value);
    total += value;
  }
  assertMinorUnits(total);
  return total;
}

/** Why a typed-in amount was refused (see parseYuanToFen). */
export type AmountParseError = 'invalid' | 'too_precise' | 'too_large';

const DECIMAL_AMOUNT = /^(\d+)(?:\.(\d*))?$/;

/**
 * Reads an amount typed in yuan ("12.5", "12.50", "0.05", "1,234.5") as integer fen (1250),
 * exactly: the digits are shifted as text, never through a float. Refuses negative numbers,
 * more than 2 decimals ("0.005" is not a price), and amounts past exact integers. Empty text is
 * zero: a blank discount or shipping fee means none.
 */
export function parseYuanToFen(text: string): { ok: true; fen: number } | { ok: false; error: AmountParseError } {
  // full-width digits and the decimal point of a Chinese input method are common in typed amounts
  const normalized = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/^[¥￥]\s*/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '')
    .replace(/^\.(?=\d)/, '0.');
  if (normalized === '') return { ok: true, fen: 0 };
  const match = DECIMAL_AMOUNT.exec(normalized);
  if (!match) return { ok: false, error: 'invalid' };
  const [, whole, fraction = ''] = match;
  if (fraction.length > 2) return { ok: false, error: 'too_precise' };
  const digits = `${whole}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  // 15 digits of fen stay well inside Number.MAX_SAFE_INTEGER (and any real order)
  if (digits.length > 15) return { ok: false, error: 'too_large' };
  return { ok: true, fen: Number(digits) };
}
