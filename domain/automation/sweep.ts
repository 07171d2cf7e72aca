import type { Database } from '@/db/client';

/** What happened to one claimed order: done, held back by a rule, skipped (someone else moved it first), or failed. */
export type SweepOutcome = 'succeeded' | 'held' | 'skipped' | 'failed';

export type SweepCounts = {
  succeeded: number;
  held: number;
  skipped: number;
  failed: number;
};

export interface SweepOptions {
  batchSize?: number;
  /** a bound on one run, so a sweep that keeps finding work still ends and leaves the rest to the next tick */
  maxBatches?: number;
}

/**
 * Claims candidates in batches (the claim must `SELECT id ... FOR UPDATE SKIP LOCKED LIMIT n`)
 * and handles each inside the claiming transaction, one savepoint per order, so a failure undoes
 * only that order. Several instances may sweep at once: each skips the rows another holds, and
 * the operations re-check the status in their conditional update. Orders that failed are not
 * claimed again in the same run.
 */
export async function sweepInBatches(
  db: Database,
  claim: (tx: Database, limit: number, excludeIds: number[]) => Promise<number[]>,
  handle: (tx: Database, orderId: number) => Promise<SweepOutcome>,
  options: SweepOptions = {},
): Promise<SweepCounts & { errors: string[] }> {
  const batchSize = options.batchSize ?? 50;
  const maxBatches = options.maxBatches ?? 20;
  const counts: SweepCounts = { succeeded: 0, held: 0, skipped: 0, failed: 0 };
  const failedIds: number[] = [];
  const errors: string[] = [];
  for (let batch = 0; batch < maxBatches; batch++) {
    const claimed = await db.transaction(async (tx) => {
      const ids = await claim(tx, batchSize, failedIds);
      for (const orderId of ids) {
        let outcome: SweepOutcome;
        try {
          outcome = await tx.transaction((savepoint) => handle(savepoint, orderId));
        } catch (error) {
          outcome = 'failed';
          if (errors.length < 5)
            errors.push(`order ${orderId}: ${error instanceof Error ? error.message : String(error)}`);
        }
        counts[outcome] += 1;
        if (outcome === 'failed' || outcome === 'skipped') failedIds.push(orderId);
      }
      return ids.length;
    });
    if (claimed < batchSize) break;
  }
  return { ...counts, errors };
}
