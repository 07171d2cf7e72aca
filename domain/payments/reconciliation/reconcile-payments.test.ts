import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { payments, reconciliationIssues, refunds, type Payment } from '@/db/schema/payments';
import { orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import type { PaymentsRequestContext } from '@/domain/payments/providers/resolve-provider';
import { requestRefund } from '@/domain/payments/refunds/request-refund';
import { submitRefund } from '@/domain/payments/refunds/submit-refund';
import { paymentsTestContext } from '@/testing/payments-testing';
import type { Actor } from '@/domain/shared/actor';
import { reconcilePayments } from './reconcile-payments';
import { listReconciliationIssues, resolveReconciliationIssue } from './resolve-issue';
import type { TradeAnswer } from './trade-query-port';

let handle: DatabaseHandle;
let f: Factories;
let skuId: number;
let ctx: PaymentsRequestContext;
const finance: Actor = { type: 'staff', id: null, name: 'finance' };
const MINUTE = 60_000;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 5151 });
  const warehouseId = (await f.warehouse()).id;
  skuId = (await f.sku({ priceCents: 8_800 })).id;
  await f.stock({ skuId, warehouseId, onHand: 1000 });
  ctx = paymentsTestContext(handle);
}, 120_000);
afterAll(async () => handle?.close());

/** A pending attempt opened `minutesAgo` ago. */
async function pendingAttempt(minutesAgo: number): Promise<Payment> {
  const {
    payments: [attempt],
  } = await f.order({ status: 'pending_payment', lines: [{ skuId, quantity: 1 }] });
  const [row] = await handle.db
    .update(payments)
    .set({ createdAt: new Date(Date.now() - minutesAgo * MINUTE) })
    .where(eq(payments.id, attempt.id))
    .returning();
  return row;
}

/** What the provider says about each attempt (the provider status query is the payments flow's; this stands in for its answers). */
function providerSays(answers: Map<number, TradeAnswer>) {
  return async (payment: Payment): Promise<TradeAnswer> => answers.get(payment.id) ?? { state: 'pending' };
}

const issuesOf = (paymentId: number) =>
  handle.db.select().from(reconciliationIssues).where(eq(reconciliationIssues.paymentId, paymentId));

describe(`reconciliation (${testDatabaseKind})`, () => {
  it('a stale attempt the provider says is paid is paid through the payments flow once; amounts that differ and closed trades are handled; fresh attempts wait', async () => {
    const paid = await pendingAttempt(30);
    const otherAmount = await pendingAttempt(30);
    const closed = await pendingAttempt(40);
    const fresh = await pendingAttempt(5);
    const answers = new Map<number, TradeAnswer>([
      [
        paid.id,
        { state: 'paid', providerTxnId: '2026112622001499990001', amountCents: paid.amountCents, paidAt: new Date() },
      ],
      [
        otherAmount.id,
        {
          state: 'paid',
          providerTxnId: '2026112622001499990002',
          amountCents: otherAmount.amountCents - 1,
          paidAt: new Date(),
        },
      ],
      [closed.id, { state: 'closed' }],
      [
        fresh.id,
        { state: 'paid', providerTxnId: '2026112622001499990003', amountCents: fresh.amountCents, paidAt: new Date() },
      ],
    ]);
    const result = await reconcilePayments(handle.db, { tradeQuery: providerSays(answers), payments: ctx });
    expect(result.attempts).toMatchObject({ succeeded: 2, held: 1, failed: 0 });

    expect(await issuesOf(paid.id)).toHaveLength(0);
    const [paidRow] = await handle.db.select().from(payments).where(eq(payments.id, paid.id));
    expect(paidRow).toMatchObject({ status: 'succeeded', providerTxnId: '2026112622001499990001' });
    expect((await handle.db.select().from(orders).where(eq(orders.id, paid.orderId)))[0].status).toBe('paid');
    const [amountIssue] = await issuesOf(otherAmount.id);
    expect(amountIssue).toMatchObject({
      kind: 'amount_mismatch',
      details: expect.objectContaining({ ours: otherAmount.amountCents, provider: otherAmount.amountCents - 1 }),
    });
    expect((await handle.db.select().from(payments).where(eq(payments.id, closed.id)))[0].status).toBe('closed');
    expect(await issuesOf(fresh.id)).toHaveLength(0);

    // the next run finds the same difference and does not repeat it; the paid one is settled
    const second = await reconcilePayments(handle.db, { tradeQuery: providerSays(answers), payments: ctx });
    expect(second.attempts.succeeded).toBe(0);
    expect(await issuesOf(otherAmount.id)).toHaveLength(1);

    // a person resolves it with a note; resolving twice says so
    const resolved = await resolveReconciliationIssue(handle.db, {
      issueId: amountIssue.id,
      note: 'short payment agreed with the buyer',
      actor: finance,
    });
    expect(resolved.ok && resolved.data).toMatchObject({
      isResolved: true,
      resolutionNote: 'short payment agreed with the buyer',
    });
    const again = await resolveReconciliationIssue(handle.db, { issueId: amountIssue.id, note: 'x', actor: finance });
    expect(again.ok === false && again.code).toBe('already_resolved');
    expect((await listReconciliationIssues(handle.db, 'resolved')).map((i) => i.id)).toContain(amountIssue.id);
    expect((await listReconciliationIssues(handle.db, 'open')).map((i) => i.id)).not.toContain(amountIssue.id);
  });

  it('without a provider status query, stale attempts are skipped, not guessed at', async () => {
    const stale = await pendingAttempt(60);
    const result = await reconcilePayments(handle.db, { payments: ctx });
    expect(result.attempts.skipped).toBeGreaterThanOrEqual(1);
    expect((await handle.db.select().from(payments).where(eq(payments.id, stale.id)))[0].status).toBe('pending');
  });

  it('a refund whose notification never came is settled from the provider query once it is stale', async () => {
    const { order } = await f.order({ status: 'paid', lines: [{ skuId, quantity: 1 }], paymentMethod: 'wechat_pay' });
    const requested = await requestRefund(handle.db, {
      orderId: order.id,
      amountCents: 800,
      reason: 'lost notification',
      actor: finance,
    });
    if (!requested.ok) throw new Error(requested.message);
    const submitted = await submitRefund(handle.db, { refundId: requested.data.id, actor: finance, payments: ctx });
    expect(submitted.ok && submitted.data.answer.kind).toBe('processing');
    // not stale yet: left alone
    await reconcilePayments(handle.db, { payments: ctx });
    expect((await handle.db.select().from(refunds).where(eq(refunds.id, requested.data.id)))[0].status).toBe('pending');
    const later = await reconcilePayments(handle.db, { payments: ctx, now: new Date(Date.now() + 20 * MINUTE) });
    expect(later.refunds.succeeded).toBeGreaterThanOrEqual(1);
    expect((await handle.db.select().from(refunds).where(eq(refunds.id, requested.data.id)))[0].status).toBe(
      'succeeded',
    );
  });
});
