import type { z } from 'zod';

/** Every issue of a failed parse, grouped by field path ("lines.0.quantity"), not just the first. */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.map(String).join('.') || '_form'] ??= []).push(issue.message);
  return out;
}
