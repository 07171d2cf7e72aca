import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { stockLevels } from '@/db/schema/inventory';
import { orderEvents, orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { staffActor, type Actor } from '@/domain/shared/actor';
import { archiveOrder } from './archive-order';
import { createOrder } from './create-order';
import { editOrder } from './edit-order';
import { restoreOrder } from './restore-order';

let handle: DatabaseHandle;
let f: Factories;
let actor: Actor;
let warehouseId: number;
const shipTo = { name: '王小明', phone: '13800138000', province: '浙江省', city: '杭州市', street: '文三路 100 号' };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 71 });
  actor = staffActor(await f.staff({ role: 'operations', name: '编辑员' }));
  warehouseId = (await f.warehouse()).id;
});
afterEach(async () => {
  expect(await checkStockLedger(handle.db)).toEqual([]);
});
afterAll(async () => handle?.close());

async function sku(priceCents: number, onHand: number) {
  const s = await f.sku({ priceCents });
  await f.stock({ skuId: s.id, warehouseId, onHand });
  return s;
}
const reserved = async (skuId: number) =>
  (
    await handle.db
      .select()
      .from(stockLevels)
      .where(and(eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, warehouseId)))
  )[0].reserved;
async function placed(lines: { skuId: number; quantity: number }[], discountCents = 0) {
  const r = await createOrder(handle.db, {
    customer: { name: '王小明', phone: '13800138000' },
    shipTo,
    lines,
    discountCents,
    shippingCents: 500,
    actor,
  });
  if (!r.ok) throw new Error(r.message);
  return r.data.order;
}

describe(`editOrder (${testDatabaseKind})`, () => {
  it('changes lines with stock reserved and released to match, recomputes totals and records before/after', async () => {
    const a = await sku(1000, 50);
    const b = await sku(2000, 50);
    const c = await sku(300, 50);
    const order = await placed(
      [
        { skuId: a.id, quantity: 2 },
        { skuId: b.id, quantity: 1 },
      ],
      500,
    );
    const result = await editOrder(handle.db, {
      orderId: order.id,
      expectedVersion: order.version,
      actor,
      changes: {
        lines: [
          { skuId: a.id, quantity: 5 },
          { skuId: c.id, quantity: 3 },
        ],
        discountCents: 100,
        buyerNote: '改地址',
        shipTo: { ...shipTo, street: '文一路 1 号' },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.changed.sort()).toEqual(['buyerNote', 'discountCents', 'lines', 'shipTo']);
    expect(result.data.order).toMatchObject({
      subtotalCents: 5000 + 900,
      discountCents: 100,
      shippingCents: 500,
      totalCents: 5900 - 100 + 500,
      itemCount: 8,
      version: order.version + 1,
      shipStreet: '文一路 1 号',
      buyerNote: '改地址',
    });
    expect(result.data.lines.map((l) => [l.skuCode, l.quantity, l.lineTotalCents])).toEqual([
      [a.code, 5, 5000],
      [c.code, 3, 900],
    ]);
    expect([await reserved(a.id), await reserved(b.id), await reserved(c.id)]).toEqual([5, 0, 3]);
    const [event] = await handle.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.kind, 'edited')));
    expect(event.details).toMatchObject({
      before: {
        lines: [
          { skuCode: a.code, quantity: 2 },
          { skuCode: b.code, quantity: 1 },
        ],
        discountCents: 500,
        buyerNote: null,
        shipTo: { street: '文三路 100 号' },
      },
      after: {
        lines: [
          { skuCode: a.code, quantity: 5 },
          { skuCode: c.code, quantity: 3 },
        ],
        discountCents: 100,
        buyerNote: '改地址',
        shipTo: { street: '文一路 1 号' },
        totalCents: 6300,
      },
    });
  });

  it('refuses a stale version, a short SKU and shipped orders, changing nothing', async () => {
    const a = await sku(1000, 3);
    const order = await placed([{ skuId: a.id, quantity: 1 }]);
    expect(
      await editOrder(handle.db, {
        orderId: order.id,
        expectedVersion: order.version + 1,
        actor,
        changes: { buyerNote: 'x' },
      }),
    ).toMatchObject({ ok: false, code: 'stale' });
    const short = await editOrder(handle.db, {
      orderId: order.id,
      expectedVersion: order.version,
      actor,
      changes: { lines: [{ skuId: a.id, quantity: 4 }], buyerNote: 'y' },
    });
    expect(short).toMatchObject({ ok: false, code: 'insufficient_stock', params: { skus: a.code } });
    expect(await reserved(a.id)).toBe(1);
    const [same] = await handle.db.select().from(orders).where(eq(orders.id, order.id));
    expect(same).toMatchObject({ version: order.version, buyerNote: null, totalCents: order.totalCents });

    const shipped = await f.order({ status: 'shipped', lines: [{ skuId: a.id, quantity: 1 }] });
    expect(
      await editOrder(handle.db, {
        orderId: shipped.order.id,
        expectedVersion: shipped.order.version,
        actor,
        changes: { buyerNote: 'z' },
      }),
    ).toMatchObject({ ok: false, code: 'not_editable', params: { status: 'shipped' } });
    expect(
      await editOrder(handle.db, {
        orderId: order.id,
        expectedVersion: order.version,
        actor,
        changes: { discountCents: 99_999 },
      }),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { 'changes.discountCents': ['orders.entry.validation.discountAboveSubtotal'] },
    });
  });

  it('lets only one of two editors holding the same version win', async () => {
    const a = await sku(1000, 10);
    const order = await placed([{ skuId: a.id, quantity: 1 }]);
    const results = await Promise.all(
      [2, 3].map((q) =>
        editOrder(handle.db, {
          orderId: order.id,
          expectedVersion: order.version,
          actor,
          changes: { lines: [{ skuId: a.id, quantity: q }] },
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'stale' });
    const winner = results.find((r) => r.ok);
    expect(await reserved(a.id)).toBe(winner?.ok ? winner.data.lines[0].quantity : -1);
  });

  it('on a paid order edits the address but refuses a change of total', async () => {
    const a = await sku(1000, 10);
    const b = await sku(1000, 10);
    const paid = await f.order({ status: 'paid', lines: [{ skuId: a.id, quantity: 2 }] });
    const refused = await editOrder(handle.db, {
      orderId: paid.order.id,
      expectedVersion: paid.order.version,
      actor,
      changes: { lines: [{ skuId: a.id, quantity: 3 }] },
    });
    expect(refused).toMatchObject({ ok: false, code: 'paid_total_change' });
    expect(await reserved(a.id)).toBe(2);
    // same total (a swap at the same price) is fine, and so is the address
    const swapped = await editOrder(handle.db, {
      orderId: paid.order.id,
      expectedVersion: paid.order.version,
      actor,
      changes: { lines: [{ skuId: b.id, quantity: 2 }], shipTo: { ...shipTo, city: '宁波市' } },
    });
    expect(swapped).toMatchObject({
      ok: true,
      data: { order: { totalCents: paid.order.totalCents, shipCity: '宁波市' } },
    });
    expect([await reserved(a.id), await reserved(b.id)]).toEqual([0, 2]);
    const noop = await editOrder(handle.db, {
      orderId: paid.order.id,
      expectedVersion: paid.order.version + 1,
      actor,
      changes: { shipTo: { ...shipTo, city: '宁波市' } },
    });
    expect(noop).toMatchObject({ ok: true, data: { changed: [] } });
  });
});

describe(`archiveOrder / restoreOrder (${testDatabaseKind})`, () => {
  it('archives cancelled and never-paid orders only, and restores them', async () => {
    const a = await sku(1000, 100);
    const cancelled = await f.order({ status: 'cancelled', lines: [{ skuId: a.id, quantity: 1 }] });
    const unpaid = await placed([{ skuId: a.id, quantity: 1 }]);
    for (const id of [cancelled.order.id, unpaid.id]) {
      const archived = await archiveOrder(handle.db, { orderId: id, actor });
      expect(archived).toMatchObject({ ok: true, data: { archivedBy: actor.id } });
      expect(archived.ok && archived.data.archivedAt).toBeTruthy();
      expect(await archiveOrder(handle.db, { orderId: id, actor })).toMatchObject({
        ok: false,
        code: 'already_archived',
      });
    }
    for (const status of ['paid', 'awaiting_shipment', 'shipped', 'completed'] as const) {
      const live = await f.order({ status, lines: [{ skuId: a.id, quantity: 2 }] });
      expect(await archiveOrder(handle.db, { orderId: live.order.id, actor })).toMatchObject({
        ok: false,
        code: 'not_archivable',
        params: { status },
      });
    }
    const cod = await f.order({
      status: 'awaiting_shipment',
      isCashOnDelivery: true,
      lines: [{ skuId: a.id, quantity: 1 }],
    });
    expect(await archiveOrder(handle.db, { orderId: cod.order.id, actor })).toMatchObject({
      ok: false,
      code: 'not_archivable',
    });
    expect(await archiveOrder(handle.db, { orderId: 99_999_999, actor })).toMatchObject({
      ok: false,
      code: 'not_found',
    });

    const restored = await restoreOrder(handle.db, { orderId: unpaid.id, actor });
    expect(restored).toMatchObject({ ok: true, data: { archivedAt: null, archivedBy: null } });
    expect(await restoreOrder(handle.db, { orderId: unpaid.id, actor })).toMatchObject({
      ok: false,
      code: 'not_archived',
    });
    const kinds = (
      await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, unpaid.id)).orderBy(orderEvents.id)
    ).map((e) => e.kind);
    expect(kinds).toEqual(['created', 'archived', 'restored']);
  });
});
