import type { z } from 'zod';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads a page's URL filters field by field: a value that fails its check is dropped and named
 * (so the page still shows, and says which filter it ignored); keys the schema does not know are ignored.
 */
export function parseUrlFilters<S extends z.ZodObject>(
  schema: S,
  params: SearchParams,
): { filters: Partial<z.output<S>>; rejected: string[] } {
  const filters: Record<string, unknown> = {};
  const rejected: string[] = [];
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') continue;
    const parsed = field.safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
    else rejected.push(key);
  }
  return { filters: filters as Partial<z.output<S>>, rejected };
}
