import type { Database } from '@/db/client';
import type { ImportBatch } from '@/db/schema/system';
import { recogniseFormat } from './formats';
import { headerKey, type ImportFormat } from './formats/format';
import type { ImportLineDraft, ImportRowError } from './import-draft';
import { chunkSource } from './import-file-store';
import { resolveColumns } from './map-orders';
import { ImportFileError, readImportFile, type ImportTable } from './read-import-file';
import { isTaobaoItemFile, readTaobaoItems } from './read-taobao-items';
import { TAOBAO_ITEM_FIELDS } from './formats/taobao';

export interface OpenedBatch {
  table: ImportTable;
  format: ImportFormat;
  items?: Map<string, ImportLineDraft[]>;
  itemErrors: ImportRowError[];
  /** the header row errors about a line's SKU point at */
  skuColumn: string;
}

/**
 * A batch's file(s) opened for a pass: the order file's format recognised by its header; with
 * Taobao, its item file read first into lines per order (either file may come first).
 * Throws ImportFileError when a file cannot be read or its format is not one we know.
 */
export async function openBatch(db: Database, batch: ImportBatch): Promise<OpenedBatch> {
  let table = await readImportFile(chunkSource(db, { batchId: batch.id, fileNo: 0 }));
  let second = batch.itemFileName ? await readImportFile(chunkSource(db, { batchId: batch.id, fileNo: 1 })) : null;
  if (second && isTaobaoItemFile(table.headers)) [table, second] = [second, table];
  const format = recogniseFormat(table.headers);
  if (!format) throw new ImportFileError({ code: 'format_unknown' });
  if (!second) {
    const columns = resolveColumns(table.headers, format);
    return {
      table,
      format,
      itemErrors: [],
      skuColumn: (columns.skuCode ?? columns.barcode ?? columns.title)?.header ?? '',
    };
  }
  if (format.platform !== 'taobao' || !isTaobaoItemFile(second.headers))
    throw new ImportFileError({ code: 'second_file_unexpected' });
  const { items, errors } = await readTaobaoItems(second);
  const skuHeader =
    second.headers.find((h) => TAOBAO_ITEM_FIELDS.skuCode.some((a) => headerKey(a) === headerKey(h))) ?? '商家编码';
  return { table, format, items, itemErrors: errors, skuColumn: skuHeader };
}
