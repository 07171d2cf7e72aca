import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import { safeText } from '@/domain/shared/safe-text';

export const PRODUCTS_PAGE_SIZE = 50;
export const PRODUCT_STATUSES = ['on_sale', 'off_sale'] as const;

export const ZProductListFilters = z.object({
  /** product name, SKU code prefix or exact barcode */
  q: safeText().trim().max(64).optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  /** the last product id of the previous page (newest first) */
  cursor: z.coerce.number().int().positive().optional(),
});
export type TProductListFilters = z.infer<typeof ZProductListFilters>;

type SearchParamsInput = Record<string, string | string[] | undefined>;

/** The list's filters from the URL; a value that cannot be used is dropped and reported. */
export function parseProductListParams(params: SearchParamsInput): {
  filters: TProductListFilters;
  rejected: { param: string; value: string }[];
} {
  const filters: Record<string, unknown> = {};
  const rejected: { param: string; value: string }[] = [];
  const names = { q: 'q', category: 'categoryId', status: 'status', cursor: 'cursor' } as const;
  for (const [param, key] of Object.entries(names)) {
    const raw = params[param];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === '') continue;
    const parsed = ZProductListFilters.shape[key].safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
    else rejected.push({ param, value: value.slice(0, 64) });
  }
  return { filters: filters as TProductListFilters, rejected };
}

/** The URL parameters of these filters (without the cursor). */
export function productListSearchParams(filters: TProductListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.categoryId) params.set('category', String(filters.categoryId));
  if (filters.status) params.set('status', filters.status);
  return params;
}

export interface ProductListRow {
  id: number;
  name: string;
  category: string;
  brand: string | null;
  isActive: boolean;
  /** SKUs not archived */
  skuCount: number;
  minPriceCents: number | null;
  maxPriceCents: number | null;
  currency: string;
}

/**
 * Products newest first, a page at a time (keyset on id, the primary key): by category (with the
 * categories under it), on/off sale, and a search over the product name, SKU code prefix or barcode.
 */
export async function listProducts(
  db: Database,
  filters: TProductListFilters,
  pageSize = PRODUCTS_PAGE_SIZE,
): Promise<{ rows: ProductListRow[]; nextCursor: string | null }> {
  const where: SQL[] = [sql`true`];
  if (filters.cursor) where.push(sql`p.id < ${filters.cursor}`);
  if (filters.status) where.push(sql`p.is_active = ${filters.status === 'on_sale'}`);
  if (filters.categoryId)
    where.push(sql`p.category_id in (
      with recursive tree as (
        select id from product_categories where id = ${filters.categoryId}
        union all select c.id from product_categories c join tree on c.parent_id = tree.id
      ) select id from tree)`);
  if (filters.q) {
    const q = filters.q;
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(sql`(p.name ilike ${`%${escaped}%`} or exists (
      select 1 from skus s where s.product_id = p.id and (s.code like ${`${escaped.toUpperCase()}%`} or s.barcode = ${q})))`);
  }
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select p.id, p.name, p.category, p.brand, p.is_active,
          count(s.id)::int as sku_count, min(s.price_cents)::int as min_price, max(s.price_cents)::int as max_price,
          coalesce(min(s.currency), 'CNY') as currency
        from products p left join skus s on s.product_id = p.id and s.archived_at is null
        where ${sql.join(where, sql` and `)}
        group by p.id order by p.id desc limit ${pageSize + 1}`,
  );
  const page = rows.slice(0, pageSize).map((r): ProductListRow => ({
    id: Number(r.id),
    name: String(r.name),
    category: String(r.category),
    brand: (r.brand as string | null) ?? null,
    isActive: Boolean(r.is_active),
    skuCount: Number(r.sku_count),
    minPriceCents: r.min_price === null ? null : Number(r.min_price),
    maxPriceCents: r.max_price === null ? null : Number(r.max_price),
    currency: String(r.currency),
  }));
  return { rows: page, nextCursor: rows.length > pageSize ? String(page.at(-1)!.id) : null };
}
