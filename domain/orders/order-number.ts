import { sql, type SQL } from 'drizzle-orm';

/** China has no daylight saving time: Asia/Shanghai is always UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Digits the sequence part is padded to; longer sequence values simply use more digits. */
export const ORDER_NUMBER_SEQ_DIGITS = 6;

/**
 * The human-readable order number: 'SO' + yyMMdd of the order date in Asia/Shanghai + the
 * value of `order_number_seq`, zero-padded. Example: SO260612001234.
 */
export function formatOrderNumber(date: Date, seq: number | bigint): string {
  const shanghai = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  const yy = String(shanghai.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(shanghai.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(shanghai.getUTCDate()).padStart(2, '0');
  return `SO${yy}${mm}${dd}${String(seq).padStart(ORDER_NUMBER_SEQ_DIGITS, '0')}`;
}

/**
 * formatOrderNumber in SQL for a value `seq` of order_number_seq, dated by the transaction's now(),
 * so an INSERT can number its orders itself (several in one statement). Keep the two in step
 * (order-number-sql.test.ts checks they agree).
 */
export function orderNumberSql(seq: SQL): SQL {
  return sql`('SO' || to_char((now() at time zone 'UTC') + interval '8 hours', 'YYMMDD')
    || lpad((${seq})::text, greatest(${sql.raw(String(ORDER_NUMBER_SEQ_DIGITS))}, length((${seq})::text)), '0'))`;
}
