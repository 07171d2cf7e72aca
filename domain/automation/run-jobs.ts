import type { Database } from '@/db/client';
import { autoCompleteOrders } from './auto-complete-orders';
import { autoReviewOrders } from './auto-review-orders';
import { cancelUnpaidOrders } from './cancel-unpaid-orders';
import type { PaymentsRequestContext } from '@/domain/payments/attempts';
import { providerTradeQuery } from '@/domain/payments/reconciliation/provider-ports';
import { reconcilePayments } from '@/domain/payments/reconciliation/reconcile-payments';
import { runRecordedJob, type JobName } from './job-runs';
import { sendDueSandboxPushes } from '@/domain/logistics/tracking/sandbox/send-sandbox-pushes';
import { subscribePendingShipments } from '@/domain/logistics/tracking/shipment-tracking';
import { getKuaidi100Settings, getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';

/** What some jobs need besides the database: how to reach the payment providers (set by the server). */
export interface JobContext {
  payments?: PaymentsRequestContext;
}

const JOBS: Record<JobName, (db: Database, context: JobContext) => Promise<Record<string, unknown>>> = {
  cancel_unpaid_orders: (db) => cancelUnpaidOrders(db),
  auto_review_orders: (db) => autoReviewOrders(db),
  auto_complete_orders: (db) => autoCompleteOrders(db),
  subscribe_tracking: async (db) => subscribePendingShipments(db, await getTrackingProvider(db)),
  // the offline aggregator's clock; nothing to do when the real one is in use
  sandbox_tracking_pushes: async (db) => ((await getKuaidi100Settings(db)).mode === 'sandbox' ? sendDueSandboxPushes(db) : { skipped: 'live mode' }),
  // without a provider context (tests, tools) stale attempts are skipped, never guessed at
  reconcile_payments: (db, context) => reconcilePayments(db, context.payments ? { tradeQuery: providerTradeQuery(context.payments), payments: context.payments } : {}),
};

/**
 * Runs every sweep once, each recorded in job_runs. One failing job does not stop the others;
 * the failures are returned (and recorded) for the caller to log.
 */
export async function runAllJobs(db: Database, context: JobContext = {}): Promise<{ name: JobName; result?: Record<string, unknown>; error?: string }[]> {
  const outcomes: { name: JobName; result?: Record<string, unknown>; error?: string }[] = [];
  for (const [name, job] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
    try {
      outcomes.push({ name, result: await runRecordedJob(db, name, () => job(db, context)) });
    } catch (error) {
      outcomes.push({ name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
