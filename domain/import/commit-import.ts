import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { importBatches, importRowErrors } from '@/db/schema/system';
import { STORE_TIME_ZONE } from '@/domain/analytics/dashboard-summary';
import { commitTimeShortage } from '@/domain/inventory/reserve-at-commit';
import type { Actor } from '@/domain/shared/actor';
import { beatImport, claimImport, finishImport } from './claim-import';
import type { ImportRowError, MappedOrder } from './import-draft';
import { mapOrders } from './map-orders';
import { lookUpMatches, resolveLines } from './match-orders';
import { openBatch } from './open-batch';
import { ImportFileError } from './read-import-file';
import { writeImportedOrders, type OrderToWrite } from './write-imported-orders';

const GROUP = 200;

export type CommitOutcome = 'completed' | 'failed' | 'cancelled' | 'not_claimed';

/**
 * The commit of a checked import, resumable: orders are written a group per transaction, and the
 * same transaction moves the batch's cursor past the group's rows with its row errors, so a
 * killed server leaves whole orders and a cursor that says exactly where to go on. Orders already
 * imported (same source and ref) are left as they are; a re-run creates nothing new.
 */
export async function commitImport(db: Database, batchId: number, actor: Actor): Promise<CommitOutcome> {
  const batch = await claimImport(db, batchId, 'commit');
  if (!batch) return 'not_claimed';
  // the commit keeps its own error list (stock may have run out since the dry run); resumed, it keeps what it has
  if (batch.cursorRow === 0) {
    await db.delete(importRowErrors).where(eq(importRowErrors.batchId, batchId));
    await beatImport(db, batchId, { failedRows: 0, rowsDone: 0 });
  }
  let opened;
  try {
    opened = await openBatch(db, batch);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    await finishImport(db, batchId, { status: 'failed', failure: error.problem.code });
    return 'failed';
  }

  const writeGroup = async (group: MappedOrder[]) => {
    const facts = await lookUpMatches(
      db,
      group.flatMap((m) => (m.draft ? [m.draft] : [])),
    );
    const errors: ImportRowError[] = [];
    const toWrite: OrderToWrite[] = [];
    for (const mapped of group) {
      const resolved = mapped.draft ? resolveLines(mapped.draft, facts, opened.skuColumn) : null;
      if (mapped.errors.length > 0 || !resolved || resolved.errors.length > 0)
        errors.push(...mapped.errors, ...(resolved?.errors ?? []));
      else if (!facts.existing.has(mapped.externalRef)) toWrite.push({ draft: mapped.draft!, lines: resolved.lines });
    }
    const cursor = Math.max(...group.flatMap((m) => m.rows));
    try {
      await writeStep(db, batchId, toWrite, errors, cursor, actor);
    } catch (error) {
      if (!commitTimeShortage(error)) throw error;
      // one order's stock ran short and refused the group's COMMIT: place them one by one
      for (const [i, order] of toWrite.entries()) {
        const last = i === toWrite.length - 1;
        const stepCursor = last ? cursor : Math.max(...order.draft.rows);
        const stepErrors = last ? errors : [];
        try {
          await writeStep(db, batchId, [order], stepErrors, stepCursor, actor);
        } catch (alone) {
          if (!commitTimeShortage(alone)) throw alone;
          const shortage = order.lines.map((l) => ({
            row: l.row,
            column: opened.skuColumn,
            code: 'insufficient_stock' as const,
            value: l.sku.code,
          }));
          await writeStep(db, batchId, [], [...shortage, ...stepErrors], stepCursor, actor);
        }
      }
    }
    return beatImport(db, batchId, {});
  };

  try {
    let group: MappedOrder[] = [];
    for await (const mapped of mapOrders(opened.table, opened.format, {
      timeZone: STORE_TIME_ZONE,
      items: opened.items,
    })) {
      if (Math.max(...mapped.rows) <= batch.cursorRow) continue;
      group.push(mapped);
      if (group.length < GROUP) continue;
      if (!(await writeGroup(group))) return cancelled(db, batchId);
      group = [];
    }
    if (group.length > 0 && !(await writeGroup(group))) return cancelled(db, batchId);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    await finishImport(db, batchId, { status: 'failed', failure: error.problem.code });
    return 'failed';
  }
  await finishImport(db, batchId, { status: 'completed' });
  return 'completed';
}

/** One transaction: the orders, their row errors, and the cursor past them. */
async function writeStep(
  db: Database,
  batchId: number,
  toWrite: OrderToWrite[],
  errors: ImportRowError[],
  cursor: number,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const { created } = await writeImportedOrders(tx, batchId, toWrite, actor);
    if (errors.length > 0) await tx.insert(importRowErrors).values(errors.map((e) => ({ batchId, ...e })));
    const failedRows = new Set(errors.map((e) => e.row)).size;
    await tx
      .update(importBatches)
      .set({
        cursorRow: cursor,
        rowsDone: cursor - 1,
        ordersCreated: sql`${importBatches.ordersCreated} + ${created}`,
        failedRows: sql`${importBatches.failedRows} + ${failedRows}`,
        heartbeatAt: sql`now()`,
      })
      .where(eq(importBatches.id, batchId));
  });
}

async function cancelled(db: Database, batchId: number): Promise<CommitOutcome> {
  await finishImport(db, batchId, { status: 'cancelled' });
  return 'cancelled';
}
