import { z } from 'zod';

/**
 * The stock table's filters as they travel in the URL (?warehouse=3&stock=low&q=TS-) and the one
 * parser that turns untrusted search params into them. A bad value never fails the page: it is
 * dropped and reported back in `rejected`, like the orders list does.
 */

export const STOCK_VIEWS = ['all', 'low'] as const;
export type StockView = (typeof STOCK_VIEWS)[number];

export const STOCK_PAGE_SIZE = 50;
export const MAX_STOCK_PAGE_SIZE = 200;
export const MAX_STOCK_SEARCH_LENGTH = 80;

/** Keyset position: the SKU code and warehouse id of the last row of the previous page. */
export const ZStockListCursor = z.object({
  code: z.string().min(1).max(200),
  warehouseId: z.number().int().positive(),
});
export type TStockListCursor = z.infer<typeof ZStockListCursor>;

export const ZStockListFilters = z.object({
  warehouseId: z.number().int().positive().optional(),
  stock: z.enum(STOCK_VIEWS).default('all'),
  q: z.string().trim().min(1).max(MAX_STOCK_SEARCH_LENGTH).optional(),
  cursor: ZStockListCursor.optional(),
  pageSize: z.number().int().min(1).max(MAX_STOCK_PAGE_SIZE).default(STOCK_PAGE_SIZE),
});
export type TStockListFilters = z.infer<typeof ZStockListFilters>;

export interface RejectedStockParam {
  param: 'warehouse' | 'stock' | 'q' | 'cursor' | 'size';
  value: string;
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export function encodeStockCursor(cursor: TStockListCursor): string {
  return Buffer.from(JSON.stringify([cursor.code, cursor.warehouseId])).toString('base64url');
}

export function decodeStockCursor(value: string): TStockListCursor | null {
  try {
    const parts: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 2) return null;
    const parsed = ZStockListCursor.safeParse({ code: parts[0], warehouseId: parts[1] });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The first value of a param; an empty field of a GET form counts as absent. */
export function readParam(params: SearchParamsInput, name: string): string | undefined {
  const raw = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** A positive integer id from the URL, or undefined when it is not one. */
export function parseIdParam(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** Parses untrusted URL search params into stock filters plus the values that were rejected. */
export function parseStockListParams(params: SearchParamsInput): {
  filters: TStockListFilters;
  rejected: RejectedStockParam[];
} {
  const rejected: RejectedStockParam[] = [];
  const take = <T>(param: RejectedStockParam['param'], parse: (raw: string) => T | undefined): T | undefined => {
    const raw = readParam(params, param);
    if (raw === undefined) return undefined;
    const value = parse(raw);
    if (value === undefined) rejected.push({ param, value: raw.slice(0, 120) });
    return value;
  };

  const warehouseId = take('warehouse', parseIdParam);
  const stock = take('stock', (raw) =>
    (STOCK_VIEWS as readonly string[]).includes(raw.trim()) ? (raw.trim() as StockView) : undefined,
  );
  const q = take('q', (raw) => {
    const value = raw.trim().replace(/\s+/g, ' ');
    return value.length <= MAX_STOCK_SEARCH_LENGTH ? value : undefined;
  });
  const pageSize = take('size', (raw) => {
    const n = parseIdParam(raw);
    return n !== undefined && n <= MAX_STOCK_PAGE_SIZE ? n : undefined;
  });
  const cursor = take('cursor', (raw) => (raw.length <= 400 ? (decodeStockCursor(raw) ?? undefined) : undefined));

  const filters = ZStockListFilters.parse({ warehouseId, stock, q: q || undefined, cursor, pageSize });
  return { filters, rejected };
}

/** The filters as URL search params, defaults omitted (for links: next page, low-stock toggle). */
export function stockListSearchParams(
  filters: TStockListFilters,
  changes: Partial<Omit<TStockListFilters, 'cursor'>> & { cursor?: string | null } = {},
): URLSearchParams {
  const merged = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (merged.warehouseId) params.set('warehouse', String(merged.warehouseId));
  if (merged.stock !== 'all') params.set('stock', merged.stock);
  if (merged.q) params.set('q', merged.q);
  if (merged.pageSize !== STOCK_PAGE_SIZE) params.set('size', String(merged.pageSize));
  if (typeof changes.cursor === 'string') params.set('cursor', changes.cursor);
  return params;
}
