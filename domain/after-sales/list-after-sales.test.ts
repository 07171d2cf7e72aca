import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { afterSalesRequests } from '@/db/schema/after-sales';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import type { Actor } from '@/domain/shared/actor';
import { createAfterSalesRequest } from './create-after-sales-request';
import { AFTER_SALES_PAGE_SIZE, listAfterSales, ZAfterSalesFilters } from './list-after-sales';

let handle: DatabaseHandle;
let f: Factories;
const agent: Actor = { type: 'staff', id: null, name: 'agent' };
const ids: number[] = [];
let orderNumber = '';

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 1518 });
  const warehouseId = (await f.warehouse()).id;
  const sku = await f.sku({ priceCents: 1_000 });
  await f.stock({ skuId: sku.id, warehouseId, onHand: 200 });
  const { order, lines } = await f.order({
    status: 'shipped',
    lines: [{ skuId: sku.id, quantity: AFTER_SALES_PAGE_SIZE + 5 }],
    warehouseId,
  });
  orderNumber = order.number;
  for (let i = 0; i < AFTER_SALES_PAGE_SIZE + 5; i += 1) {
    const r = await createAfterSalesRequest(handle.db, {
      orderId: order.id,
      kind: i % 2 ? 'refund_only' : 'return_refund',
      actor: agent,
      lines: [{ orderLineId: lines[0].id, quantity: 1, reasonCode: 'other' }],
    });
    if (!r.ok) throw new Error(r.message);
    ids.push(r.data.id);
  }
  await handle.db.update(afterSalesRequests).set({ overdueAt: new Date() }).where(eq(afterSalesRequests.id, ids[0]));
}, 180_000);
afterAll(async () => handle?.close());

describe(`after-sales queue (${testDatabaseKind})`, () => {
  it('overdue first, then newest first, in keyset pages that neither repeat nor skip', async () => {
    const first = await listAfterSales(handle.db, {});
    expect(first.rows).toHaveLength(AFTER_SALES_PAGE_SIZE);
    expect(first.rows[0].id).toBe(ids[0]);
    expect(first.rows[1].id).toBe(ids.at(-1));
    const second = await listAfterSales(handle.db, ZAfterSalesFilters.parse({ after: first.next }));
    expect(second.next).toBeNull();
    const seen = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(ids.length);
  });

  it('filters by kind, overdue and order number; a bad filter value is dropped, not an error', async () => {
    expect((await listAfterSales(handle.db, { kind: 'refund_only' })).rows.every((r) => r.kind === 'refund_only')).toBe(
      true,
    );
    expect((await listAfterSales(handle.db, { overdue: '1' })).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect((await listAfterSales(handle.db, { q: orderNumber.toLowerCase() })).rows.length).toBe(AFTER_SALES_PAGE_SIZE);
    expect(ZAfterSalesFilters.parse({ kind: 'bogus', after: "1'; drop" })).toEqual({});
  });
});
