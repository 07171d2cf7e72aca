import { stringify } from 'csv-stringify/sync';
import type { Database } from '@/db/client';
import type { ImportBatch } from '@/db/schema/system';
import { neutralizeFormula } from '@/domain/inventory/reorder-csv';
import { allImportRowErrors } from './get-import';
import { openBatch } from './open-batch';

type ErrorRow = { column: string; code: string; value: string | null };

/**
 * The rows of the order file that have errors, as they were, with one more column saying what is
 * wrong: fix them in a spreadsheet and import this file again. UTF-8 with a BOM for Excel, every
 * cell formula-safe; the extra column is stripped of nothing the import needs (it is ignored).
 */
export async function* importErrorsCsv(
  db: Database,
  batch: ImportBatch,
  labels: { errorColumn: string; describe: (error: ErrorRow) => string },
): AsyncGenerator<string> {
  const byRow = new Map<number, ErrorRow[]>();
  for await (const error of allImportRowErrors(db, batch.id)) {
    const list = byRow.get(error.row) ?? [];
    list.push(error);
    byRow.set(error.row, list);
  }
  const line = (cells: string[]) => stringify([cells.map(neutralizeFormula)]);
  const { table } = await openBatch(db, batch);
  yield `\uFEFF${line([...table.headers, labels.errorColumn])}`;
  if (byRow.size === 0) return;
  for await (const { row, cells } of table.rows) {
    const errors = byRow.get(row);
    if (!errors) continue;
    const padded = [...cells, ...Array(Math.max(0, table.headers.length - cells.length)).fill('')].slice(
      0,
      table.headers.length,
    );
    yield line([...padded, errors.map(labels.describe).join('; ')]);
  }
}
