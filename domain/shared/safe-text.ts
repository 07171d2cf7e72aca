import { z } from 'zod';

/**
 * The one rule for text that crosses a boundary (forms, API bodies, URL parameters, CSV cells,
 * notifications): no control characters other than tab, line feed and carriage return (browsers
 * send CRLF in text areas), and no lone UTF-16 surrogates. PostgreSQL refuses U+0000 with an
 * error, and the rest has no business in an order; refusing them here turns a 500 into a field message.
 */
const UNSAFE_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The message key (common.validation.unsafeText) every refusal carries, translated by the wrappers. */
export const UNSAFE_TEXT_MESSAGE = 'common.validation.unsafeText';

export function isSafeText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}

/** A string that passes the safe-text rule; chain .trim(), .min(), .max() as on z.string(). */
export function safeText(message?: string) {
  return z.string(message).refine(isSafeText, UNSAFE_TEXT_MESSAGE);
}

/** The zod schema for any free text: use it (or safeText(message)) instead of z.string(). */
export const ZSafeText = safeText();

/**
 * Every path in a parsed JSON value or form ("shipTo.name", "lines.0.note") whose string (or key)
 * breaks the rule. The action and API wrappers run it over the whole input, so a field a schema
 * forgot still answers with a field message instead of reaching the database.
 */
export function findUnsafeText(value: unknown, path: readonly (string | number)[] = [], depth = 0): string[] {
  if (typeof value === 'string') return isSafeText(value) ? [] : [path.join('.') || '_form'];
  if (depth > 64 || value === null || typeof value !== 'object') return [];
  if (typeof File !== 'undefined' && value instanceof File)
    return isSafeText(value.name) ? [] : [path.join('.') || '_form'];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => {
    if (typeof key === 'string' && !isSafeText(key)) return [[...path, '(key)'].join('.')];
    return findUnsafeText(child, [...path, key], depth + 1);
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text kept as received for the record (a provider's raw notification body), where refusing is
 * not an option: NUL, which PostgreSQL cannot store, written as the six characters `\u0000`, and
 * lone surrogates as U+FFFD, so the row is stored instead of the request failing with a 500.
 */
export function toStorableText(value: string): string {
  return value.replace(/\u0000/g, '\\u0000').replace(LONE_SURROGATE, '\uFFFD');
}
