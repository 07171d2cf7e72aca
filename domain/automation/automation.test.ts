import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { stockLevels } from '@/db/schema/inventory';
import { orderEvents, orders } from '@/db/schema/orders';
import { jobRuns, settings } from '@/db/schema/system';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { confirmPayment } from '@/domain/orders/confirm-payment';
import { staffActor } from '@/domain/shared/actor';
import { DEFAULT_SETTINGS } from '@/domain/settings/setting-defaults';
import { autoCompleteOrders } from './auto-complete-orders';
import { autoReviewOrders } from './auto-review-orders';
import { cancelUnpaidOrders, UNPAID_TIMEOUT_REASON } from './cancel-unpaid-orders';
import { runAllJobs } from './run-jobs';

let handle: DatabaseHandle;
let f: Factories;
let warehouseId: number;
let skuId: number;
const MINUTE = 60_000;
const DAY = 86_400_000;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 808 });
  warehouseId = (await f.warehouse()).id;
  skuId = (await f.sku({ priceCents: 10_000 })).id;
  await f.stock({ skuId, warehouseId, onHand: 10_000 });
});
afterEach(async () => {
  expect(await checkStockLedger(handle.db)).toEqual([]);
});
afterAll(async () => handle?.close());

const setSetting = (key: string, value: unknown) =>
  handle.db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } });
const orderRow = async (id: number) => (await handle.db.select().from(orders).where(eq(orders.id, id)))[0];
const stock = async () =>
  (
    await handle.db
      .select()
      .from(stockLevels)
      .where(and(eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, warehouseId)))
  )[0];
const lastEvent = async (id: number) =>
  (await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(asc(orderEvents.id))).at(-1);
/** everything a previous test left in a status the sweeps look at is moved out of their way */
const settle = async () => {
  await handle.db.execute(sql`update orders set archived_at = now() where archived_at is null`);
};

describe(`cancelUnpaidOrders (${testDatabaseKind})`, () => {
  afterEach(settle);

  it('cancels orders unpaid past the timeout as the system and releases their stock; leaves fresh and COD orders', async () => {
    await setSetting('unpaid_timeout_minutes', 30);
    const before = await stock();
    const { order: stale } = await f.order({
      status: 'pending_payment',
      warehouseId,
      placedAt: new Date(Date.now() - 31 * MINUTE),
      lines: [{ skuId, quantity: 3 }],
    });
    const { order: fresh } = await f.order({
      status: 'pending_payment',
      warehouseId,
      placedAt: new Date(Date.now() - 29 * MINUTE),
      lines: [{ skuId, quantity: 1 }],
    });
    const { order: cod } = await f.order({
      status: 'awaiting_shipment',
      isCashOnDelivery: true,
      warehouseId,
      placedAt: new Date(Date.now() - 300 * MINUTE),
      lines: [{ skuId, quantity: 1 }],
    });
    expect((await stock()).reserved).toBe(before.reserved + 5);

    const result = await cancelUnpaidOrders(handle.db);
    expect(result).toMatchObject({ succeeded: 1, failed: 0 });
    expect(await orderRow(stale.id)).toMatchObject({ status: 'cancelled', cancelReason: UNPAID_TIMEOUT_REASON });
    expect(await lastEvent(stale.id)).toMatchObject({ actorType: 'system' });
    expect((await orderRow(fresh.id)).status).toBe('pending_payment');
    expect((await orderRow(cod.id)).status).toBe('awaiting_shipment');
    expect((await stock()).reserved).toBe(before.reserved + 2);

    // a shorter timeout applies on the next run
    await setSetting('unpaid_timeout_minutes', 5);
    expect(await cancelUnpaidOrders(handle.db)).toMatchObject({ succeeded: 1 });
    expect((await orderRow(fresh.id)).status).toBe('cancelled');
  });

  it('also cancels an archived unpaid order, which still holds its stock', async () => {
    await setSetting('unpaid_timeout_minutes', 30);
    const before = await stock();
    const { order } = await f.order({
      status: 'pending_payment',
      warehouseId,
      placedAt: new Date(Date.now() - 60 * MINUTE),
      lines: [{ skuId, quantity: 2 }],
    });
    await handle.db.update(orders).set({ archivedAt: new Date() }).where(eq(orders.id, order.id));
    expect(await cancelUnpaidOrders(handle.db)).toMatchObject({ succeeded: 1 });
    expect((await orderRow(order.id)).status).toBe('cancelled');
    expect((await stock()).reserved).toBe(before.reserved);
  });

  it('two instances sweeping at once cancel each order exactly once', async () => {
    await setSetting('unpaid_timeout_minutes', 30);
    const before = await stock();
    const created = [];
    for (let i = 0; i < 12; i++) {
      created.push(
        (
          await f.order({
            status: 'pending_payment',
            warehouseId,
            placedAt: new Date(Date.now() - (40 + i) * MINUTE),
            lines: [{ skuId, quantity: 1 }],
          })
        ).order,
      );
    }
    const runs = await Promise.all([
      cancelUnpaidOrders(handle.db, { batchSize: 3 }),
      cancelUnpaidOrders(handle.db, { batchSize: 3 }),
    ]);
    expect(runs[0].succeeded + runs[1].succeeded).toBe(12);
    expect(runs[0].failed + runs[1].failed).toBe(0);
    for (const order of created) {
      const cancellations = (
        await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))
      ).filter((e) => e.toStatus === 'cancelled');
      expect(cancellations).toHaveLength(1);
    }
    expect((await stock()).reserved).toBe(before.reserved);
  });

  it('a payment confirmed while the timeout sweeps: exactly one of them wins', async () => {
    await setSetting('unpaid_timeout_minutes', 30);
    const staff = staffActor(await f.staff({ role: 'finance' }));
    for (let round = 0; round < 4; round++) {
      const { order } = await f.order({
        status: 'pending_payment',
        warehouseId,
        placedAt: new Date(Date.now() - 45 * MINUTE),
        lines: [{ skuId, quantity: 1 }],
      });
      const [sweep, payment] = await Promise.all([
        cancelUnpaidOrders(handle.db),
        confirmPayment(handle.db, {
          orderId: order.id,
          method: 'bank_transfer',
          reference: `RACE-${order.id}`,
          actor: staff,
        }),
      ]);
      const row = await orderRow(order.id);
      if (payment.ok) {
        expect(row.status).toBe('paid');
        expect(sweep.succeeded).toBe(0);
      } else {
        expect(payment.code).toBe('invalid_transition');
        expect(row.status).toBe('cancelled');
        expect(sweep.succeeded).toBe(1);
      }
      await settle();
    }
  });
});

describe(`autoReviewOrders (${testDatabaseKind})`, () => {
  afterEach(settle);

  it('passes paid orders that meet the rules and holds the rest in the needs-review queue with their reasons', async () => {
    await setSetting('auto_review', {
      ...DEFAULT_SETTINGS.auto_review,
      enabled: true,
      maxTotalCents: 50_000,
      holdFlaggedCustomers: true,
      holdWithBuyerNote: true,
    });
    const flagged = await f.customer({ isFlagged: true });
    const { order: ordinary } = await f.order({ status: 'paid', warehouseId, lines: [{ skuId, quantity: 1 }] });
    const { order: big } = await f.order({ status: 'paid', warehouseId, lines: [{ skuId, quantity: 6 }] });
    const { order: risky } = await f.order({
      status: 'paid',
      warehouseId,
      customerId: flagged.id,
      buyerNote: '请用顺丰',
      lines: [{ skuId, quantity: 1 }],
    });

    expect(await autoReviewOrders(handle.db)).toMatchObject({ succeeded: 1, held: 2, failed: 0 });
    expect(await orderRow(ordinary.id)).toMatchObject({ status: 'awaiting_shipment', needsReview: false });
    expect(await lastEvent(ordinary.id)).toMatchObject({
      kind: 'status_changed',
      toStatus: 'awaiting_shipment',
      actorType: 'system',
    });
    expect(await orderRow(big.id)).toMatchObject({ status: 'paid', needsReview: true });
    expect(await lastEvent(big.id)).toMatchObject({
      kind: 'note',
      actorType: 'system',
      details: { reviewHold: ['over_limit'] },
    });
    expect(await lastEvent(risky.id)).toMatchObject({ details: { reviewHold: ['flagged_customer', 'buyer_note'] } });

    // held orders wait for a person: the next run does not look at them again
    expect(await autoReviewOrders(handle.db)).toMatchObject({ succeeded: 0, held: 0 });
  });

  it('holds everything while auto-review is off', async () => {
    await setSetting('auto_review', { ...DEFAULT_SETTINGS.auto_review, enabled: false });
    const { order } = await f.order({ status: 'paid', warehouseId, lines: [{ skuId, quantity: 1 }] });
    expect(await autoReviewOrders(handle.db)).toMatchObject({ succeeded: 0, held: 1 });
    expect(await orderRow(order.id)).toMatchObject({ status: 'paid', needsReview: true });
  });
});

describe(`autoCompleteOrders (${testDatabaseKind})`, () => {
  afterEach(settle);

  it('completes shipped orders auto_complete_days after delivery, or after shipment when never delivered', async () => {
    await setSetting('auto_complete_days', 10);
    const shipped = async (shippedDaysAgo: number, deliveredDaysAgo: number | null) => {
      const { order } = await f.order({ status: 'shipped', warehouseId, lines: [{ skuId, quantity: 1 }] });
      await handle.db
        .update(orders)
        .set({
          shippedAt: new Date(Date.now() - shippedDaysAgo * DAY),
          deliveredAt: deliveredDaysAgo === null ? null : new Date(Date.now() - deliveredDaysAgo * DAY),
        })
        .where(eq(orders.id, order.id));
      return order;
    };
    const oldShipment = await shipped(11, null);
    const recentDelivery = await shipped(14, 3);
    const oldDelivery = await shipped(14, 10.5);
    const recentShipment = await shipped(2, null);

    expect(await autoCompleteOrders(handle.db)).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await orderRow(oldShipment.id)).status).toBe('completed');
    expect((await orderRow(oldDelivery.id)).status).toBe('completed');
    expect((await orderRow(recentDelivery.id)).status).toBe('shipped');
    expect((await orderRow(recentShipment.id)).status).toBe('shipped');
    expect(await lastEvent(oldShipment.id)).toMatchObject({ toStatus: 'completed', actorType: 'system' });
  });
});

describe(`job runs (${testDatabaseKind})`, () => {
  it("records every job's start, finish and result counts", async () => {
    await setSetting('unpaid_timeout_minutes', 30);
    await f.order({
      status: 'pending_payment',
      warehouseId,
      placedAt: new Date(Date.now() - 90 * MINUTE),
      lines: [{ skuId, quantity: 1 }],
    });
    const outcomes = await runAllJobs(handle.db);
    // the built-in jobs only: the tracking sandbox's clock is registered by the server that enables it
    expect(outcomes.map((o) => o.name)).toEqual([
      'cancel_unpaid_orders',
      'auto_review_orders',
      'auto_complete_orders',
      'subscribe_tracking',
      'reconcile_payments',
      'after_sales_deadlines',
      'refresh_analytics',
      'run_imports',
    ]);
    expect(outcomes.every((o) => !o.error)).toBe(true);
    const runs = await handle.db.select().from(jobRuns).orderBy(asc(jobRuns.name));
    expect(runs.map((r) => r.name)).toEqual([
      'after_sales_deadlines',
      'auto_complete_orders',
      'auto_review_orders',
      'cancel_unpaid_orders',
      'reconcile_payments',
      'refresh_analytics',
      'run_imports',
      'subscribe_tracking',
    ]);
    for (const run of runs) {
      expect(run.lastStartedAt).not.toBeNull();
      expect(run.lastFinishedAt!.getTime()).toBeGreaterThanOrEqual(run.lastStartedAt!.getTime());
      expect(run.lastError).toBeNull();
    }
    expect(runs.find((r) => r.name === 'cancel_unpaid_orders')!.lastResult).toMatchObject({ succeeded: 1, failed: 0 });
  });
});
