import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkStockLedger, createFactories, type Factories } from '@/testing/factories/factories';
import { customers } from '@/db/schema/customers';
import { stockMovements } from '@/db/schema/inventory';
import { orderEvents, orderLines, orders } from '@/db/schema/orders';
import { findStockLevel, openTestDatabase, testDatabaseKind } from '@/db/testing';
import { staffActor } from '@/domain/shared/actor';
import { createOrder, type CreateOrderInput } from './create-order';
import { ZCreateOrderInput } from './order-input';
import { formatOrderNumber } from './order-number';

let handle: DatabaseHandle;
let f: Factories;
const actor = staffActor({ id: 1, name: '张运营' });
const shipTo = {
  name: '王小明',
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  street: '文三路 100 号',
};

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 51 });
});
afterEach(async () => {
  expect(await checkStockLedger(handle.db)).toEqual([]);
});
afterAll(async () => handle?.close());

async function level(skuId: number, warehouseId: number) {
  return (await findStockLevel(handle.db, skuId, warehouseId))!;
}
async function stocked(priceCents: number, onHand: number, warehouseId?: number) {
  const wh = warehouseId ?? (await f.warehouse()).id;
  const sku = await f.sku({ priceCents });
  await f.stock({ skuId: sku.id, warehouseId: wh, onHand });
  return { sku, warehouseId: wh };
}
const input = (over: Partial<CreateOrderInput>): CreateOrderInput => ({
  customer: { name: '王小明', phone: '13800138000' },
  shipTo,
  lines: [],
  actor,
  ...over,
});

describe(`createOrder (${testDatabaseKind})`, () => {
  it('prices on the server, merges duplicate SKUs, reserves stock and lands in pending payment', async () => {
    const a = await stocked(4990, 20);
    const b = await stocked(1990, 5, a.warehouseId);
    const result = await createOrder(
      handle.db,
      input({
        lines: [
          { skuId: a.sku.id, quantity: 2 },
          { skuId: b.sku.id, quantity: 1 },
          { skuId: a.sku.id, quantity: 1 },
        ],
        discountCents: 1000,
        shippingCents: 800,
        buyerNote: '  请尽快发货 ',
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { order, lines, existing } = result.data;
    expect(existing).toBe(false);
    expect(order).toMatchObject({
      status: 'pending_payment',
      source: 'manual',
      subtotalCents: 3 * 4990 + 1990,
      discountCents: 1000,
      shippingCents: 800,
      taxCents: 0,
      totalCents: 3 * 4990 + 1990 - 1000 + 800,
      itemCount: 4,
      buyerNote: '请尽快发货',
      shipName: '王小明',
      shipCity: '杭州市',
      currency: 'CNY',
    });
    expect(order.number).toMatch(/^SO\d{6}\d{6,}$/);
    expect(lines.map((l) => [l.skuCode, l.quantity, l.unitPriceCents, l.lineTotalCents, l.warehouseId])).toEqual([
      [a.sku.code, 3, 4990, 14970, a.warehouseId],
      [b.sku.code, 1, 1990, 1990, a.warehouseId],
    ]);
    expect(await level(a.sku.id, a.warehouseId)).toMatchObject({ onHand: 20, reserved: 3 });
    const moves = await handle.db.select().from(stockMovements).where(eq(stockMovements.orderId, order.id));
    expect(moves.map((m) => [m.kind, m.skuId, m.reservedDelta]).sort()).toEqual(
      [
        ['reserve', a.sku.id, 3],
        ['reserve', b.sku.id, 1],
      ].sort(),
    );
    const events = await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events).toMatchObject([
      { kind: 'created', toStatus: 'pending_payment', actorType: 'staff', actorName: '张运营' },
    ]);
    expect(events[0].details).toEqual({
      source: 'manual',
      externalRef: null,
      totalCents: order.totalCents,
      itemCount: 4,
    });
    // the returned rows are exactly what a plain select reads back (types included), and the
    // number, placed time and timeline row share the transaction's clock
    expect(order).toEqual((await handle.db.select().from(orders).where(eq(orders.id, order.id)))[0]);
    expect(lines).toEqual(
      await handle.db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.id)),
    );
    expect(order.placedAt).toBeInstanceOf(Date);
    expect(order.createdAt.getTime()).toBe(order.placedAt.getTime());
    expect(events[0].createdAt.getTime()).toBe(order.placedAt.getTime());
    expect(order.number).toBe(formatOrderNumber(order.placedAt, Number(order.number.slice(8))));
    const [customer] = await handle.db.select().from(customers).where(eq(customers.id, order.customerId!));
    expect(customer).toMatchObject({ name: '王小明', phone: '13800138000' });
  });

  it('sends cash on delivery straight to awaiting shipment, reuses an existing customer and a given warehouse', async () => {
    const near = await f.warehouse();
    const far = await f.warehouse();
    const sku = await f.sku({ priceCents: 1000 });
    await f.stock({ skuId: sku.id, warehouseId: near.id, onHand: 3 });
    await f.stock({ skuId: sku.id, warehouseId: far.id, onHand: 50 });
    const customer = await f.customer();
    const picked = await createOrder(
      handle.db,
      input({ customer: { id: customer.id }, isCashOnDelivery: true, lines: [{ skuId: sku.id, quantity: 2 }] }),
    );
    expect(picked).toMatchObject({
      ok: true,
      data: { order: { status: 'awaiting_shipment', isCashOnDelivery: true, customerId: customer.id } },
    });
    // the warehouse with the most available stock
    expect(picked.ok && picked.data.lines[0].warehouseId).toBe(far.id);
    const given = await createOrder(
      handle.db,
      input({ lines: [{ skuId: sku.id, quantity: 2, warehouseId: near.id }] }),
    );
    expect(given.ok && given.data.lines[0].warehouseId).toBe(near.id);
    expect(await level(sku.id, near.id)).toMatchObject({ reserved: 2 });
    const short = await createOrder(
      handle.db,
      input({ lines: [{ skuId: sku.id, quantity: 2, warehouseId: near.id }] }),
    );
    expect(short).toMatchObject({ ok: false, code: 'insufficient_stock', params: { skus: sku.code } });
  });

  it('returns every field error as an i18n key, not just the first', async () => {
    const result = await createOrder(
      handle.db,
      input({
        customer: { name: '', phone: '12345' },
        shipTo: { name: '', phone: 'abc', province: '', city: '杭州市', street: '' },
        lines: [
          { skuId: 1, quantity: 0 },
          { skuId: -1, quantity: 10_000 },
        ],
        discountCents: -1,
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid');
    expect(result.fieldErrors).toMatchObject({
      'customer.name': ['orders.entry.validation.customerNameRequired'],
      'customer.phone': ['orders.entry.validation.mobileInvalid'],
      'shipTo.name': ['orders.entry.validation.recipientRequired'],
      'shipTo.phone': ['orders.entry.validation.phoneInvalid'],
      'shipTo.province': ['orders.entry.validation.provinceRequired'],
      'shipTo.street': ['orders.entry.validation.streetRequired'],
      'lines.0.quantity': ['orders.entry.validation.quantityTooSmall'],
      'lines.1.skuId': ['orders.entry.validation.idInvalid'],
      'lines.1.quantity': ['orders.entry.validation.quantityTooLarge'],
      discountCents: ['orders.entry.validation.moneyNegative'],
    });
    expect(
      ZCreateOrderInput.safeParse({
        ...input({}),
        lines: Array.from({ length: 101 }, () => ({ skuId: 1, quantity: 1 })),
      }).error?.issues[0].message,
    ).toBe('orders.entry.validation.tooManyLines');
    expect(ZCreateOrderInput.safeParse({ ...input({}), lines: [] }).error?.issues[0].message).toBe(
      'orders.entry.validation.linesRequired',
    );
  });

  it('refuses unknown and inactive SKUs, a missing customer and a discount above the subtotal, creating nothing', async () => {
    const a = await stocked(1000, 10);
    const inactive = await f.sku({ isActive: false });
    await f.stock({ skuId: inactive.id, warehouseId: a.warehouseId, onHand: 10 });
    const before = await handle.db.$count(orders);
    const bad = await createOrder(
      handle.db,
      input({
        customer: { id: 99_999_999 },
        discountCents: 5000,
        lines: [
          { skuId: a.sku.id, quantity: 1 },
          { skuId: inactive.id, quantity: 1 },
          { skuId: 88_888_888, quantity: 1 },
        ],
      }),
    );
    expect(bad).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: {
        'lines.1.skuId': ['orders.entry.validation.skuInactive'],
        'lines.2.skuId': ['orders.entry.validation.skuNotFound'],
        'customer.id': ['orders.entry.validation.customerNotFound'],
      },
    });
    const discount = await createOrder(
      handle.db,
      input({ discountCents: 1001, lines: [{ skuId: a.sku.id, quantity: 1 }] }),
    );
    expect(discount).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { discountCents: ['orders.entry.validation.discountAboveSubtotal'] },
    });
    const exact = await createOrder(
      handle.db,
      input({ discountCents: 1000, lines: [{ skuId: a.sku.id, quantity: 1 }] }),
    );
    expect(exact).toMatchObject({ ok: true, data: { order: { totalCents: 0 } } });
    expect(await handle.db.$count(orders)).toBe(before + 1);
  });

  it('names every short SKU and reserves nothing when any line is short', async () => {
    const a = await stocked(1000, 10);
    const b = await stocked(1000, 1, a.warehouseId);
    const c = await stocked(1000, 0, a.warehouseId);
    const result = await createOrder(
      handle.db,
      input({
        lines: [
          { skuId: a.sku.id, quantity: 5 },
          { skuId: b.sku.id, quantity: 2 },
          { skuId: c.sku.id, quantity: 1 },
        ],
      }),
    );
    expect(result).toMatchObject({ ok: false, code: 'insufficient_stock' });
    if (result.ok) return;
    expect(result.fieldErrors?.skus?.sort()).toEqual([b.sku.code, c.sku.code].sort());
    expect(result.message).toContain(b.sku.code);
    expect(result.message).toContain(c.sku.code);
    expect(await level(a.sku.id, a.warehouseId)).toMatchObject({ reserved: 0 });
  });

  it('is idempotent on (source, externalRef), also when the calls race', async () => {
    const a = await stocked(1000, 100);
    const first = await createOrder(
      handle.db,
      input({ source: 'api', externalRef: 'TB-1001', lines: [{ skuId: a.sku.id, quantity: 2 }] }),
    );
    const again = await createOrder(
      handle.db,
      input({ source: 'api', externalRef: 'TB-1001', lines: [{ skuId: a.sku.id, quantity: 9 }] }),
    );
    expect(first).toMatchObject({ ok: true, data: { existing: false } });
    expect(again).toMatchObject({ ok: true, data: { existing: true } });
    expect(again.ok && first.ok && again.data.order.id === first.data.order.id).toBe(true);
    // the same reference from another source is another order
    expect(
      await createOrder(
        handle.db,
        input({ source: 'import', externalRef: 'TB-1001', lines: [{ skuId: a.sku.id, quantity: 1 }] }),
      ),
    ).toMatchObject({ ok: true, data: { existing: false } });

    const racing = await Promise.all(
      Array.from({ length: 8 }, () =>
        createOrder(
          handle.db,
          input({ source: 'api', externalRef: 'TB-2002', lines: [{ skuId: a.sku.id, quantity: 1 }] }),
        ),
      ),
    );
    expect(racing.every((r) => r.ok)).toBe(true);
    expect(new Set(racing.map((r) => r.ok && r.data.order.id)).size).toBe(1);
    expect(racing.filter((r) => r.ok && !r.data.existing)).toHaveLength(1);
    expect(await handle.db.$count(orders, and(eq(orders.source, 'api'), eq(orders.externalRef, 'TB-2002')))).toBe(1);
    expect(await level(a.sku.id, a.warehouseId)).toMatchObject({ reserved: 2 + 1 + 1 });
    const events = await handle.db.select().from(orderEvents).orderBy(asc(orderEvents.id));
    expect(events.filter((e) => e.orderId === (racing[0].ok ? racing[0].data.order.id : 0))).toHaveLength(1);
  });
});
