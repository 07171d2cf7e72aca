import { eq, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { payments, refunds } from '@/db/schema/payments';
import { sweepInBatches, type SweepOptions, type SweepOutcome } from '@/domain/automation/sweep';
import { PAYMENT_PROVIDERS } from '@/domain/payments/providers';
import type { PaymentsRequestContext } from '@/domain/payments/providers/resolve-provider';
import type { ProviderTransport } from '@/domain/payments/providers/transport';
import type { RefundAnswer } from '@/domain/payments/providers/types';
import { applyRefundAnswer, refundSetup } from '@/domain/payments/refunds/submit-refund';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { getSetting } from '@/domain/settings/get-setting';
import type { PaymentResultPort } from './apply-port';
import { paymentsFlowPort } from './provider-ports';
import { recordReconciliationIssue } from './record-issue';
import { noTradeQuery, type TradeAnswer, type TradeQuery } from './trade-query-port';

const PROVIDER_METHODS = sql`('alipay', 'wechat_pay', 'unionpay')`;

export interface ReconcileOptions extends SweepOptions {
  now?: Date;
  tradeQuery?: TradeQuery;
  paymentPort?: PaymentResultPort;
  /** how refunds reach their providers (the same configuration payments use); without it refunds wait */
  payments?: PaymentsRequestContext;
  /** tests only: stands in for the providers' transport */
  transport?: ProviderTransport;
}

/** Rows asked about per run; the rest wait for the next run. */
const MAX_ROWS_PER_RUN = 200;

/**
 * The reconciliation job: attempts and refunds still pending `reconcile_after_minutes` after
 * they began are asked about at their provider and settled from the answer; what does not match
 * (paid there and not here, other amounts, another refund state) becomes a reconciliation issue.
 * The provider is asked first, outside any transaction (a slow gateway must not hold row locks,
 * and the sandbox answers from this same database); then the rows still pending are claimed
 * FOR UPDATE SKIP LOCKED and the answers applied through the conditional, idempotent operations.
 */
export async function reconcilePayments(db: Database, options: ReconcileOptions = {}) {
  const minutes = await getSetting(db, 'reconcile_after_minutes');
  const cutoff = new Date((options.now ?? new Date()).getTime() - minutes * 60_000).toISOString();
  const tradeQuery = options.tradeQuery ?? noTradeQuery;
  const port = options.paymentPort ?? paymentsFlowPort;
  const claimPending =
    (table: 'payments' | 'refunds', ids: number[]) => async (tx: Database, limit: number, excludeIds: number[]) =>
      (
        await queryRows<{ id: number }>(
          tx,
          sql`
    select id from ${sql.raw(table)}
    where status = 'pending' and id = any(${`{${ids.join(',')}}`}::bigint[]) and id <> all(${`{${excludeIds.join(',')}}`}::bigint[])
    order by id limit ${limit} for update skip locked`,
        )
      ).map((r) => Number(r.id));

  // 1. stale attempts
  const staleAttempts = await db
    .select()
    .from(payments)
    .where(
      sql`${payments.status} = 'pending' and ${payments.method} in ${PROVIDER_METHODS} and ${payments.createdAt} < ${cutoff}::timestamptz`,
    )
    .orderBy(payments.createdAt)
    .limit(MAX_ROWS_PER_RUN);
  const tradeAnswers = new Map<number, TradeAnswer>();
  let attemptsSkipped = 0;
  let attemptsHeld = 0;
  for (const payment of staleAttempts) {
    const answer = await tradeQuery(payment);
    if (answer.state === 'unavailable') attemptsSkipped += 1;
    else if (answer.state === 'pending') attemptsHeld += 1;
    else tradeAnswers.set(payment.id, answer);
  }
  const attempts = await sweepInBatches(
    db,
    claimPending('payments', [...tradeAnswers.keys()]),
    async (tx, paymentId): Promise<SweepOutcome> => {
      const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId));
      const answer = tradeAnswers.get(paymentId);
      if (!answer || answer.state === 'pending' || answer.state === 'unavailable') return 'skipped';
      if (answer.state === 'paid' && answer.amountCents !== payment.amountCents) {
        await recordReconciliationIssue(tx, {
          kind: 'amount_mismatch',
          method: payment.method,
          paymentId,
          orderId: payment.orderId,
          details: { ours: payment.amountCents, provider: answer.amountCents, providerTxnId: answer.providerTxnId },
        });
        return 'held';
      }
      const outcome = await port.applyPaymentResult(
        tx,
        answer.state === 'paid'
          ? {
              payment,
              state: 'paid',
              providerTxnId: answer.providerTxnId,
              amountCents: answer.amountCents,
              paidAt: answer.paidAt,
            }
          : { payment, state: 'closed', providerTxnId: null, amountCents: null, paidAt: null },
      );
      return outcome === 'applied' ? 'succeeded' : 'held';
    },
    options,
  );

  // 2. stale pending refunds sent through a provider
  const refundCounts = { succeeded: 0, held: 0, skipped: 0, failed: 0, errors: [] as string[] };
  if (!options.payments) refundCounts.errors.push('no payments context: stale refunds were not asked about');
  else {
    const stale = await db
      .select({ refund: refunds, payment: payments })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(
        sql`${refunds.status} = 'pending' and ${payments.method} in ${PROVIDER_METHODS} and ${refunds.createdAt} < ${cutoff}::timestamptz`,
      )
      .orderBy(refunds.createdAt)
      .limit(MAX_ROWS_PER_RUN);
    const refundAnswers = new Map<number, { answer: RefundAnswer; context: (typeof stale)[number] }>();
    for (const row of stale) {
      const reached = await refundSetup(db, row, options);
      if (!reached.ok) {
        refundCounts.skipped += 1;
        if (refundCounts.errors.length < 5) refundCounts.errors.push(`refund ${row.refund.id}: ${reached.message}`);
        continue;
      }
      const { setup } = reached.data;
      // the wall clock, not options.now: providers check the signed request's timestamp
      const answer = await PAYMENT_PROVIDERS[setup.config.method].queryRefund(setup, row, new Date());
      if (answer.kind === 'error') {
        refundCounts.failed += 1;
        if (refundCounts.errors.length < 5) refundCounts.errors.push(`refund ${row.refund.id}: ${answer.detail}`);
      } else if (answer.kind === 'processing' || (answer.kind === 'not_found' && !row.refund.providerRefundId)) {
        // still on its way; or never accepted by the provider: a refund nobody sent yet waits for finance
        refundCounts.held += 1;
      } else refundAnswers.set(row.refund.id, { answer, context: row });
    }
    const swept = await sweepInBatches(
      db,
      claimPending('refunds', [...refundAnswers.keys()]),
      async (tx, refundId): Promise<SweepOutcome> => {
        const found = refundAnswers.get(refundId);
        if (!found) return 'skipped';
        const {
          answer,
          context: { refund, payment },
        } = found;
        const issue = { method: payment.method, paymentId: payment.id, refundId, orderId: refund.orderId };
        if (answer.kind === 'not_found') {
          await recordReconciliationIssue(tx, {
            ...issue,
            kind: 'refund_unknown_at_provider',
            details: {
              outRefundNo: refund.outRefundNo,
              providerRefundId: refund.providerRefundId,
              detail: answer.detail,
            },
          });
          return 'held';
        }
        if (answer.kind === 'succeeded' && answer.amountCents !== null && answer.amountCents !== refund.amountCents) {
          await recordReconciliationIssue(tx, {
            ...issue,
            kind: 'refund_amount_mismatch',
            details: { ours: refund.amountCents, provider: answer.amountCents, source: 'query' },
          });
          return 'held';
        }
        const applied = await applyRefundAnswer(tx, refund, answer, 'reconciliation', SYSTEM_ACTOR);
        if (applied.ok) return 'succeeded';
        if (applied.code === 'conflict') {
          await recordReconciliationIssue(tx, {
            ...issue,
            kind: 'refund_state_mismatch',
            details: { ours: applied.params?.status ?? null, provider: answer.kind, source: 'query' },
          });
          return 'held';
        }
        throw new Error(applied.message);
      },
      options,
    );
    refundCounts.succeeded += swept.succeeded;
    refundCounts.held += swept.held;
    refundCounts.skipped += swept.skipped;
    refundCounts.failed += swept.failed;
    refundCounts.errors.push(...swept.errors);
  }

  const attemptCounts = {
    succeeded: attempts.succeeded,
    held: attempts.held + attemptsHeld,
    skipped: attempts.skipped + attemptsSkipped,
    failed: attempts.failed,
  };
  return {
    succeeded: attemptCounts.succeeded + refundCounts.succeeded,
    held: attemptCounts.held + refundCounts.held,
    skipped: attemptCounts.skipped + refundCounts.skipped,
    failed: attemptCounts.failed + refundCounts.failed,
    attempts: attemptCounts,
    refunds: {
      succeeded: refundCounts.succeeded,
      held: refundCounts.held,
      skipped: refundCounts.skipped,
      failed: refundCounts.failed,
    },
    errors: [...attempts.errors, ...refundCounts.errors].slice(0, 5),
  };
}
