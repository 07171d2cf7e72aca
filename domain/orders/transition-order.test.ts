import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { orderEvents, orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { SYSTEM_ACTOR, staffActor } from '@/domain/shared/actor';
import { inTransaction } from '@/domain/shared/transaction';
import { ORDER_STATUSES, ORDER_TRANSITIONS, canTransition } from './order-status';
import { transitionOrder } from './transition-order';

let handle: DatabaseHandle;
let f: Factories;
let skuId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 41 });
  const wh = await f.warehouse();
  const sku = await f.sku();
  await f.stock({ skuId: sku.id, warehouseId: wh.id, onHand: 10_000 });
  skuId = sku.id;
});
afterAll(async () => handle?.close());

const newOrder = async (
  status:
    'pending_payment' | 'paid' | 'awaiting_shipment' | 'shipped' | 'completed' | 'cancelled' | 'partially_shipped',
) => (await f.order({ status, lines: [{ skuId, quantity: 2 }] })).order;

describe(`transitionOrder (${testDatabaseKind})`, () => {
  it('makes every move the table allows, stamping the time and writing the timeline row', async () => {
    const actor = staffActor({ id: 3, name: '李运营' });
    for (const from of ['pending_payment', 'paid', 'awaiting_shipment', 'partially_shipped', 'shipped'] as const) {
      for (const to of ORDER_TRANSITIONS[from]) {
        const order = await newOrder(from);
        const moved = await inTransaction(handle.db, (tx) =>
          transitionOrder(tx, { orderId: order.id, to, actor, reason: `to ${to}`, details: { test: true } }),
        );
        expect(moved, `${from} -> ${to}`).toMatchObject({ ok: true, data: { status: to, version: order.version + 1 } });
        if (!moved.ok) continue;
        if (to === 'paid') expect(moved.data.paidAt).not.toBeNull();
        if (to === 'cancelled') expect(moved.data).toMatchObject({ cancelReason: `to ${to}` });
        if (to === 'cancelled') expect(moved.data.cancelledAt).not.toBeNull();
        if (to === 'completed') expect(moved.data.completedAt).not.toBeNull();
        const events = await handle.db
          .select()
          .from(orderEvents)
          .where(eq(orderEvents.orderId, order.id))
          .orderBy(asc(orderEvents.id));
        expect(events.at(-1)).toMatchObject({
          kind: 'status_changed',
          fromStatus: from,
          toStatus: to,
          actorType: 'staff',
          actorId: 3,
          actorName: '李运营',
          message: `to ${to}`,
          details: { test: true },
        });
      }
    }
  });

  it('refuses every move the table forbids, naming the current status, and changes nothing', async () => {
    for (const from of ['pending_payment', 'paid', 'awaiting_shipment', 'shipped', 'completed', 'cancelled'] as const) {
      const order = await newOrder(from);
      const eventsBefore = (await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).length;
      for (const to of ORDER_STATUSES.filter((s) => !canTransition(from, s))) {
        const result = await inTransaction(handle.db, (tx) =>
          transitionOrder(tx, { orderId: order.id, to, actor: SYSTEM_ACTOR }),
        );
        expect(result, `${from} -> ${to}`).toMatchObject({
          ok: false,
          code: 'invalid_transition',
          params: { status: from, to },
        });
        expect(result.ok ? '' : result.message).toContain(from);
      }
      const [after] = await handle.db.select().from(orders).where(eq(orders.id, order.id));
      expect(after).toMatchObject({ status: from, version: order.version });
      expect((await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).length).toBe(
        eventsBefore,
      );
    }
  });

  it('reports an illegal move naming the status when the order moved first; a stale view of a legal move is a conflict', async () => {
    const order = await newOrder('pending_payment');
    await inTransaction(handle.db, (tx) =>
      transitionOrder(tx, { orderId: order.id, to: 'cancelled', actor: SYSTEM_ACTOR, reason: 'timeout' }),
    );
    const late = await inTransaction(handle.db, (tx) =>
      transitionOrder(tx, { orderId: order.id, to: 'paid', actor: SYSTEM_ACTOR, expectedFrom: 'pending_payment' }),
    );
    expect(late).toMatchObject({ ok: false, code: 'invalid_transition', params: { status: 'cancelled' } });
    expect(late.ok ? '' : late.message).toContain('cancelled');
    const paid = await newOrder('pending_payment');
    await inTransaction(handle.db, (tx) => transitionOrder(tx, { orderId: paid.id, to: 'paid', actor: SYSTEM_ACTOR }));
    const stale = await inTransaction(handle.db, (tx) =>
      transitionOrder(tx, { orderId: paid.id, to: 'cancelled', actor: SYSTEM_ACTOR, expectedFrom: 'pending_payment' }),
    );
    expect(stale).toMatchObject({ ok: false, code: 'conflict', params: { status: 'paid' } });
    expect(
      await inTransaction(handle.db, (tx) =>
        transitionOrder(tx, { orderId: 99_999_999, to: 'paid', actor: SYSTEM_ACTOR }),
      ),
    ).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('lets exactly one of two racing moves win (two people press the button at once)', async () => {
    const order = await newOrder('awaiting_shipment');
    const attempts = await Promise.all(
      (['shipped', 'cancelled', 'shipped', 'cancelled'] as const).map((to) =>
        inTransaction(handle.db, (tx) => transitionOrder(tx, { orderId: order.id, to, actor: SYSTEM_ACTOR })),
      ),
    );
    const winners = attempts.filter((a) => a.ok);
    expect(winners).toHaveLength(1);
    for (const loser of attempts.filter((a) => !a.ok))
      expect(loser).toMatchObject({ ok: false, code: expect.stringMatching(/^(conflict|invalid_transition)$/) });
    const events = await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events.filter((e) => e.kind === 'status_changed' && e.fromStatus === 'awaiting_shipment')).toHaveLength(1);
  });
});
