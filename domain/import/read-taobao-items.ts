import { headerKey } from './formats/format';
import { TAOBAO_ITEM_FIELDS, TAOBAO_ITEM_SIGNATURE } from './formats/taobao';
import type { ImportLineDraft, ImportRowError } from './import-draft';
import { parseMoneyToFen, parseQuantity } from './normalise-cell';
import type { ImportTable } from './read-import-file';

export function isTaobaoItemFile(headers: readonly string[]): boolean {
  const present = new Set(headers.map(headerKey));
  return TAOBAO_ITEM_SIGNATURE.every((h) => present.has(headerKey(h)));
}

/** Taobao's item file as lines per 主订单编号, for joining with its order file. */
export async function readTaobaoItems(
  table: ImportTable,
): Promise<{ items: Map<string, ImportLineDraft[]>; errors: ImportRowError[] }> {
  const index = (aliases: readonly string[]) => {
    const keys = table.headers.map(headerKey);
    const i = aliases.map((a) => keys.indexOf(headerKey(a))).find((k) => k >= 0);
    return i === undefined ? -1 : i;
  };
  const at = Object.fromEntries(
    Object.entries(TAOBAO_ITEM_FIELDS).map(([field, aliases]) => [field, index(aliases)]),
  ) as Record<keyof typeof TAOBAO_ITEM_FIELDS, number>;
  const items = new Map<string, ImportLineDraft[]>();
  const errors: ImportRowError[] = [];
  for await (const { row, cells } of table.rows) {
    const ref = cells[at.orderRef] ?? '';
    const quantity = parseQuantity(cells[at.quantity] ?? '');
    const unitPriceFen = parseMoneyToFen(cells[at.unitPrice] ?? '');
    if (!ref) errors.push({ row, column: table.headers[at.orderRef], code: 'required' });
    else if (quantity === null)
      errors.push({ row, column: table.headers[at.quantity], code: 'quantity_invalid', value: cells[at.quantity] });
    else if (unitPriceFen === null || unitPriceFen < 0)
      errors.push({ row, column: table.headers[at.unitPrice], code: 'money_invalid', value: cells[at.unitPrice] });
    else {
      const skuCode = at.skuCode >= 0 ? cells[at.skuCode] || null : null;
      const lines = items.get(ref) ?? [];
      lines.push({ row, skuCode, barcode: null, title: cells[at.title] ?? '', quantity, unitPriceFen });
      items.set(ref, lines);
    }
  }
  return { items, errors };
}
