import type { Database } from '@/db/client';
import { autoCompleteOrders } from './auto-complete-orders';
import { autoReviewOrders } from './auto-review-orders';
import { cancelUnpaidOrders } from './cancel-unpaid-orders';
import { reconcilePayments } from '@/domain/payments/reconciliation/reconcile-payments';
import { runRecordedJob, type JobName } from './job-runs';

const JOBS: Record<JobName, (db: Database) => Promise<Record<string, unknown>>> = {
  cancel_unpaid_orders: (db) => cancelUnpaidOrders(db),
  auto_review_orders: (db) => autoReviewOrders(db),
  auto_complete_orders: (db) => autoCompleteOrders(db),
  reconcile_payments: (db) => reconcilePayments(db),
};

/**
 * Runs every sweep once, each recorded in job_runs. One failing job does not stop the others;
 * the failures are returned (and recorded) for the caller to log.
 */
export async function runAllJobs(db: Database): Promise<{ name: JobName; result?: Record<string, unknown>; error?: string }[]> {
  const outcomes: { name: JobName; result?: Record<string, unknown>; error?: string }[] = [];
  for (const [name, job] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
    try {
      outcomes.push({ name, result: await runRecordedJob(db, name, () => job(db)) });
    } catch (error) {
      outcomes.push({ name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
