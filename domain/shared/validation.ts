import type { z } from 'zod';

/**
 * The message list of one field path in a field-error record, created when missing. Always an own
 * property, so a path that hostile input names "__proto__", "constructor" or "toString" gets its
 * own list instead of reaching Object.prototype (which answered 500).
 */
export function fieldErrorList(fieldErrors: Record<string, string[]>, path: string): string[] {
  if (!Object.hasOwn(fieldErrors, path))
    Object.defineProperty(fieldErrors, path, { value: [], enumerable: true, writable: true, configurable: true });
  return fieldErrors[path];
}

/** Every issue of a failed parse, grouped by field path ("lines.0.quantity"), not just the first. */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues)
    fieldErrorList(out, issue.path.map(String).join('.') || '_form').push(issue.message);
  return out;
}
