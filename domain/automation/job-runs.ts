import { asc, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jobRuns, type JobRun } from '@/db/schema/system';

/** The built-in background jobs, in the order Settings lists them and the scheduler runs them (run-jobs.ts adds registered ones). */
export const JOB_NAMES = [
  'cancel_unpaid_orders',
  'auto_review_orders',
  'auto_complete_orders',
  'subscribe_tracking',
  'reconcile_payments',
  'after_sales_deadlines',
  'refresh_analytics',
  'run_imports',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * Runs one job and records it in job_runs: the start before it runs, then the finish with its
 * result counts, or the error. A failed run is recorded and rethrown to the caller.
 */
export async function runRecordedJob<T extends Record<string, unknown>>(
  db: Database,
  name: string,
  job: () => Promise<T>,
): Promise<T> {
  await db
    .insert(jobRuns)
    .values({ name, lastStartedAt: sql`now()` })
    .onConflictDoUpdate({ target: jobRuns.name, set: { lastStartedAt: sql`now()` } });
  try {
    const result = await job();
    await db
      .update(jobRuns)
      .set({ lastFinishedAt: sql`now()`, lastResult: result, lastError: null })
      .where(sql`${jobRuns.name} = ${name}`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(jobRuns)
      .set({ lastFinishedAt: sql`now()`, lastResult: null, lastError: message.slice(0, 2000) })
      .where(sql`${jobRuns.name} = ${name}`);
    throw error;
  }
}

/** Every job's last run, for Settings; jobs that never ran have no row. */
export async function listJobRuns(db: Database): Promise<JobRun[]> {
  return db.select().from(jobRuns).orderBy(asc(jobRuns.name));
}
