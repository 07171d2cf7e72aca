import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { queryRows } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from './factories';
import { orderEvents, orderStatus, type OrderStatus } from '@/db/schema/orders';
import { stockLevels, stockMovements } from '@/db/schema/inventory';
import { shipmentLines, trackingEvents } from '@/db/schema/logistics';
import { CARRIERS } from '@/testing/fixtures/carriers';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 7 });
});
afterAll(async () => handle?.close());

async function stockedSku(onHand = 50) {
  const w = await f.warehouse();
  const s = await f.sku({ priceCents: 5990, costCents: 2500 });
  await f.stock({ skuId: s.id, warehouseId: w.id, onHand });
  return { w, s };
}

describe(`factories (${testDatabaseKind})`, () => {
  it.each(orderStatus.enumValues)('writes a consistent %s order', async (status: OrderStatus) => {
    const a = await stockedSku();
    const b = await stockedSku();
    const { order, lines, payments, shipments } = await f.order({
      status,
      lines: [
        { skuId: a.s.id, quantity: 2 },
        { skuId: b.s.id, quantity: 1, unitPriceCents: 1000 },
      ],
      discountCents: 500,
    });
    expect(order.status).toBe(status);
    expect(order.number).toMatch(/^SO\d{6}\d{6,}$/);
    expect(order.subtotalCents).toBe(2 * 5990 + 1000);
    expect(order.totalCents).toBe(order.subtotalCents - order.discountCents + order.shippingCents + order.taxCents);
    expect(order.itemCount).toBe(3);
    expect(lines.map((l) => [l.skuCode, l.unitCostCents, l.lineTotalCents])).toEqual([
      [a.s.code, 2500, 11980],
      [b.s.code, 2500, 1000],
    ]);

    const succeeded = payments.filter((p) => p.status === 'succeeded');
    const isPaid = ['paid', 'awaiting_shipment', 'partially_shipped', 'shipped', 'completed'].includes(status);
    expect(succeeded.length).toBe(isPaid ? 1 : 0);
    if (isPaid) {
      expect(succeeded[0].amountCents).toBe(order.totalCents);
      expect(succeeded[0].providerTxnId).toBeTruthy();
      expect(order.paidAt).toEqual(succeeded[0].paidAt);
    }
    const isShipped = ['partially_shipped', 'shipped', 'completed'].includes(status);
    expect(shipments.length > 0).toBe(isShipped);

    const shipped = await queryRows<{ sku_id: string; q: string }>(
      handle.db,
      sql`
      select l.sku_id, sum(sl.quantity) as q from shipment_lines sl join order_lines l on l.id = sl.order_line_id
      where l.order_id = ${order.id} group by l.sku_id`,
    );
    const shippedOf = (skuId: number) => Number(shipped.find((r) => Number(r.sku_id) === skuId)?.q ?? 0);
    const expectedShipped = status === 'partially_shipped' ? [2, 0] : isShipped ? [2, 1] : [0, 0];
    expect([shippedOf(a.s.id), shippedOf(b.s.id)]).toEqual(expectedShipped);

    // stock: reserved for open orders, shipped units left on-hand, cancelled released everything
    const level = async (skuId: number) =>
      (await handle.db.select().from(stockLevels).where(eq(stockLevels.skuId, skuId)))[0];
    const la = await level(a.s.id);
    const reservedA = ['pending_payment', 'paid', 'awaiting_shipment'].includes(status) ? 2 : 0;
    expect([la.onHand, la.reserved]).toEqual([50 - expectedShipped[0], reservedA]);
    const lb = await level(b.s.id);
    expect([lb.onHand, lb.reserved]).toEqual([
      50 - expectedShipped[1],
      status === 'partially_shipped' ? 1 : reservedA / 2,
    ]);
    expect(await checkStockLedger(handle.db)).toEqual([]);

    const events = await handle.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(orderEvents.id);
    expect(events[0].kind).toBe('created');
    const transitions = events.filter((e) => e.kind === 'status_changed').map((e) => e.toStatus);
    expect([events[0].toStatus, ...transitions].at(-1)).toBe(status);
    for (let i = 1; i < events.length; i++)
      expect(events[i].createdAt.getTime()).toBeGreaterThanOrEqual(events[i - 1].createdAt.getTime());
    expect(events.at(-1)!.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('pays cash-on-delivery orders only on completion', async () => {
    const { s } = await stockedSku();
    const shipped = await f.order({ status: 'shipped', isCashOnDelivery: true, lines: [{ skuId: s.id, quantity: 1 }] });
    expect(shipped.payments).toEqual([]);
    expect(shipped.order.paidAt).toBeNull();
    const completed = await f.order({
      status: 'completed',
      isCashOnDelivery: true,
      lines: [{ skuId: s.id, quantity: 1 }],
    });
    expect(completed.payments.map((p) => [p.method, p.status, p.amountCents])).toEqual([
      ['cash_on_delivery', 'succeeded', completed.order.totalCents],
    ]);
    expect(completed.order.paidAt).toEqual(completed.order.completedAt);
    await expect(
      f.order({ status: 'paid', isCashOnDelivery: true, lines: [{ skuId: s.id, quantity: 1 }] }),
    ).rejects.toThrow(/cash-on-delivery/);
  });

  it('writes tracking numbers that match the carrier pattern and tracking events up to delivery', async () => {
    const { s } = await stockedSku(100);
    for (const c of CARRIERS) {
      const { shipments } = await f.order({
        status: 'completed',
        carrierCode: c.code,
        lines: [{ skuId: s.id, quantity: 1 }],
      });
      expect(shipments[0].trackingNumber).toMatch(new RegExp(c.trackingPattern));
      expect(shipments[0].status).toBe('delivered');
      const events = await handle.db
        .select()
        .from(trackingEvents)
        .where(eq(trackingEvents.shipmentId, shipments[0].id));
      expect(events.map((e) => e.stateCode)).toContain(3);
      const lines = await handle.db.select().from(shipmentLines).where(eq(shipmentLines.shipmentId, shipments[0].id));
      expect(lines.map((l) => l.quantity)).toEqual([1]);
    }
  });

  it('refuses an order the stock cannot cover instead of overselling', async () => {
    const { s } = await stockedSku(1);
    await expect(f.order({ status: 'paid', lines: [{ skuId: s.id, quantity: 2 }] })).rejects.toThrow(/available/);
  });

  it('sets stock levels with ledger rows that explain them', async () => {
    const { s, w } = await stockedSku(10);
    await f.stock({ skuId: s.id, warehouseId: w.id, onHand: 4, reserved: 3 });
    await f.stock({ skuId: s.id, warehouseId: w.id, onHand: 8, reserved: 1 });
    const kinds = await handle.db
      .select({ kind: stockMovements.kind })
      .from(stockMovements)
      .where(eq(stockMovements.skuId, s.id))
      .orderBy(stockMovements.id);
    expect(kinds.map((k) => k.kind)).toEqual(['receive', 'adjust', 'reserve', 'release', 'receive']);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('reports a stock level the ledger does not explain', async () => {
    const { s, w } = await stockedSku(10);
    await handle.db.execute(
      sql`update stock_levels set on_hand = 11 where sku_id = ${s.id} and warehouse_id = ${w.id}`,
    );
    const mismatches = await checkStockLedger(handle.db);
    expect(mismatches.map((m) => [m.skuId, m.kind, m.onHand, m.ledgerOnHand])).toEqual([
      [s.id, 'last_after', 11, 10],
      [s.id, 'sum', 11, 10],
    ]);
    await handle.db.execute(
      sql`update stock_levels set on_hand = 10 where sku_id = ${s.id} and warehouse_id = ${w.id}`,
    );
  });

  it('reports ledger rows whose ids are not in the order the changes were applied', async () => {
    const { s, w } = await stockedSku(10);
    await f.stock({ skuId: s.id, warehouseId: w.id, onHand: 10, reserved: 2 });
    // two rows of the same level swapped: sums and the newest row still agree, the chain does not
    await handle.db
      .execute(sql`insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, actor_type)
      values (${s.id}, ${w.id}, 'reserve', 0, 1, 10, 4, 'system'), (${s.id}, ${w.id}, 'reserve', 0, 1, 10, 3, 'system')`);
    await handle.db.execute(
      sql`update stock_levels set reserved = 4 where sku_id = ${s.id} and warehouse_id = ${w.id}`,
    );
    const mismatches = await checkStockLedger(handle.db);
    expect(mismatches.map((m) => [m.skuId, m.kind])).toEqual([
      [s.id, 'chain'],
      [s.id, 'chain'],
      [s.id, 'last_after'],
    ]);
    await handle.db.execute(
      sql`delete from stock_movements where sku_id = ${s.id} and kind = 'reserve' and reserved_after in (3, 4) and reserved_delta = 1`,
    );
    await handle.db.execute(
      sql`update stock_levels set reserved = 2 where sku_id = ${s.id} and warehouse_id = ${w.id}`,
    );
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('creates staff whose password verifies', async () => {
    const { verifyPassword } = await import('@/domain/staff/password');
    const member = await f.staff({ role: 'warehouse' });
    expect(member.role).toBe('warehouse');
    expect(await verifyPassword(member.passwordHash, member.password)).toBe(true);
  });
});
