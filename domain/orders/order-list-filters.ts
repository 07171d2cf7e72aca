import { z } from 'zod';
import { orderSource, type OrderSource } from '@/db/schema/orders';
import { isSafeText } from '@/domain/shared/safe-text';
import { ORDER_STATUSES, type OrderStatus } from './order-status';

/**
 * The orders list's filters as they travel in the URL (?status=paid&from=2026-01-01&q=...), and
 * the one parser that turns untrusted search params into them. A bad value never fails the page:
 * it is dropped, the default applies, and the caller gets it back in `rejected` to show a message.
 */

export const ORDER_LIST_SORTS = ['placed_desc', 'placed_asc', 'total_desc', 'total_asc'] as const;
export type OrderListSort = (typeof ORDER_LIST_SORTS)[number];

export const ORDER_SOURCES = orderSource.enumValues;

/** exclude: the working list (default); only: the archive. */
export const ARCHIVED_VIEWS = ['exclude', 'only'] as const;
export type ArchivedView = (typeof ARCHIVED_VIEWS)[number];

/** needed: only orders waiting for a person's review (the "Needs review" queue). */
export const REVIEW_VIEWS = ['needed'] as const;
export type ReviewView = (typeof REVIEW_VIEWS)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const MAX_SEARCH_LENGTH = 100;

/** Keyset position: the sort key and id of the row a page starts after (next) or before (prev). */
export const ZOrderListCursor = z.object({
  sort: z.enum(ORDER_LIST_SORTS),
  direction: z.enum(['next', 'prev']),
  /** placed_* sorts: placed_at in UTC with microseconds; total_* sorts: total_cents */
  key: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.number().int()]),
  id: z.number().int().positive(),
});
export type TOrderListCursor = z.infer<typeof ZOrderListCursor>;

export function encodeCursor(cursor: TOrderListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.direction, cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): TOrderListCursor | null {
  try {
    const parts: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 4) return null;
    const parsed = ZOrderListCursor.safeParse({ sort: parts[0], direction: parts[1], key: parts[2], id: parts[3] });
    if (!parsed.success) return null;
    const isPlacedSort = parsed.data.sort.startsWith('placed');
    return isPlacedSort === (typeof parsed.data.key === 'string') ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A calendar day, YYYY-MM-DD, that exists. */
export const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  });

/** The filters once parsed; every field is valid and defaults are applied. */
export const ZOrderListFilters = z.object({
  statuses: z.array(z.enum(ORDER_STATUSES)).default([]),
  from: ZDay.optional(),
  to: ZDay.optional(),
  source: z.enum(ORDER_SOURCES).optional(),
  q: z.string().trim().min(1).max(MAX_SEARCH_LENGTH).optional(),
  sort: z.enum(ORDER_LIST_SORTS).default('placed_desc'),
  archived: z.enum(ARCHIVED_VIEWS).default('exclude'),
  review: z.enum(REVIEW_VIEWS).optional(),
  cursor: ZOrderListCursor.optional(),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type TOrderListFilters = z.infer<typeof ZOrderListFilters>;

/** Why a URL value was not used. */
export type RejectedReason = 'invalid' | 'reversed_range' | 'stale_cursor';
export interface RejectedParam {
  param: string;
  value: string;
  reason: RejectedReason;
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function readAll(params: SearchParamsInput, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first value of a single-valued param; an empty field of a GET form counts as absent. */
function readOne(params: SearchParamsInput, name: string): string | undefined {
  const value = readAll(params, name)[0];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Parses untrusted URL search params into filters plus the values that were rejected. */
export function parseOrderListParams(params: SearchParamsInput): {
  filters: TOrderListFilters;
  rejected: RejectedParam[];
} {
  const rejected: RejectedParam[] = [];
  const reject = (param: string, value: string, reason: RejectedReason = 'invalid') => {
    rejected.push({ param, value: value.slice(0, 120), reason });
  };

  // status=paid&status=shipped or status=paid,shipped
  const statuses: OrderStatus[] = [];
  for (const raw of readAll(params, 'status').flatMap((value) => value.split(','))) {
    const value = raw.trim();
    if (value === '') continue;
    if (!isSafeText(value)) {
      reject('status', '');
      continue;
    }
    const parsed = z.enum(ORDER_STATUSES).safeParse(value);
    if (!parsed.success) reject('status', value);
    else if (!statuses.includes(parsed.data)) statuses.push(parsed.data);
  }

  const single = <T>(
    name: string,
    schema: z.ZodType<T>,
    transform: (value: string) => unknown = (v) => v,
  ): T | undefined => {
    const raw = readOne(params, name);
    if (raw === undefined) return undefined;
    // a control character is refused, never searched for (PostgreSQL refuses U+0000 outright)
    if (!isSafeText(raw)) {
      reject(name, '');
      return undefined;
    }
    const parsed = schema.safeParse(transform(raw));
    if (parsed.success) return parsed.data;
    reject(name, raw);
    return undefined;
  };

  const from = single('from', ZDay, (v) => v.trim());
  let to = single('to', ZDay, (v) => v.trim());
  if (from && to && from > to) {
    reject('to', to, 'reversed_range');
    to = undefined;
  }
  const source = single<OrderSource>('source', z.enum(ORDER_SOURCES));
  const q = single('q', z.string().max(MAX_SEARCH_LENGTH), (v) => v.trim().replace(/\s+/g, ' '));
  const sort = single('sort', z.enum(ORDER_LIST_SORTS)) ?? 'placed_desc';
  const archived = single('archived', z.enum(ARCHIVED_VIEWS)) ?? 'exclude';
  const review = single('review', z.enum(REVIEW_VIEWS));
  // `size` in the console's URLs, `pageSize` in the REST API's
  const ZPageSize = z.number().int().min(1).max(MAX_PAGE_SIZE);
  const toPageSize = (v: string) => (/^\d{1,6}$/.test(v.trim()) ? Number(v) : Number.NaN);
  const pageSize =
    single('size', ZPageSize, toPageSize) ?? single('pageSize', ZPageSize, toPageSize) ?? DEFAULT_PAGE_SIZE;

  let cursor: TOrderListCursor | undefined;
  const rawCursor = readOne(params, 'cursor');
  if (rawCursor !== undefined && !isSafeText(rawCursor)) reject('cursor', '');
  else if (rawCursor !== undefined) {
    const decoded = rawCursor.length <= 200 ? decodeCursor(rawCursor) : null;
    if (!decoded) reject('cursor', rawCursor);
    // a cursor from another sort order points nowhere meaningful: start from the first page
    else if (decoded.sort !== sort) reject('cursor', rawCursor, 'stale_cursor');
    else cursor = decoded;
  }

  const filters = ZOrderListFilters.parse({
    statuses,
    from,
    to,
    source,
    q: q || undefined,
    sort,
    archived,
    review,
    cursor,
    pageSize,
  });
  return { filters, rejected };
}

/** Every query parameter the list reads (the REST API refuses any other name). */
export const ORDER_LIST_PARAMS = [
  'status',
  'from',
  'to',
  'source',
  'q',
  'sort',
  'archived',
  'review',
  'size',
  'pageSize',
  'cursor',
] as const;

/** The filters as URL search params (for links: next/previous page, status chips); defaults omitted. */
export function orderListSearchParams(
  filters: TOrderListFilters,
  changes: Partial<Omit<TOrderListFilters, 'cursor'>> & { cursor?: string | null } = {},
): URLSearchParams {
  const merged = { ...filters, ...changes };
  const params = new URLSearchParams();
  for (const status of merged.statuses) params.append('status', status);
  if (merged.from) params.set('from', merged.from);
  if (merged.to) params.set('to', merged.to);
  if (merged.source) params.set('source', merged.source);
  if (merged.q) params.set('q', merged.q);
  if (merged.sort !== 'placed_desc') params.set('sort', merged.sort);
  if (merged.archived !== 'exclude') params.set('archived', merged.archived);
  if (merged.review) params.set('review', merged.review);
  if (merged.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(merged.pageSize));
  if (typeof changes.cursor === 'string') params.set('cursor', changes.cursor);
  return params;
}
