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
 * formatOrderNumber in SQL, taking the next value of order_number_seq and the transaction's
 * now() itself, so the order INSERT needs no separate nextval round trip. Keep the two in step
 * (order-number.test.ts checks they agree).
 */
export function nextOrderNumberSql(): SQL {
  return sql`(select 'SO' || to_char((now() at time zone 'UTC') + interval '8 hours', 'YYMMDD')
    || lpad(seq.v, greatest(${sql.raw(String(ORDER_NUMBER_SEQ_DIGITS))}, length(seq.v)), '0')
    from (select nextval('order_number_seq')::text as v) seq)`;
}
