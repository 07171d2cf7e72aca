import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { stockLevels } from '@/db/schema/inventory';
import { orderEvents, orders } from '@/db/schema/orders';
import { refunds } from '@/db/schema/payments';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { SYSTEM_ACTOR, staffActor } from '@/domain/shared/actor';
import { cancelOrder } from './cancel-order';
import { createOrder } from './create-order';

let handle: DatabaseHandle;
let f: Factories;
let skuId: number;
let warehouseId: number;
let actor = staffActor({ id: 0, name: '客服小李' });
const shipTo = { name: '王小明', phone: '13800138000', province: '浙江省', city: '杭州市', street: '文三路 100 号' };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 61 });
  actor = staffActor(await f.staff({ role: 'operations', name: '客服小李' }));
  warehouseId = (await f.warehouse()).id;
  skuId = (await f.sku({ priceCents: 2500 })).id;
  await f.stock({ skuId, warehouseId, onHand: 100 });
});
afterEach(async () => {
  expect(await checkStockLedger(handle.db)).toEqual([]);
});
afterAll(async () => handle?.close());

const reserved = async () =>
  (
    await handle.db
      .select()
      .from(stockLevels)
      .where(and(eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, warehouseId)))
  )[0].reserved;

describe(`cancelOrder (${testDatabaseKind})`, () => {
  it('cancels an unpaid order, releases its stock and records the reason', async () => {
    const before = await reserved();
    const created = await createOrder(handle.db, {
      customer: { name: '王小明', phone: '13800138000' },
      shipTo,
      lines: [{ skuId, quantity: 4 }],
      actor,
    });
    if (!created.ok) throw new Error(created.message);
    expect(await reserved()).toBe(before + 4);
    const result = await cancelOrder(handle.db, { orderId: created.data.order.id, reason: '  买家不要了 ', actor });
    expect(result).toMatchObject({
      ok: true,
      data: {
        order: { status: 'cancelled', cancelReason: '买家不要了' },
        refund: null,
        released: [{ skuId, warehouseId, quantity: 4 }],
      },
    });
    expect(await reserved()).toBe(before);
    const events = await handle.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, created.data.order.id))
      .orderBy(orderEvents.id);
    expect(events.at(-1)).toMatchObject({
      kind: 'status_changed',
      fromStatus: 'pending_payment',
      toStatus: 'cancelled',
      message: '买家不要了',
      actorName: '客服小李',
    });
  });

  it("records a paid order's money as a pending refund owed to the buyer", async () => {
    for (const status of ['paid', 'awaiting_shipment'] as const) {
      const made = await f.order({ status, lines: [{ skuId, quantity: 2 }] });
      const before = await reserved();
      const result = await cancelOrder(handle.db, { orderId: made.order.id, reason: '缺货，协商退款', actor });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.refund).toMatchObject({
        orderId: made.order.id,
        paymentId: made.payments[0].id,
        amountCents: made.order.totalCents,
        status: 'pending',
        reason: '缺货，协商退款',
        createdBy: actor.id,
      });
      expect(await reserved()).toBe(before - 2);
      const events = await handle.db
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, made.order.id), eq(orderEvents.kind, 'refund')));
      expect(events).toMatchObject([
        { details: { amountCents: made.order.totalCents, status: 'pending', owed: true } },
      ]);
    }
  });

  it('gives a cash-on-delivery order no refund (nothing was paid)', async () => {
    const made = await f.order({
      status: 'awaiting_shipment',
      isCashOnDelivery: true,
      lines: [{ skuId, quantity: 1 }],
    });
    expect(
      await cancelOrder(handle.db, { orderId: made.order.id, reason: '地址无法送达', actor: SYSTEM_ACTOR }),
    ).toMatchObject({ ok: true, data: { refund: null, order: { status: 'cancelled' } } });
  });

  it('refuses shipped and completed orders, naming their status, and needs a reason', async () => {
    for (const status of ['shipped', 'completed', 'partially_shipped', 'cancelled'] as const) {
      const made = await f.order({ status, lines: [{ skuId, quantity: 2 }] });
      const before = await reserved();
      const result = await cancelOrder(handle.db, { orderId: made.order.id, reason: 'x', actor });
      expect(result).toMatchObject({ ok: false, code: 'invalid_transition', params: { status } });
      expect(await reserved()).toBe(before);
      const [after] = await handle.db.select().from(orders).where(eq(orders.id, made.order.id));
      expect(after.status).toBe(status);
    }
    const made = await f.order({ status: 'pending_payment', lines: [{ skuId, quantity: 1 }] });
    expect(await cancelOrder(handle.db, { orderId: made.order.id, reason: '   ', actor })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { reason: ['orders.actions.validation.reason'] },
    });
    expect(await cancelOrder(handle.db, { orderId: made.order.id, reason: 'x'.repeat(501), actor })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { reason: ['orders.actions.validation.reasonTooLong'] },
    });
    expect(await cancelOrder(handle.db, { orderId: 99_999_999, reason: 'x', actor })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('cancels once when two people cancel at the same moment: one refund, one release', async () => {
    const made = await f.order({ status: 'paid', lines: [{ skuId, quantity: 3 }] });
    const before = await reserved();
    const results = await Promise.all(
      [1, 2, 3].map(() => cancelOrder(handle.db, { orderId: made.order.id, reason: '重复点击', actor })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(r).toMatchObject({
        code: expect.stringMatching(/^(conflict|invalid_transition)$/),
        params: { status: 'cancelled' },
      });
    expect(await reserved()).toBe(before - 3);
    expect(await handle.db.$count(refunds, eq(refunds.orderId, made.order.id))).toBe(1);
  });
});
