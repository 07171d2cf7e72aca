import { asc, count, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { importBatches, importRowErrors, type ImportBatch } from '@/db/schema/system';

export const LISTED_ROW_ERRORS = 200;

/** What the progress bar shows: rows done of total, rows per second, seconds left. */
export interface ImportProgress {
  id: number;
  status: ImportBatch['status'];
  format: string;
  encoding: string | null;
  fileName: string;
  itemFileName: string | null;
  fileBytes: number;
  totalRows: number;
  rowsDone: number;
  failedRows: number;
  ordersCreated: number;
  rowsPerSecond: number | null;
  secondsLeft: number | null;
  summary: ImportBatch['summary'];
  failure: string | null;
  cancelRequested: boolean;
  createdAt: string;
  finishedAt: string | null;
}

export function toProgress(batch: ImportBatch, now = new Date()): ImportProgress {
  const started = batch.startedAt?.getTime();
  const until = (batch.finishedAt ?? now).getTime();
  const seconds = started ? Math.max((until - started) / 1000, 0.001) : null;
  const rowsPerSecond = seconds && batch.rowsDone > 0 ? Math.round(batch.rowsDone / seconds) : null;
  const left = batch.totalRows - batch.rowsDone;
  return {
    id: batch.id,
    status: batch.status,
    format: batch.format,
    encoding: batch.encoding,
    fileName: batch.fileName,
    itemFileName: batch.itemFileName,
    fileBytes: batch.fileBytes,
    totalRows: batch.totalRows,
    rowsDone: batch.rowsDone,
    failedRows: batch.failedRows,
    ordersCreated: batch.ordersCreated,
    rowsPerSecond,
    secondsLeft:
      batch.status === 'running' && rowsPerSecond && batch.totalRows > 0 ? Math.ceil(left / rowsPerSecond) : null,
    summary: batch.summary,
    failure: batch.failure,
    cancelRequested: batch.cancelRequested,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
  };
}

export async function getImportProgress(db: Database, batchId: number): Promise<ImportProgress | null> {
  const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, batchId));
  return batch ? toProgress(batch) : null;
}

/** The first row errors of an import (the CSV download has them all), and how many there are. */
export async function listImportRowErrors(db: Database, batchId: number, limit = LISTED_ROW_ERRORS) {
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(importRowErrors)
      .where(eq(importRowErrors.batchId, batchId))
      .orderBy(asc(importRowErrors.row), asc(importRowErrors.id))
      .limit(limit),
    db.select({ n: count() }).from(importRowErrors).where(eq(importRowErrors.batchId, batchId)),
  ]);
  return { rows, total: n };
}

/** Every row error of an import in file order, a page at a time (for the CSV download). */
export async function* allImportRowErrors(db: Database, batchId: number, pageSize = 5000) {
  for (let offset = 0; ; offset += pageSize) {
    const page = await db
      .select()
      .from(importRowErrors)
      .where(eq(importRowErrors.batchId, batchId))
      .orderBy(asc(importRowErrors.row), asc(importRowErrors.id))
      .limit(pageSize)
      .offset(offset);
    yield* page;
    if (page.length < pageSize) return;
  }
}

/** The latest imports, newest first. */
export async function listImports(db: Database, limit = 50): Promise<ImportProgress[]> {
  const rows = await db.select().from(importBatches).orderBy(desc(importBatches.id)).limit(limit);
  const now = new Date();
  return rows.map((b) => toProgress(b, now));
}
