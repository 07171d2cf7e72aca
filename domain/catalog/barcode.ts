/**
 * Barcodes a SKU may carry: an EAN-13 or a UPC-A (12 digits) whose last digit is the GS1 check digit,
 * or, when the merchant marks it so, an internal code of their own (letters, digits, - and .).
 */

/** The GS1 check digit for the digits before it (EAN-13: 12 digits, UPC-A: 11). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  // weights 3, 1, 3 ... counted from the rightmost digit of the body
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type BarcodeProblem = 'format' | 'check_digit' | 'internal_format';

/**
 * Why a barcode is refused, or null when it is acceptable. Retail codes are 12 (UPC-A) or 13 (EAN-13)
 * digits with a valid check digit; an internal code is 1-32 letters, digits, '-' or '.'.
 */
export function barcodeProblem(barcode: string, isInternal: boolean): BarcodeProblem | null {
  if (isInternal) return /^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/.test(barcode) ? null : 'internal_format';
  if (!/^\d{12,13}$/.test(barcode)) return 'format';
  const body = barcode.slice(0, -1);
  return gs1CheckDigit(body) === Number(barcode.at(-1)) ? null : 'check_digit';
}

/** An EAN-13 from its first 12 digits (test data and generated codes). */
export function ean13(first12: string): string {
  return `${first12}${gs1CheckDigit(first12)}`;
}
