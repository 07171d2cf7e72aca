import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { importBatches, type ImportBatch } from '@/db/schema/system';

/** A job that has not beaten its heartbeat for this long has died; another may take its batch over. */
export const IMPORT_STALE_SECONDS = 60;

/**
 * The two phases a job takes a batch for: its dry run (waiting as 'uploaded') and its commit
 * (waiting as 'running' with no heartbeat: requestImportCommit put it there).
 */
export type ImportPhase = 'check' | 'commit';

const STALE = sql`${importBatches.heartbeatAt} < now() - make_interval(secs => ${IMPORT_STALE_SECONDS})`;

/** Batches a job may take for `phase` now: waiting, or held by a job whose heartbeat went stale (a killed server). */
export function claimableFor(phase: ImportPhase): SQL {
  return phase === 'check'
    ? sql`(${importBatches.status} = 'uploaded' or (${importBatches.status} = 'checking' and ${STALE}))`
    : sql`(${importBatches.status} = 'running' and (${importBatches.heartbeatAt} is null or ${STALE}))`;
}

/** Takes a batch for one phase in one conditional UPDATE; null when someone else holds it or it has moved on. */
export async function claimImport(db: Database, batchId: number, phase: ImportPhase): Promise<ImportBatch | null> {
  const [claimed] = await db
    .update(importBatches)
    .set({
      status: phase === 'check' ? 'checking' : 'running',
      heartbeatAt: sql`now()`,
      startedAt: sql`coalesce(${importBatches.startedAt}, now())`,
    })
    .where(and(eq(importBatches.id, batchId), eq(importBatches.cancelRequested, false), claimableFor(phase)))
    .returning();
  return claimed ?? null;
}

/** Progress, and the heartbeat with it; false when a person asked to cancel (the job then stops). */
export async function beatImport(
  db: Database,
  batchId: number,
  progress: Partial<Pick<ImportBatch, 'rowsDone' | 'failedRows' | 'ordersCreated' | 'cursorRow' | 'totalRows'>>,
): Promise<boolean> {
  const [row] = await db
    .update(importBatches)
    .set({ ...progress, heartbeatAt: sql`now()` })
    .where(eq(importBatches.id, batchId))
    .returning({ cancelRequested: importBatches.cancelRequested });
  return row !== undefined && !row.cancelRequested;
}

/** Ends a phase: its status, when, and what it found. */
export async function finishImport(
  db: Database,
  batchId: number,
  set: Partial<
    Pick<
      ImportBatch,
      'status' | 'summary' | 'failure' | 'totalRows' | 'rowsDone' | 'failedRows' | 'format' | 'encoding'
    >
  >,
): Promise<void> {
  const ends = set.status === 'completed' || set.status === 'failed' || set.status === 'cancelled';
  await db
    .update(importBatches)
    .set({ ...set, heartbeatAt: null, ...(ends ? { finishedAt: sql`now()` } : {}) })
    .where(eq(importBatches.id, batchId));
}
