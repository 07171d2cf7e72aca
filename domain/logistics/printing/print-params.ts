import { z } from 'zod';
import { fail, ok, type Result } from '@/domain/shared/result';

/** The most orders one print run takes: a wave of picking, and what one PDF should hold. */
export const MAX_PRINT_ORDERS = 500;

/** What to print for: the orders staff selected, or everything awaiting shipment in one warehouse. */
export type PrintSelection = { kind: 'orders'; orderIds: number[] } | { kind: 'warehouse'; warehouseId: number };

export const LABEL_FORMATS = ['thermal', 'a4'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

export interface PrintParams {
  selection: PrintSelection;
  format: LabelFormat;
  /** carrier code for labels of parcels not shipped yet; null leaves the carrier blank */
  carrierCode: string | null;
}

/**
 * Failure codes (translate with `printing.errors.<code>`, params {max}): `missing_selection` (neither
 * orders nor warehouse), `both_selections`, `invalid_order_ids`, `too_many_orders`,
 * `invalid_warehouse`, `invalid_label_format`, `invalid_carrier`.
 */
export type PrintParamsError =
  | 'missing_selection'
  | 'both_selections'
  | 'invalid_order_ids'
  | 'too_many_orders'
  | 'invalid_warehouse'
  | 'invalid_label_format'
  | 'invalid_carrier';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZPrintParams = z.object({
  orders: z
    .string()
    .trim()
    .regex(/^\d{1,15}(\s*,\s*\d{1,15})*$/, 'invalid_order_ids')
    .transform((value) => [...new Set(value.split(',').map((part) => Number(part.trim())))])
    .pipe(z.array(id).max(MAX_PRINT_ORDERS, 'too_many_orders'))
    .optional(),
  warehouse: z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, 'invalid_warehouse')
    .transform(Number)
    .pipe(id)
    .optional(),
  format: z.enum(LABEL_FORMATS, { error: 'invalid_label_format' }).default('thermal'),
  carrier: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/, 'invalid_carrier')
    .optional(),
});

type SearchParams = Record<string, string | string[] | undefined>;

/** Reads a print page's URL parameters; a bad one names itself and prints nothing. */
export function parsePrintParams(searchParams: SearchParams): Result<PrintParams, PrintParamsError> {
  // a parameter given twice (?orders=1&orders=2) means both lists
  const single = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value.join(',') : value) || undefined;
  const parsed = ZPrintParams.safeParse({
    orders: single(searchParams.orders),
    warehouse: single(searchParams.warehouse),
    format: single(searchParams.format),
    carrier: single(searchParams.carrier),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? 'orders');
    const code = (isParamsError(issue.message) ? issue.message : fieldCode(field)) as PrintParamsError;
    return fail(code, `${field}: ${issue.message}`, { [field]: [code] }, { max: MAX_PRINT_ORDERS });
  }
  const { orders, warehouse, format, carrier } = parsed.data;
  if (orders && warehouse)
    return fail('both_selections', 'give either orders or warehouse, not both', { orders: ['both_selections'] });
  const selection: PrintSelection | null = orders
    ? { kind: 'orders', orderIds: orders }
    : warehouse
      ? { kind: 'warehouse', warehouseId: warehouse }
      : null;
  if (!selection)
    return fail('missing_selection', 'give orders=1,2,3 or warehouse=ID', { orders: ['missing_selection'] });
  return ok({ selection, format, carrierCode: carrier ?? null });
}

/** The same parameters as a query string, for links between the print pages and their PDFs. */
export function printQuery(params: PrintParams): string {
  const query = new URLSearchParams();
  if (params.selection.kind === 'orders') query.set('orders', params.selection.orderIds.join(','));
  else query.set('warehouse', String(params.selection.warehouseId));
  query.set('format', params.format);
  if (params.carrierCode) query.set('carrier', params.carrierCode);
  return query.toString();
}

const ERROR_CODES: readonly string[] = [
  'missing_selection',
  'both_selections',
  'invalid_order_ids',
  'too_many_orders',
  'invalid_warehouse',
  'invalid_label_format',
  'invalid_carrier',
];
function isParamsError(message: string): message is PrintParamsError {
  return ERROR_CODES.includes(message);
}
function fieldCode(field: string): PrintParamsError {
  return field === 'warehouse'
    ? 'invalid_warehouse'
    : field === 'format'
      ? 'invalid_label_format'
      : field === 'carrier'
        ? 'invalid_carrier'
        : 'invalid_order_ids';
}
