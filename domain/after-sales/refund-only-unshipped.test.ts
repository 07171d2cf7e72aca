import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { orderLines, orders } from '@/db/schema/orders';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import { getCarrierSpec } from '@/domain/logistics/carriers';
import { cancelOrder } from '@/domain/orders/cancel-order';
import { shipOrder } from '@/domain/orders/ship-order';
import type { Actor } from '@/domain/shared/actor';
import { approveAfterSalesRequest } from './approve-after-sales-request';
import { createAfterSalesRequest } from './create-after-sales-request';
import { sendRefund } from './send-refund';

let handle: DatabaseHandle;
let f: Factories;
let warehouseId: number;
let carrierId: number;
const agent: Actor = { type: 'staff', id: null, name: 'agent' };

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 1517 });
  warehouseId = (await f.warehouse()).id;
  carrierId = (await f.carrier('shunfeng')).id;
}, 120_000);
afterAll(async () => handle?.close());

async function refundOnly(quantity: number, refunded: number) {
  const sku = await f.sku({ priceCents: 2_000 });
  await f.stock({ skuId: sku.id, warehouseId, onHand: 10 });
  const { order, lines } = await f.order({
    status: 'awaiting_shipment',
    lines: [{ skuId: sku.id, quantity }],
    shippingCents: 0,
    paymentMethod: 'bank_transfer',
    warehouseId,
  });
  const before = (await findStockLevel(handle.db, sku.id, warehouseId))!;
  const created = await createAfterSalesRequest(handle.db, {
    orderId: order.id,
    kind: 'refund_only',
    actor: agent,
    lines: [{ orderLineId: lines[0].id, quantity: refunded, reasonCode: 'no_longer_wanted' }],
  });
  if (!created.ok) throw new Error(created.message);
  await approveAfterSalesRequest(handle.db, { requestId: created.data.id, actor: agent });
  const sent = await sendRefund(handle.db, { requestId: created.data.id, reference: `T-${order.id}`, actor: agent });
  if (!sent.ok) throw new Error(sent.message);
  expect(sent.data.status).toBe('completed');
  return { order, sku, before };
}

describe(`refund only on unshipped units (${testDatabaseKind})`, () => {
  it('releases the reservation of the refunded unit, and the order ships the rest and ends shipped', async () => {
    const { order, sku, before } = await refundOnly(3, 1);
    expect((await findStockLevel(handle.db, sku.id, warehouseId))!.reserved).toBe(before.reserved - 1);
    const tooMany = await shipOrder(handle.db, {
      orderId: order.id,
      carrierId,
      trackingNumber: getCarrierSpec('shunfeng').sampleNumber(7_001),
      actor: agent,
      lines: [{ orderLineId: await lineOf(order.id), quantity: 3 }],
    });
    expect(tooMany.ok === false && tooMany.code).toBe('invalid_lines');
    const shipped = await shipOrder(handle.db, {
      orderId: order.id,
      carrierId,
      trackingNumber: getCarrierSpec('shunfeng').sampleNumber(7_002),
      actor: agent,
    });
    expect(shipped.ok && shipped.data.status).toBe('shipped');
    expect(await findStockLevel(handle.db, sku.id, warehouseId)).toMatchObject({
      onHand: before.onHand - 2,
      reserved: before.reserved - 3,
    });
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });

  it('when nothing is left to ship the order ends cancelled, and cancelling never releases a unit twice', async () => {
    const { order, sku, before } = await refundOnly(2, 2);
    const [row] = await handle.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row.status).toBe('cancelled');
    expect((await findStockLevel(handle.db, sku.id, warehouseId))!.reserved).toBe(before.reserved - 2);

    const partly = await refundOnly(2, 1);
    const cancelled = await cancelOrder(handle.db, {
      orderId: partly.order.id,
      reason: 'buyer changed mind',
      actor: agent,
    });
    expect(cancelled.ok).toBe(true);
    expect((await findStockLevel(handle.db, partly.sku.id, warehouseId))!.reserved).toBe(partly.before.reserved - 2);
    expect(await checkStockLedger(handle.db)).toEqual([]);
  });
});

async function lineOf(orderId: number): Promise<number> {
  const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
  return line.id;
}
