import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

/** The tables that hold the store's books: what an answer that is an error must leave as it was. */
export const BOOK_TABLES = [
  'orders',
  'order_lines',
  'stock_levels',
  'stock_movements',
  'payments',
  'refunds',
  'refund_lines',
  'shipments',
  'shipment_lines',
  'after_sales_requests',
  'after_sales_lines',
  'after_sales_events',
] as const;

const CHECKSUM = sql.raw(
  BOOK_TABLES.map(
    (table) =>
      `select '${table}' as name, count(*)::int as rows, coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)::text as sum from ${table} t`,
  ).join(' union all '),
);

/** Row count and an order-free content checksum (sum of row hashes) of every book table, one line per table. */
export async function booksChecksum(db: Database): Promise<string> {
  const rows = await queryRows<{ name: string; rows: number; sum: string }>(db, CHECKSUM);
  return rows.map((row) => `${row.name}:${row.rows}:${row.sum}`).join('\n');
}
