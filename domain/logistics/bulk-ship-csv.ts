import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { fail, ok, type Result } from '@/domain/shared/result';
import type { BulkShipItem } from './bulk-ship';

export const MAX_BULK_SHIP_ROWS = 500;
export const MAX_BULK_SHIP_CSV_BYTES = 512 * 1024;

/** One CSV row: order number, carrier code (the aggregator's: shunfeng, zhongtong ...), tracking number. */
const ZCsvRow = z.tuple([
  z
    .string()
    .trim()
    .min(1, 'order_number_missing')
    .max(40, 'order_number_invalid')
    .regex(/^[A-Za-z0-9-]+$/, 'order_number_invalid'),
  z
    .string()
    .trim()
    .min(1, 'carrier_missing')
    .max(30, 'carrier_invalid')
    .transform((v) => v.toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9_]+$/, 'carrier_invalid')),
  z.string().trim().min(1, 'tracking_number_missing').max(40, 'tracking_number_invalid'),
]);

/** A row the file could not give: its line, what it said, and which check it failed (a code). */
export interface BulkShipCsvRowError {
  row: number;
  orderNumber: string;
  code: string;
}

/**
 * Reads a bulk-ship CSV: `order number, carrier code, tracking number` per line, an optional
 * header line, UTF-8 with or without BOM, commas or tabs. Every row is checked; good rows are
 * returned to ship and bad rows are reported by line with the reason, so one typo does not hold
 * back the rest. Failure codes (the whole file): `empty_file`, `file_too_large`, `too_many_rows`, `unreadable_csv`.
 */
export function parseBulkShipCsv(
  text: string,
): Result<
  { items: BulkShipItem[]; errors: BulkShipCsvRowError[] },
  'empty_file' | 'file_too_large' | 'too_many_rows' | 'unreadable_csv'
> {
  if (Buffer.byteLength(text, 'utf8') > MAX_BULK_SHIP_CSV_BYTES)
    return fail('file_too_large', `the file is larger than ${MAX_BULK_SHIP_CSV_BYTES / 1024} KB`, undefined, {
      maxKb: MAX_BULK_SHIP_CSV_BYTES / 1024,
    });
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      delimiter: text.split(/\r?\n/, 1)[0].includes('\t') ? '\t' : ',',
      // bounded work on hostile input: no field or record may grow without end
      max_record_size: 4096,
    }) as string[][];
  } catch (error) {
    return fail(
      'unreadable_csv',
      `the file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const isHeader = (cells: string[]) => /order|订单/i.test(cells[0] ?? '') || /carrier|承运|快递/i.test(cells[1] ?? '');
  const start = records.length > 0 && isHeader(records[0]) ? 1 : 0;
  const rows = records.slice(start).filter((cells) => cells.some((c) => c !== ''));
  if (rows.length === 0) return fail('empty_file', 'the file has no rows to ship');
  if (rows.length > MAX_BULK_SHIP_ROWS)
    return fail('too_many_rows', `at most ${MAX_BULK_SHIP_ROWS} rows per file`, undefined, { max: MAX_BULK_SHIP_ROWS });

  const items: BulkShipItem[] = [];
  const errors: BulkShipCsvRowError[] = [];
  rows.forEach((cells, index) => {
    const row = index + start + 1;
    if (cells.length !== 3) {
      errors.push({ row, orderNumber: cells[0] ?? '', code: 'wrong_column_count' });
      return;
    }
    const parsed = ZCsvRow.safeParse(cells);
    if (!parsed.success) errors.push({ row, orderNumber: cells[0], code: parsed.error.issues[0].message });
    else items.push({ row, orderNumber: parsed.data[0], carrierCode: parsed.data[1], trackingNumber: parsed.data[2] });
  });
  return ok({ items, errors });
}
