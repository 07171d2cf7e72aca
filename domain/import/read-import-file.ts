import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { detectEncoding, type TextEncoding } from './detect-encoding';
import { cellText } from './normalise-cell';

/** Why a file cannot be read at all; per-row problems are row errors instead. */
export type ImportFileProblem =
  | { code: 'empty' }
  | { code: 'binary' }
  | { code: 'header_only' }
  | { code: 'too_many_columns'; columns: number }
  | { code: 'malformed'; row: number; detail: string }
  | { code: 'xlsx_unreadable'; detail: string }
  | { code: 'format_unknown' }
  | { code: 'second_file_unexpected' };

export class ImportFileError extends Error {
  constructor(readonly problem: ImportFileProblem) {
    super(`import file refused: ${problem.code}`);
  }
}

/** A data row: its 1-based line number in the file as a spreadsheet shows it (the header is row 1). */
export interface ImportRow {
  row: number;
  cells: string[];
}

export interface ImportTable {
  kind: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  headers: string[];
  rows: AsyncIterable<ImportRow>;
}

export const MAX_IMPORT_COLUMNS = 300;
const SNIFF_BYTES = 64 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Where an uploaded file's bytes are: a local file (tests, tools) or the database's chunks. */
export interface ImportSource {
  /** up to `bytes` first bytes */
  head(bytes: number): Promise<Buffer>;
  stream(): Readable;
}

export function fileSource(path: string): ImportSource {
  return {
    async head(bytes) {
      const file = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(bytes);
        const { bytesRead } = await file.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    },
    stream: () => createReadStream(path),
  };
}

/**
 * Opens a CSV or XLSX file for streaming: the format comes from the bytes (a renamed file is
 * read as what it is), the encoding from the BOM or a strict UTF-8 check (else GB18030, what
 * Taobao and Excel in China write). Throws ImportFileError for a file that cannot be imported.
 */
export async function readImportFile(source: ImportSource | string): Promise<ImportTable> {
  const from = typeof source === 'string' ? fileSource(source) : source;
  const head = await from.head(SNIFF_BYTES);
  if (head.length === 0) throw new ImportFileError({ code: 'empty' });
  if (ZIP_MAGIC.every((b, i) => head[i] === b)) return readXlsx(from);
  const encoding = detectEncoding(head);
  if (encoding === null) throw new ImportFileError({ code: 'binary' });
  return readCsv(from, encoding);
}

async function readCsv(source: ImportSource, encoding: TextEncoding): Promise<ImportTable> {
  const parser = source
    .stream()
    .pipe(iconv.decodeStream(encoding === 'utf-8-bom' ? 'utf-8' : encoding, { stripBOM: true }))
    .pipe(
      parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: 1024 * 1024 }),
    );
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await nextRecord(records, 1);
  if (first.done) throw new ImportFileError({ code: 'empty' });
  const headers = checkHeaders(first.value.map(cellText));
  const rows = (async function* () {
    let row = 1;
    for (;;) {
      const next = await nextRecord(records, row + 1);
      if (next.done) return;
      row += 1;
      yield { row, cells: next.value.map(cellText) };
    }
  })();
  return { kind: 'csv', encoding, headers, rows: await requireData(rows) };
}

async function nextRecord(records: AsyncIterator<string[]>, row: number): Promise<IteratorResult<string[]>> {
  try {
    return await records.next();
  } catch (error) {
    throw new ImportFileError({ code: 'malformed', row, detail: (error as Error).message.slice(0, 200) });
  }
}

async function readXlsx(source: ImportSource): Promise<ImportTable> {
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source.stream(), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache', // a date cell is a number whose style says date
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of workbook) {
      const rows = sheet[Symbol.asyncIterator]() as AsyncIterator<ExcelJS.Row>;
      const first = await rows.next();
      if (first.done) throw new ImportFileError({ code: 'empty' });
      const headers = checkHeaders(xlsxCells(first.value));
      const data = (async function* () {
        for (;;) {
          const next = await rows.next();
          if (next.done) return;
          const cells = xlsxCells(next.value);
          if (cells.some((c) => c !== '')) yield { row: next.value.number, cells };
        }
      })();
      return { kind: 'xlsx', encoding: null, headers, rows: await requireData(data) };
    }
    throw new ImportFileError({ code: 'empty' });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError({ code: 'xlsx_unreadable', detail: (error as Error).message.slice(0, 200) });
  }
}

function xlsxCells(row: ExcelJS.Row): string[] {
  const values = Array.isArray(row.values) ? row.values.slice(1) : [];
  return Array.from(values, (v) => cellText(xlsxValueText(v)));
}

/** The text a spreadsheet shows for a cell; dates are wall-clock times (Excel has no zones). */
function xlsxValueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return xlsxValueText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

function checkHeaders(headers: string[]): string[] {
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length > MAX_IMPORT_COLUMNS)
    throw new ImportFileError({ code: 'too_many_columns', columns: headers.length });
  if (headers.length === 0) throw new ImportFileError({ code: 'empty' });
  return headers;
}

/** Peeks the first data row so a header-only file is refused before any work starts. */
async function requireData(rows: AsyncGenerator<ImportRow>): Promise<AsyncIterable<ImportRow>> {
  const first = await rows.next();
  if (first.done) throw new ImportFileError({ code: 'header_only' });
  return (async function* () {
    yield first.value;
    yield* rows;
  })();
}
