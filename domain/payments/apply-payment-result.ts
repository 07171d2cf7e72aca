import { eq, sql } from 'drizzle-orm';
import { CachedStatement, tableRowMapper, type Database } from '@/db/client';
import { payments, type Payment } from '@/db/schema/payments';
import { appendOrderEvent } from '@/domain/orders/order-event';
import type { OrderStatus } from '@/domain/orders/order-status';
import { transitionOrder } from '@/domain/orders/transition-order';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import type { ProviderMethod } from './payment-methods-config';
import { PROVIDER_ACTORS } from './provider-actors';
import { isUniqueViolation } from '@/domain/shared/database-errors';

/** What a provider said about one attempt, from a verified notification or a verified query answer. */
export interface ProviderPaymentReport {
  method: ProviderMethod;
  outTradeNo: string;
  /** the app / merchant id the provider named (app_id, mchid, merId) */
  merchantId: string;
  /** trade_no / transaction_id / queryId; required for a success */
  providerTxnId: string | null;
  state: 'succeeded' | 'closed' | 'failed' | 'pending';
  /** minor units; required for a success, checked whenever given */
  amountCents: number | null;
  currency: string;
  paidAt: Date | null;
  source: 'notification' | 'query';
}

/**
 * - `paid`: the order moved pending_payment -> paid on this report.
 * - `late_success`: money was taken but the order could no longer take it (cancelled, or paid by
 *   another attempt): the payment is recorded with needs_refund and a timeline entry.
 * - `duplicate`: this report was already applied; nothing changed.
 * - `closed` / `failed`: the pending attempt is now closed / failed.
 * - `still_pending`: the buyer has not paid yet.
 * - `ignored`: a stale report (e.g. closed after success): the attempt keeps its final state.
 */
export type ApplyOutcome = 'paid' | 'late_success' | 'duplicate' | 'closed' | 'failed' | 'still_pending' | 'ignored';

/**
 * Failure codes (nothing is changed): `unknown_out_trade_no`, `method_mismatch` (the attempt was
 * made with another provider), `merchant_mismatch` (not the app/merchant the attempt was made
 * under), `amount_mismatch` / `currency_mismatch` (not the attempt's amount), `missing_transaction`
 * (a success without the provider's transaction id), `transaction_conflict` (the attempt succeeded
 * with another transaction id, or this transaction id is already recorded on another attempt).
 */
export type ApplyPaymentError =
  | 'unknown_out_trade_no'
  | 'method_mismatch'
  | 'merchant_mismatch'
  | 'amount_mismatch'
  | 'currency_mismatch'
  | 'missing_transaction'
  | 'transaction_conflict';

export interface AppliedPayment {
  outcome: ApplyOutcome;
  payment: Payment;
}

// hot on every notification: built once, run prepared (drizzle's builder costs more CPU than the lookup)
const lockAttempt = new CachedStatement(() => ({
  body: sql`select p.*, o.status as order_status from payments p join orders o on o.id = p.order_id
    where p.out_trade_no = ${sql.placeholder('outTradeNo')}
    for update`,
}));
const toPayment = tableRowMapper(payments);

/**
 * The one path by which a provider's word changes our books, for notifications and status queries
 * alike. The attempt and its order are locked (FOR UPDATE) first, so duplicates of one report
 * queue behind each other and each sees the previous one's result, and a timeout cancellation and
 * a success settle in one order or the other, never both. The
 * unique (method, provider_txn_id) index refuses one transaction credited to two attempts.
 */
export async function applyPaymentResult(
  db: Database,
  report: ProviderPaymentReport,
  options: { record?: (tx: Database, applied: AppliedPayment) => Promise<void> } = {},
): Promise<Result<AppliedPayment, ApplyPaymentError>> {
  try {
    return await inTransaction<AppliedPayment, ApplyPaymentError>(db, async (tx) => {
      const applied = await applyLocked(tx, report);
      // the caller's record of what it received commits with the change itself, or neither does
      if (applied.ok && options.record) await options.record(tx, applied.data);
      return applied;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return fail('transaction_conflict', `transaction ${report.providerTxnId} is already recorded on another attempt`);
    }
    throw error;
  }
}

async function applyLocked(
  tx: Database,
  report: ProviderPaymentReport,
): Promise<Result<AppliedPayment, ApplyPaymentError>> {
  // one statement locks the attempt and its order: duplicates queue on the attempt, a cancellation
  // in flight finishes before the order is judged (cancelling never locks payments: no cycle)
  const [row] = await lockAttempt.rows<Record<string, unknown> & { order_status: OrderStatus }>(tx, {
    outTradeNo: report.outTradeNo,
  });
  const payment = row ? toPayment(row) : undefined;
  if (!row || !payment) return fail('unknown_out_trade_no', `no payment attempt ${report.outTradeNo}`);
  if (payment.method !== report.method)
    return fail('method_mismatch', `attempt ${report.outTradeNo} is ${payment.method}, not ${report.method}`);
  if (payment.merchantId !== null && payment.merchantId !== report.merchantId) {
    return fail(
      'merchant_mismatch',
      `attempt ${report.outTradeNo} was made under ${payment.merchantId}, not ${report.merchantId}`,
    );
  }
  if (report.amountCents !== null && report.amountCents !== payment.amountCents) {
    return fail(
      'amount_mismatch',
      `attempt ${report.outTradeNo} is for ${payment.amountCents}, the provider reports ${report.amountCents}`,
    );
  }
  if (report.state === 'succeeded' || report.amountCents !== null) {
    if (report.currency !== payment.currency)
      return fail(
        'currency_mismatch',
        `attempt ${report.outTradeNo} is in ${payment.currency}, not ${report.currency}`,
      );
  }

  if (report.state === 'pending') return ok({ outcome: 'still_pending', payment });
  if (report.state === 'succeeded') return applySuccess(tx, payment, row.order_status, report);

  // closed / failed: only a pending attempt changes; a success already recorded stands (out of order)
  if (payment.status === report.state) return ok({ outcome: 'duplicate', payment });
  if (payment.status !== 'pending') return ok({ outcome: 'ignored', payment });
  const [updated] = await tx
    .update(payments)
    .set({ status: report.state, closedAt: sql`now()` })
    .where(eq(payments.id, payment.id))
    .returning();
  return ok({ outcome: report.state, payment: updated });
}

async function applySuccess(
  tx: Database,
  payment: Payment,
  orderStatus: OrderStatus,
  report: ProviderPaymentReport,
): Promise<Result<AppliedPayment, ApplyPaymentError>> {
  if (report.amountCents === null)
    return fail('amount_mismatch', `a success for ${report.outTradeNo} without an amount`);
  if (!report.providerTxnId)
    return fail('missing_transaction', `a success for ${report.outTradeNo} without the provider's transaction id`);
  if (payment.status === 'succeeded') {
    if (payment.providerTxnId === report.providerTxnId) return ok({ outcome: 'duplicate', payment });
    return fail('transaction_conflict', `attempt ${report.outTradeNo} already succeeded with ${payment.providerTxnId}`);
  }

  const actor = PROVIDER_ACTORS[report.method];
  const order = { id: payment.orderId, status: orderStatus };
  const facts = {
    paymentId: payment.id,
    method: payment.method,
    outTradeNo: payment.outTradeNo,
    providerTxnId: report.providerTxnId,
    amountCents: payment.amountCents,
    currency: payment.currency,
    source: report.source,
  };
  const paidAt = report.paidAt ?? new Date();

  if (order.status === 'pending_payment') {
    const [updated] = await tx
      .update(payments)
      .set({ status: 'succeeded', providerTxnId: report.providerTxnId, paidAt, closedAt: null, needsRefund: false })
      .where(eq(payments.id, payment.id))
      .returning();
    const moved = await transitionOrder(tx, {
      orderId: order.id,
      to: 'paid',
      actor,
      expectedFrom: 'pending_payment',
      details: facts,
    });
    // the order row is locked: it cannot have moved since we read it
    if (!moved.ok) throw new Error(`order ${order.id} did not move to paid: ${moved.message}`);
    return ok({ outcome: 'paid', payment: updated });
  }

  // cancelled, or already paid through another attempt: the money is the buyer's, keep it on record
  const [updated] = await tx
    .update(payments)
    .set({ status: 'succeeded', providerTxnId: report.providerTxnId, paidAt, closedAt: null, needsRefund: true })
    .where(eq(payments.id, payment.id))
    .returning();
  await appendOrderEvent(tx, {
    orderId: order.id,
    kind: 'payment',
    actor,
    message: `payment ${payment.outTradeNo} succeeded while the order was ${order.status}: owed back to the buyer`,
    details: { ...facts, needsRefund: true, orderStatus: order.status },
  });
  return ok({ outcome: 'late_success', payment: updated });
}
