import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { importRowErrors, type ImportSummary } from '@/db/schema/system';
import { STORE_TIME_ZONE } from '@/domain/analytics/dashboard-summary';
import { beatImport, claimImport, finishImport } from './claim-import';
import type { ImportRowError, MappedOrder } from './import-draft';
import { mapOrders } from './map-orders';
import { HISTORICAL_STATUSES, lookUpMatches, resolveLines } from './match-orders';
import { openBatch } from './open-batch';
import { ImportFileError } from './read-import-file';

const GROUP = 500;
export const MAX_LISTED_DIFFERENCES = 200;

export type CheckOutcome = 'checked' | 'failed' | 'cancelled' | 'not_claimed';

/**
 * The dry run: reads the whole file, validates every row, compares every order with what is
 * already imported, and records the row errors and a summary (what a commit would do). Writes
 * nothing else. Restartable: a check taken over from a dead job starts again from the top.
 */
export async function checkImport(db: Database, batchId: number): Promise<CheckOutcome> {
  const batch = await claimImport(db, batchId, 'check');
  if (!batch) return 'not_claimed';
  await db.delete(importRowErrors).where(eq(importRowErrors.batchId, batchId));
  let opened;
  try {
    opened = await openBatch(db, batch);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    await finishImport(db, batchId, { status: 'failed', failure: error.problem.code });
    return 'failed';
  }
  const summary: ImportSummary = {
    orders: 0,
    newOrders: 0,
    identical: 0,
    statusDiffers: 0,
    ordersWithErrors: 0,
    historical: 0,
    differences: [],
  };
  const errorRows = new Set<number>();
  let lastRow = 1;
  const record = async (errors: ImportRowError[], refOf: (row: number) => string | null) => {
    errors.forEach((e) => errorRows.add(e.row));
    for (let at = 0; at < errors.length; at += 1000)
      await db
        .insert(importRowErrors)
        .values(errors.slice(at, at + 1000).map((e) => ({ batchId, ...e, externalRef: refOf(e.row) })));
  };
  await record(opened.itemErrors, () => null);

  const checkGroup = async (group: MappedOrder[]) => {
    const drafts = group.flatMap((m) => (m.draft ? [m.draft] : []));
    const facts = await lookUpMatches(db, drafts);
    const errors: ImportRowError[] = [];
    const refByRow = new Map<number, string>();
    for (const mapped of group) {
      summary.orders += 1;
      mapped.rows.forEach((r) => refByRow.set(r, mapped.externalRef));
      const lineErrors = mapped.draft ? resolveLines(mapped.draft, facts, opened.skuColumn).errors : [];
      if (mapped.errors.length > 0 || lineErrors.length > 0) {
        summary.ordersWithErrors += 1;
        errors.push(...mapped.errors, ...lineErrors);
        continue;
      }
      const draft = mapped.draft!;
      const existing = facts.existing.get(draft.externalRef);
      if (!existing) {
        summary.newOrders += 1;
        if (HISTORICAL_STATUSES.includes(draft.status)) summary.historical += 1;
      } else if (existing.status === draft.status) summary.identical += 1;
      else {
        summary.statusDiffers += 1;
        if (summary.differences.length < MAX_LISTED_DIFFERENCES)
          summary.differences.push({
            externalRef: draft.externalRef,
            number: existing.number,
            ours: existing.status,
            theirs: draft.status,
          });
      }
    }
    await record(errors, (row) => refByRow.get(row) ?? null);
    lastRow = Math.max(lastRow, ...group.flatMap((m) => m.rows));
    return beatImport(db, batchId, { rowsDone: lastRow - 1, failedRows: errorRows.size });
  };

  try {
    let group: MappedOrder[] = [];
    for await (const mapped of mapOrders(opened.table, opened.format, {
      timeZone: STORE_TIME_ZONE,
      items: opened.items,
    })) {
      group.push(mapped);
      if (group.length < GROUP) continue;
      if (!(await checkGroup(group))) return cancelled(db, batchId);
      group = [];
    }
    if (group.length > 0 && !(await checkGroup(group))) return cancelled(db, batchId);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    await finishImport(db, batchId, { status: 'failed', failure: error.problem.code });
    return 'failed';
  }
  await finishImport(db, batchId, {
    status: 'checked',
    summary,
    format: opened.format.platform,
    encoding: opened.table.encoding,
    totalRows: lastRow - 1,
    rowsDone: lastRow - 1,
    failedRows: errorRows.size,
  });
  return 'checked';
}

async function cancelled(db: Database, batchId: number): Promise<CheckOutcome> {
  await finishImport(db, batchId, { status: 'cancelled' });
  return 'cancelled';
}
