import { z } from 'zod';
import { parseYuanToFen } from '@/domain/shared/money';
import { safeText } from '@/domain/shared/safe-text';
import { barcodeProblem } from './barcode';

/** Message keys of the catalog's validation messages (messages/<locale>/catalog.json). */
export const V = 'catalog.validation';

/** The most a price or cost may be: 10,000,000 yuan (an int column holds ~21 million). */
export const MAX_MONEY_CENTS = 1_000_000_000;
export const MAX_WEIGHT_GRAMS = 1_000_000;
export const MAX_THRESHOLD = 1_000_000;

/** A SKU code (商家编码): upper-cased, letters, digits, '.', '_' and '-', up to 64. */
export const ZSkuCode = safeText()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,63}$/, `${V}.skuCode`);

/** An amount typed in yuan ("79", "79.5", "¥1,299.00") as integer fen; never negative. */
export const ZYuan = z.union([safeText(), z.number()]).transform((value, ctx) => {
  const text = String(value).trim();
  const parsed = parseYuanToFen(text);
  if (text === '' || !parsed.ok || parsed.fen > MAX_MONEY_CENTS) {
    ctx.addIssue({ code: 'custom', message: `${V}.money` });
    return z.NEVER;
  }
  return parsed.fen;
});

/** A whole number typed in a form ("250"), within [min, max]; blank gives `blank`. */
export function wholeNumber<B extends number | null>(min: number, max: number, blank: B, message = `${V}.wholeNumber`) {
  return z
    .union([safeText(), z.number()])
    .optional()
    .transform((value, ctx): number | B => {
      const text = String(value ?? '').trim();
      if (text === '') return blank;
      if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number(text);
    });
}

/** Optional free text: trimmed, blank is null. */
export const optionalText = (max: number) =>
  safeText()
    .trim()
    .max(max, `${V}.tooLong`)
    .optional()
    .transform((v) => (v ? v : null));

/** A checkbox: "on" / "true" / true is checked; absent is not. */
export const ZCheckbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

export const ZId = z.coerce.number().int().positive();

/** Barcode and its "internal code" mark, checked together: a retail code must carry a valid check digit. */
export const ZBarcodeFields = z
  .object({
    barcode: optionalText(32),
    isBarcodeInternal: ZCheckbox,
  })
  .superRefine((value, ctx) => {
    if (value.barcode === null) return;
    const problem = barcodeProblem(value.barcode, value.isBarcodeInternal);
    if (problem) ctx.addIssue({ code: 'custom', path: ['barcode'], message: `${V}.barcode_${problem}` });
  });
