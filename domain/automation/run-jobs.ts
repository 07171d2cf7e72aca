import type { Database } from '@/db/client';
import { autoCompleteOrders } from './auto-complete-orders';
import { autoReviewOrders } from './auto-review-orders';
import { cancelUnpaidOrders } from './cancel-unpaid-orders';
import type { PaymentsRequestContext } from '@/domain/payments/attempts';
import { providerTradeQuery } from '@/domain/payments/reconciliation/provider-ports';
import { reconcilePayments } from '@/domain/payments/reconciliation/reconcile-payments';
import { runRecordedJob, type JobName } from './job-runs';
import { refreshAnalyticsRollups } from '@/domain/analytics/refresh-rollups';
import { runPendingImports } from '@/domain/import/run-pending-imports';
import { sweepAfterSalesDeadlines } from '@/domain/after-sales/sweep-after-sales-deadlines';
import { subscribePendingShipments } from '@/domain/logistics/tracking/shipment-tracking';
import { getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';

/** What some jobs need besides the database: how to reach the payment providers (set by the server). */
export interface JobContext {
  payments?: PaymentsRequestContext;
}

type Job = (db: Database, context: JobContext) => Promise<Record<string, unknown>>;

const JOBS: Record<JobName, Job> = {
  cancel_unpaid_orders: (db) => cancelUnpaidOrders(db),
  auto_review_orders: (db) => autoReviewOrders(db),
  auto_complete_orders: (db) => autoCompleteOrders(db),
  subscribe_tracking: async (db) => subscribePendingShipments(db, await getTrackingProvider(db)),
  // without a provider context (tests, tools) stale attempts are skipped, never guessed at
  reconcile_payments: (db, context) =>
    reconcilePayments(
      db,
      context.payments ? { tradeQuery: providerTradeQuery(context.payments), payments: context.payments } : {},
    ),
  after_sales_deadlines: (db) => sweepAfterSalesDeadlines(db),
  refresh_analytics: async (db) => ({ ...(await refreshAnalyticsRollups(db)) }),
  // imports whose request died before finishing them (a restart): taken over after a stale heartbeat
  run_imports: (db) => runPendingImports(db),
};

// on globalThis: instrumentation registers, the scheduler and Settings read, bundled apart
const registry = globalThis as unknown as { orderConsoleExtraJobs?: Map<string, Job> };

/**
 * Adds a job from a composition root (the tracking sandbox's clock, when the sandbox is on); it
 * runs after the built-in ones. Registering a name again replaces its job.
 */
export function registerJob(name: string, job: Job | undefined): void {
  registry.orderConsoleExtraJobs ??= new Map();
  if (job) registry.orderConsoleExtraJobs.set(name, job);
  else registry.orderConsoleExtraJobs.delete(name);
}

/** The jobs this process runs: the built-in ones, then the registered ones. */
export function listJobNames(): string[] {
  return [...Object.keys(JOBS), ...(registry.orderConsoleExtraJobs?.keys() ?? [])];
}

/**
 * Runs every sweep once, each recorded in job_runs. One failing job does not stop the others;
 * the failures are returned (and recorded) for the caller to log.
 */
export async function runAllJobs(
  db: Database,
  context: JobContext = {},
): Promise<{ name: string; result?: Record<string, unknown>; error?: string }[]> {
  const outcomes: { name: string; result?: Record<string, unknown>; error?: string }[] = [];
  for (const [name, job] of [...Object.entries(JOBS), ...(registry.orderConsoleExtraJobs ?? [])]) {
    try {
      outcomes.push({ name, result: await runRecordedJob(db, name, () => job(db, context)) });
    } catch (error) {
      outcomes.push({ name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
