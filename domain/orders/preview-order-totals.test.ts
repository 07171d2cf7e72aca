import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { skus } from '@/db/schema';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { previewOrderTotals } from './preview-order-totals';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 21 });
});
afterAll(async () => handle?.close());

describe(`previewOrderTotals (${testDatabaseKind})`, () => {
  it('prices lines from the catalog: subtotal - discount + shipping', async () => {
    const a = await f.sku({ priceCents: 2_990 });
    const b = await f.sku({ priceCents: 8_900 });
    const preview = await previewOrderTotals(handle.db, {
      lines: [
        { skuId: a.id, quantity: 2 },
        { skuId: b.id, quantity: 1 },
      ],
      discountCents: 550,
      shippingCents: 800,
    });
    expect(preview).toEqual({
      currency: 'CNY',
      lines: [
        { skuId: a.id, unitPriceCents: 2_990, quantity: 2, lineTotalCents: 5_980 },
        { skuId: b.id, unitPriceCents: 8_900, quantity: 1, lineTotalCents: 8_900 },
      ],
      subtotalCents: 14_880,
      discountCents: 550,
      shippingCents: 800,
      totalCents: 15_130,
      problem: null,
    });
  });

  it('says when the discount is larger than the goods, and leaves unknown SKUs out', async () => {
    const a = await f.sku({ priceCents: 1_000 });
    const preview = await previewOrderTotals(handle.db, {
      lines: [
        { skuId: a.id, quantity: 1 },
        { skuId: 999_999_999, quantity: 3 },
      ],
      discountCents: 1_001,
      shippingCents: 0,
    });
    expect(preview).toMatchObject({ subtotalCents: 1_000, totalCents: null, problem: 'discount_above_subtotal' });
    expect(preview.lines.map((l) => l.skuId)).toEqual([a.id]);
  });

  it("keeps the sold price of SKUs already on an order being edited; added SKUs take today's", async () => {
    const w = await f.warehouse();
    const kept = await f.sku({ priceCents: 5_000 });
    const added = await f.sku({ priceCents: 700 });
    await f.stock({ skuId: kept.id, warehouseId: w.id, onHand: 10 });
    const { order } = await f.order({ status: 'pending_payment', lines: [{ skuId: kept.id, quantity: 1 }] });
    await handle.db.update(skus).set({ priceCents: 6_000 }).where(eq(skus.id, kept.id));

    const lines = [
      { skuId: kept.id, quantity: 2 },
      { skuId: added.id, quantity: 1 },
    ];
    const editing = await previewOrderTotals(handle.db, {
      lines,
      discountCents: 0,
      shippingCents: 0,
      orderId: order.id,
    });
    expect(editing.subtotalCents).toBe(2 * 5_000 + 700);
    const fresh = await previewOrderTotals(handle.db, { lines, discountCents: 0, shippingCents: 0 });
    expect(fresh.subtotalCents).toBe(2 * 6_000 + 700);
  });
});
