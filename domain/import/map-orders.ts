import { isSafeText } from '@/domain/shared/safe-text';
import type { OrderStatus } from '@/domain/shared/statuses';
import { headerKey, type ImportFormat, type OrderField } from './formats/format';
import type { ImportLineDraft, ImportOrderDraft, ImportRowError, MappedOrder } from './import-draft';
import { isMasked, parseDateTime, parseMoneyToFen, parseQuantity } from './normalise-cell';
import type { ImportRow, ImportTable } from './read-import-file';
import { splitAddress } from './split-address';

export interface MapOptions {
  timeZone: string;
  /** Taobao's item file, by 主订单编号, when it was uploaded with the order file */
  items?: ReadonlyMap<string, readonly ImportLineDraft[]>;
}

type Columns = Partial<Record<OrderField, { index: number; header: string }>>;

/** Which column carries each field of `format` in this header row (first alias present wins). */
export function resolveColumns(headers: readonly string[], format: ImportFormat): Columns {
  const byKey = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), i);
  });
  const columns: Columns = {};
  for (const [field, aliases] of Object.entries(format.fields) as [OrderField, readonly string[]][]) {
    const index = aliases.map((a) => byKey.get(headerKey(a))).find((i) => i !== undefined);
    if (index !== undefined) columns[field] = { index, header: headers[index] };
  }
  return columns;
}

/**
 * The file's orders in file order: consecutive rows with the same order number are one order
 * (Shopify and our template write a row per line). Streams: one order is held at a time.
 */
export async function* mapOrders(
  table: ImportTable,
  format: ImportFormat,
  options: MapOptions,
): AsyncGenerator<MappedOrder> {
  const columns = resolveColumns(table.headers, format);
  const refColumn = columns.externalRef;
  let group: ImportRow[] = [];
  let groupRef = '';
  for await (const row of table.rows) {
    const ref = refColumn ? (row.cells[refColumn.index] ?? '') : '';
    if (group.length > 0 && ref !== groupRef) {
      yield buildOrder(group, groupRef, format, columns, options);
      group = [];
    }
    if (!ref) {
      const header = refColumn?.header ?? format.fields.externalRef?.[0] ?? 'externalRef';
      yield {
        externalRef: '',
        rows: [row.row],
        draft: null,
        errors: [{ row: row.row, column: header, code: 'required' }],
      };
      continue;
    }
    group.push(row);
    groupRef = ref;
  }
  if (group.length > 0) yield buildOrder(group, groupRef, format, columns, options);
}

function buildOrder(
  rows: ImportRow[],
  externalRef: string,
  format: ImportFormat,
  columns: Columns,
  options: MapOptions,
): MappedOrder {
  const errors: ImportRowError[] = [];
  const first = rows[0].row;
  const cell = (row: ImportRow, field: OrderField) => {
    const column = columns[field];
    return column ? (row.cells[column.index] ?? '') : '';
  };
  // order fields: the first row that has one (Shopify leaves them blank after an order's first row)
  const get = (field: OrderField) => rows.map((r) => cell(r, field)).find((v) => v !== '') ?? '';
  const where = (field: OrderField) => columns[field]?.header ?? format.fields[field]?.[0] ?? field;
  const fail = (field: OrderField, code: ImportRowError['code'], value?: string, row = first) =>
    errors.push({ row, column: where(field), code, ...(value === undefined ? {} : { value }) });

  for (const row of rows)
    row.cells.forEach((value, i) => {
      const header = Object.values(columns).find((c) => c.index === i)?.header;
      if (!header) return;
      if (!isSafeText(value)) errors.push({ row: row.row, column: header, code: 'unsafe_text' });
      else if (value.includes('\uFFFD')) errors.push({ row: row.row, column: header, code: 'undecodable' });
    });

  const status = readStatus(format, get, fail);
  const placedAt = readDate('placedAt', get, options.timeZone, fail, true);
  const paidAt = readDate('paidAt', get, options.timeZone, fail, false);
  const money = (field: OrderField) => {
    const text = get(field);
    if (!text) return null;
    const fen = parseMoneyToFen(text);
    if (fen === null || fen < 0) fail(field, 'money_invalid', text);
    return fen;
  };
  const shippingFen = money('shipping') ?? 0;
  const discountFen = money('discount') ?? 0;
  const totalFen = money('total');
  const shipTo = readShipTo(get, fail);
  const lines = options.items?.get(externalRef) ?? readLines(rows, cell, fail);
  if (lines.length === 0 && !errors.some((e) => e.code === 'quantity_invalid' || e.code === 'money_invalid'))
    fail('quantity', 'no_lines');

  const phone = get('buyerPhone') || get('recipientPhone');
  const masked = isMasked(phone) || (shipTo !== null && Object.values(shipTo).some((v) => v !== null && isMasked(v)));
  const trackingNumber = get('trackingNumber');
  const rowNumbers = rows.map((r) => r.row);
  if (errors.length > 0 || status === null || placedAt === null)
    return { externalRef, rows: rowNumbers, draft: null, errors };
  const draft: ImportOrderDraft = {
    platform: format.platform,
    externalRef,
    status,
    placedAt,
    paidAt,
    buyerName: get('buyerName') || null,
    buyerPhone: phone || null,
    shipTo,
    masked,
    shippingFen,
    discountFen,
    totalFen,
    buyerNote: get('buyerNote') || null,
    tracking: trackingNumber ? { carrier: get('carrier') || null, number: trackingNumber } : null,
    lines: [...lines],
    rows: rowNumbers,
  };
  return { externalRef, rows: rowNumbers, draft, errors };
}

type Fail = (field: OrderField, code: ImportRowError['code'], value?: string, row?: number) => void;

function readStatus(format: ImportFormat, get: (f: OrderField) => string, fail: Fail): OrderStatus | null {
  const word = format.statusWord ? format.statusWord(get) : get('status');
  const statuses = new Map(Object.entries(format.statuses).map(([k, v]) => [headerKey(k), v]));
  const status = statuses.get(headerKey(word)) ?? null;
  if (status === null) fail('status', word ? 'status_unknown' : 'required', word);
  return status;
}

function readDate(field: OrderField, get: (f: OrderField) => string, timeZone: string, fail: Fail, required: boolean) {
  const text = get(field);
  if (!text) {
    if (required) fail(field, 'required');
    return null;
  }
  const date = parseDateTime(text, timeZone);
  if (date === null) fail(field, 'date_invalid', text);
  return date;
}

function readShipTo(get: (f: OrderField) => string, fail: Fail): ImportOrderDraft['shipTo'] {
  const name = get('recipient');
  const phone = get('recipientPhone');
  if (!name && !phone && !get('street') && !get('fullAddress')) return null;
  let parts = {
    province: get('province'),
    city: get('city'),
    district: get('district') || null,
    street: get('street'),
  };
  let postalCode = get('postalCode') || null;
  if (!parts.province || !parts.city || !parts.street) {
    const full = get('fullAddress');
    const split = full ? splitAddress(full) : null;
    if (!split) {
      fail(full ? 'fullAddress' : 'street', full ? 'address_invalid' : 'required', full || undefined);
      return null;
    }
    parts = split;
    postalCode = postalCode ?? split.postalCode;
  }
  if (!name) fail('recipient', 'required');
  if (!phone) fail('recipientPhone', 'required');
  return { name, phone, ...parts, postalCode };
}

function readLines(rows: ImportRow[], cell: (r: ImportRow, f: OrderField) => string, fail: Fail): ImportLineDraft[] {
  const lines: ImportLineDraft[] = [];
  for (const row of rows) {
    const quantityText = cell(row, 'quantity');
    const quantity = parseQuantity(quantityText);
    if (quantity === null) {
      fail('quantity', quantityText ? 'quantity_invalid' : 'required', quantityText || undefined, row.row);
      continue;
    }
    const unitText = cell(row, 'unitPrice');
    const totalText = cell(row, 'lineTotal');
    let unitPriceFen = unitText ? parseMoneyToFen(unitText) : null;
    if (!unitText && totalText) {
      const lineFen = parseMoneyToFen(totalText);
      unitPriceFen = lineFen !== null && lineFen % quantity === 0 ? lineFen / quantity : null;
    }
    if (unitPriceFen === null || unitPriceFen < 0) {
      const field: OrderField = unitText || !totalText ? 'unitPrice' : 'lineTotal';
      fail(field, unitText || totalText ? 'money_invalid' : 'required', unitText || totalText || undefined, row.row);
      continue;
    }
    lines.push({
      row: row.row,
      skuCode: cell(row, 'skuCode') || null,
      barcode: cell(row, 'barcode') || null,
      title: cell(row, 'title'),
      quantity,
      unitPriceFen,
    });
  }
  return lines;
}
