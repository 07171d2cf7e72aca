import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { payments, refunds } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { runRecordedJob } from '@/domain/automation/job-runs';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { getReconciliationSummary } from './get-reconciliation-summary';

let handle: DatabaseHandle;
let f: Factories;
let skuId: number;
// 10:00 in Shanghai on 2026-03-10
const now = new Date('2026-03-10T02:00:00Z');

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 77 });
  const warehouseId = (await f.warehouse()).id;
  skuId = (await f.sku({ priceCents: 10_000 })).id;
  await f.stock({ skuId, warehouseId, onHand: 100 });
}, 120_000);
afterAll(async () => handle?.close());

/** A succeeded payment of `cents` through `method`, paid at `paidAt`; returns its id. */
async function paid(method: 'alipay' | 'wechat_pay', cents: number, paidAt: string): Promise<number> {
  const order = await f.order({ status: 'paid', lines: [{ skuId, quantity: 1 }], paymentMethod: method });
  const [payment] = await handle.db
    .update(payments)
    .set({ amountCents: cents, paidAt: new Date(paidAt), createdAt: new Date(paidAt) })
    .where(eq(payments.id, order.payments[0].id))
    .returning();
  return payment.id;
}

describe(`reconciliation summary (${testDatabaseKind})`, () => {
  it('says the job never ran and has no totals on an empty day', async () => {
    const summary = await getReconciliationSummary(handle.db, { now });
    expect(summary).toEqual({ day: '2026-03-10', lastRun: null, totals: [] });
  });

  it("totals the store day's payments and refunds per method, and shows the last run", async () => {
    // 00:30 and 09:00 in Shanghai count; 23:30 the evening before does not
    await paid('alipay', 10_000, '2026-03-09T16:30:00Z');
    const alipay = await paid('alipay', 5_000, '2026-03-10T01:00:00Z');
    await paid('alipay', 7_000, '2026-03-09T15:30:00Z');
    await paid('wechat_pay', 3_000, '2026-03-10T01:30:00Z');
    const [order] = await handle.db.select({ orderId: payments.orderId }).from(payments).where(eq(payments.id, alipay));
    await handle.db.insert(refunds).values([
      {
        paymentId: alipay,
        orderId: order.orderId,
        outRefundNo: 'RF-SUMMARY-1',
        amountCents: 1_200,
        status: 'succeeded',
        reason: 'test',
        completedAt: new Date('2026-03-10T01:45:00Z'),
      },
      {
        paymentId: alipay,
        orderId: order.orderId,
        outRefundNo: 'RF-SUMMARY-2',
        amountCents: 800,
        status: 'pending',
        reason: 'test',
      },
    ]);
    await runRecordedJob(handle.db, 'reconcile_payments', async () => ({ succeeded: 2, failed: 0 }));

    const summary = await getReconciliationSummary(handle.db, { now });
    expect(summary.totals).toEqual([
      { method: 'alipay', currency: 'CNY', paymentCount: 2, paidCents: 15_000, refundCount: 1, refundedCents: 1_200 },
      { method: 'wechat_pay', currency: 'CNY', paymentCount: 1, paidCents: 3_000, refundCount: 0, refundedCents: 0 },
    ]);
    expect(summary.lastRun?.result).toEqual({ succeeded: 2, failed: 0 });
    expect(summary.lastRun?.error).toBeNull();
    expect(summary.lastRun?.finishedAt).toBeInstanceOf(Date);
  });
});
