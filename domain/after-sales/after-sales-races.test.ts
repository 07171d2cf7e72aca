import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { afterSalesEvents, afterSalesLines, afterSalesRequests } from '@/db/schema/after-sales';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import type { Actor } from '@/domain/shared/actor';
import { approveAfterSalesRequest } from './approve-after-sales-request';
import { createAfterSalesRequest } from './create-after-sales-request';
import { receiveAndInspect } from './receive-and-inspect';
import { sweepAfterSalesDeadlines } from './sweep-after-sales-deadlines';

let handle: DatabaseHandle;
let f: Factories;
let warehouseId: number;
const agent: Actor = { type: 'staff', id: null, name: 'agent' };
const HOUR = 3_600_000;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 1516 });
  warehouseId = (await f.warehouse()).id;
}, 120_000);
afterAll(async () => handle?.close());

async function order(options: { quantity: number; priceCents?: number; status?: 'shipped' | 'paid' }) {
  const sku = await f.sku({ priceCents: options.priceCents ?? 5_000 });
  await f.stock({ skuId: sku.id, warehouseId, onHand: 10 });
  const placed = await f.order({
    status: options.status ?? 'shipped',
    lines: [{ skuId: sku.id, quantity: options.quantity }],
    shippingCents: 0,
    warehouseId,
  });
  return { ...placed, sku };
}

const request = async (id: number) =>
  (await handle.db.select().from(afterSalesRequests).where(eq(afterSalesRequests.id, id)))[0];
const moves = (id: number) =>
  handle.db.select().from(afterSalesEvents).where(eq(afterSalesEvents.requestId, id)).orderBy(asc(afterSalesEvents.id));

describe(`after-sales races and deadlines (${testDatabaseKind})`, () => {
  it('two agents request the last unit of a line at once: exactly one succeeds', async () => {
    const { order: o, lines } = await order({ quantity: 1 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createAfterSalesRequest(handle.db, {
          orderId: o.id,
          kind: i % 2 === 0 ? 'return_refund' : 'refund_only',
          actor: agent,
          lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'quality_problem' }],
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r.ok === false && r.code).toBe('invalid_lines');
    const [{ n }] = await queryRows<{ n: number }>(
      handle.db,
      sql`select coalesce(sum(quantity), 0)::int as n from after_sales_lines where order_line_id = ${lines[0].id}`,
    );
    expect(Number(n)).toBe(1);
  });

  it('two people receive the same parcel at once: one inspection, stock restocked once', async () => {
    const { order: o, lines, sku } = await order({ quantity: 2 });
    const created = await createAfterSalesRequest(handle.db, {
      orderId: o.id,
      kind: 'return_refund',
      actor: agent,
      lines: [{ orderLineId: lines[0].id, quantity: 2, reasonCode: 'wrong_size' }],
    });
    if (!created.ok) throw new Error(created.message);
    await approveAfterSalesRequest(handle.db, { requestId: created.data.id, actor: agent });
    const [line] = await handle.db.select().from(afterSalesLines).where(eq(afterSalesLines.requestId, created.data.id));
    const before = (await findStockLevel(handle.db, sku.id, warehouseId))!;
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        receiveAndInspect(handle.db, {
          requestId: created.data.id,
          actor: agent,
          lines: [{ lineId: line.id, restock: 2, damaged: 0, scrap: 0 }],
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      // a loser that read the status before the winner moved gets conflict, one that read it after gets
      // invalid_transition: either way nothing changed and it says what the request is now
      expect(r.ok === false && ['conflict', 'invalid_transition'].includes(r.code)).toBe(true);
      expect(r.ok === false && r.params?.status).toBe('inspected');
    }
    expect((await findStockLevel(handle.db, sku.id, warehouseId))!.onHand).toBe(before.onHand + 2);
    expect((await moves(created.data.id)).filter((e) => e.toStatus === 'received')).toHaveLength(1);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it("the deadline sweep racing a person's approval: one approval, whichever comes first", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { order: o, lines } = await order({ quantity: 1, priceCents: 3_000, status: 'paid' });
      const created = await createAfterSalesRequest(handle.db, {
        orderId: o.id,
        kind: 'refund_only',
        actor: agent,
        lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'other' }],
      });
      if (!created.ok) throw new Error(created.message);
      const later = new Date(Date.now() + 49 * HOUR);
      const [sweep, person] = await Promise.all([
        sweepAfterSalesDeadlines(handle.db, { now: later }),
        approveAfterSalesRequest(handle.db, { requestId: created.data.id, actor: agent }),
      ]);
      const approvals = (await moves(created.data.id)).filter((e) => e.toStatus === 'approved');
      expect(approvals).toHaveLength(1);
      expect((await request(created.data.id)).status).toBe('approved');
      // exactly one of them did it
      const sweepApproved = sweep.succeeded > 0;
      expect(sweepApproved !== person.ok).toBe(true);
      if (!person.ok) {
        expect(['conflict', 'invalid_transition']).toContain(person.code);
        expect(person.params?.status).toBe('approved');
      }
      expect(approvals[0].actorType).toBe(sweepApproved ? 'system' : 'staff');
    }
  });

  it('deadlines act: small refund-only approved, others flagged overdue, an unsent return closed; nothing before its time', async () => {
    const small = await order({ quantity: 1, priceCents: 5_000, status: 'paid' });
    const big = await order({ quantity: 1, priceCents: 50_000, status: 'paid' });
    const ret = await order({ quantity: 1 });
    const make = async (o: Awaited<ReturnType<typeof order>>, kind: 'refund_only' | 'return_refund') => {
      const r = await createAfterSalesRequest(handle.db, {
        orderId: o.order.id,
        kind,
        actor: agent,
        lines: [{ orderLineId: o.lines[0].id, quantity: 1, reasonCode: 'other' }],
      });
      if (!r.ok) throw new Error(r.message);
      return r.data.id;
    };
    const smallId = await make(small, 'refund_only');
    const bigId = await make(big, 'refund_only');
    const retId = await make(ret, 'return_refund');
    await approveAfterSalesRequest(handle.db, { requestId: retId, actor: agent });

    await sweepAfterSalesDeadlines(handle.db, { now: new Date(Date.now() + 47 * HOUR) });
    expect((await request(smallId)).status).toBe('requested');
    expect((await request(bigId)).overdueAt).toBeNull();

    await sweepAfterSalesDeadlines(handle.db, { now: new Date(Date.now() + 49 * HOUR) });
    expect((await request(smallId)).status).toBe('approved');
    expect(await request(bigId)).toMatchObject({ status: 'requested' });
    expect((await request(bigId)).overdueAt).toBeInstanceOf(Date);
    expect((await request(retId)).status).toBe('awaiting_return');

    await sweepAfterSalesDeadlines(handle.db, { now: new Date(Date.now() + 8 * 24 * HOUR) });
    expect(await request(retId)).toMatchObject({ status: 'closed', deadlineAt: null });
    // a closed request gives its units back: the line may be requested again
    const again = await createAfterSalesRequest(handle.db, {
      orderId: ret.order.id,
      kind: 'return_refund',
      actor: agent,
      lines: [{ orderLineId: ret.lines[0].id, quantity: 1, reasonCode: 'other' }],
    });
    expect(again.ok).toBe(true);
  });
});
