import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { PaymentMethod } from '@/db/schema/payments';

/** Money in and out through one payment method on one store day (Asia/Shanghai). */
export interface ReconciliationDayTotal {
  method: PaymentMethod;
  currency: string;
  paymentCount: number;
  paidCents: number;
  refundCount: number;
  refundedCents: number;
}

/** The reconciliation job's last run (job_runs), null when it never ran. */
export interface ReconciliationLastRun {
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  result: Record<string, unknown> | null;
}

export interface ReconciliationSummary {
  /** the store day the totals are for, YYYY-MM-DD in Asia/Shanghai */
  day: string;
  lastRun: ReconciliationLastRun | null;
  totals: ReconciliationDayTotal[];
}

/** China has no daylight saving time: the store day is the UTC+8 calendar day. */
const STORE_OFFSET_MS = 8 * 3600_000;

/**
 * What the reconciliation page shows above its differences: when the job last ran and the day's
 * succeeded payments and refunds per method, so "no differences" reads as checked, not as empty.
 * A payment counts on the day it was paid; the scan is bounded by created_at (the state + created
 * index) to attempts opened up to 3 days before, which covers every attempt: unpaid ones close long before.
 */
export async function getReconciliationSummary(
  db: Database,
  { now = new Date() }: { now?: Date } = {},
): Promise<ReconciliationSummary> {
  const day = new Date(now.getTime() + STORE_OFFSET_MS).toISOString().slice(0, 10);
  const start = new Date(`${day}T00:00:00+08:00`);
  const end = new Date(start.getTime() + 24 * 3600_000);
  const scanFrom = new Date(start.getTime() - 3 * 24 * 3600_000);
  const [runs, totals] = await Promise.all([
    queryRows<{
      last_started_at: Date | string | null;
      last_finished_at: Date | string | null;
      last_error: string | null;
      last_result: Record<string, unknown> | null;
    }>(
      db,
      sql`select last_started_at, last_finished_at, last_error, last_result from job_runs where name = 'reconcile_payments'`,
    ),
    queryRows<{
      method: PaymentMethod;
      currency: string;
      payment_count: number;
      paid_cents: number | string;
      refund_count: number;
      refunded_cents: number | string;
    }>(
      db,
      sql`
      with paid as (
        select method, currency, count(*)::int as n, sum(amount_cents)::bigint as cents
        from payments
        where status = 'succeeded' and created_at >= ${scanFrom.toISOString()}
          and paid_at >= ${start.toISOString()} and paid_at < ${end.toISOString()}
        group by method, currency
      ), refunded as (
        select p.method, r.currency, count(*)::int as n, sum(r.amount_cents)::bigint as cents
        from refunds r join payments p on p.id = r.payment_id
        where r.status = 'succeeded' and r.completed_at >= ${start.toISOString()} and r.completed_at < ${end.toISOString()}
        group by p.method, r.currency
      )
      select coalesce(paid.method, refunded.method) as method, coalesce(paid.currency, refunded.currency) as currency,
        coalesce(paid.n, 0) as payment_count, coalesce(paid.cents, 0) as paid_cents,
        coalesce(refunded.n, 0) as refund_count, coalesce(refunded.cents, 0) as refunded_cents
      from paid full join refunded on refunded.method = paid.method and refunded.currency = paid.currency
      order by 1, 2`,
    ),
  ]);
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  const [run] = runs;
  return {
    day,
    lastRun: run
      ? {
          startedAt: date(run.last_started_at),
          finishedAt: date(run.last_finished_at),
          error: run.last_error,
          result: run.last_result,
        }
      : null,
    totals: totals.map((row) => ({
      method: row.method,
      currency: row.currency.trim(),
      paymentCount: Number(row.payment_count),
      paidCents: Number(row.paid_cents),
      refundCount: Number(row.refund_count),
      refundedCents: Number(row.refunded_cents),
    })),
  };
}
