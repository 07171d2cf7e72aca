import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { customers, orderLines, orders } from '@/db/schema';

/**
 * The orders list's search box. Every kind of search is answered through an index, but which way
 * round depends on how many orders match, so a cheap probe decides first:
 * - 'few' matches: fetch the matching order ids through the search indexes, then sort them
 *   (cost grows with the matches);
 * - 'many' matches: walk the list's sort index and test each order (cost grows with how far
 *   apart the matches are, small when they are many).
 * Kinds: "SO2611..." -> order number prefix (orders_number_prefix_idx, text_pattern_ops);
 * anything else -> exact recipient name / phone (orders_ship_name_idx / orders_ship_phone_idx),
 * customer name / phone (customers_name_idx / customers_phone_idx, orders_customer_idx),
 * SKU code (order_lines_sku_code_idx; per order: order_lines_order_idx).
 */
export type SearchStrategy = 'few' | 'many';

/** Up to this many matches the list fetches them all by the search index. */
export const FEW_SEARCH_MATCHES = 5000;

/** Order numbers are SO + digits; only that shape is searched as a number prefix ("Sophie" is a name). */
const ORDER_NUMBER_LIKE = /^SO\d+$/i;

export function isOrderNumberSearch(q: string): boolean {
  return ORDER_NUMBER_LIKE.test(q);
}

function numberPrefixPattern(q: string): string {
  return `${q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Phones are stored as digits: "138 1234 5678", "138-1234-5678" and "+86 138..." find them too. */
export function normalizePhoneQuery(q: string): string {
  if (!/^\+?[\d\s-]{5,20}$/.test(q)) return q;
  return q.replace(/[\s-]/g, '').replace(/^(\+86|0086)(?=1\d{10}$)/, '');
}

/** The ids of orders matching a non-number search, one index per branch. */
function candidateOrderIds(q: string): SQL {
  const phone = normalizePhoneQuery(q);
  return sql`select id from ${orders} where ship_name = ${q}
    union all select id from ${orders} where ship_phone = ${phone}
    union all select o2.id from ${customers} c join ${orders} o2 on o2.customer_id = c.id where c.name = ${q} or c.phone = ${phone}
    union all select order_id from ${orderLines} where sku_code = ${q}`;
}

/**
 * The probe statement. Number prefixes: an exact count up to FEW_SEARCH_MATCHES + 1 (ordering by
 * the text_pattern_ops operator makes Postgres read the prefix index lazily and stop early).
 * Other searches are exact matches, for which the planner's estimate is good (a popular SKU or a
 * common name is in its most-common-values statistics), and an exact count would have to read
 * every match of a popular SKU: ask EXPLAIN for the estimated candidate count.
 */
export function buildSearchProbe(q: string): SQL {
  if (isOrderNumberSearch(q)) {
    return sql`select count(*)::int as "matches" from (
      select 1 from ${orders} where ${orders.number} like ${numberPrefixPattern(q)}
      order by ${orders.number} using ~<~ limit ${FEW_SEARCH_MATCHES + 1}) as m`;
  }
  return sql`explain (format json) ${candidateOrderIds(q)}`;
}

/** The number of matches (or estimated matches) a probe reported. */
export function readSearchProbe(rows: Record<string, unknown>[]): number {
  const row = rows[0] ?? {};
  if ('matches' in row) return Number(row.matches);
  const raw = row['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return Number(plan[0]?.Plan?.['Plan Rows'] ?? Number.POSITIVE_INFINITY);
}

export async function chooseSearchStrategy(db: Database, q: string): Promise<SearchStrategy> {
  const matches = readSearchProbe(await queryRows(db, buildSearchProbe(q)));
  return matches <= FEW_SEARCH_MATCHES ? 'few' : 'many';
}

/** The WHERE condition of a search, for the strategy the probe chose. */
export function searchCondition(q: string, strategy: SearchStrategy): SQL {
  if (isOrderNumberSearch(q)) {
    // an array is opaque to the planner, so it will not walk the list index hoping to meet them early
    return strategy === 'few'
      ? sql`${orders.id} = any(array(select id from ${orders} where number like ${numberPrefixPattern(q)}))`
      : sql`${orders.number} like ${numberPrefixPattern(q)}`;
  }
  if (strategy === 'few') return sql`${orders.id} in (${candidateOrderIds(q)})`;
  const phone = normalizePhoneQuery(q);
  // OFFSET 0 keeps the SKU test a per-order index probe; without it Postgres hashes every order
  // id of the SKU first (57k for a popular one) before returning the first row
  return sql`(${orders.shipName} = ${q} or ${orders.shipPhone} = ${phone}
    or ${orders.customerId} in (select c.id from ${customers} c where c.name = ${q} or c.phone = ${phone})
    or exists (select 1 from ${orderLines} l where l.order_id = ${orders.id} and l.sku_code = ${q} offset 0))`;
}
