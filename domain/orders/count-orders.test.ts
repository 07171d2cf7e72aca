import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { countOrders, countOrdersByStatus } from './count-orders';
import { parseOrderListParams } from './order-list-filters';

let handle: DatabaseHandle;
const name = '计数测试';

beforeAll(async () => {
  handle = await openTestDatabase();
  const f = createFactories(handle.db, { seed: 91 });
  const warehouse = await f.warehouse();
  const sku = await f.sku({ priceCents: 1000 });
  await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 1000 });
  const customer = await f.customer({ name, phone: '13900001111' });
  const lines = [{ skuId: sku.id, quantity: 1 }];
  for (let i = 0; i < 3; i += 1) await f.order({ status: 'paid', lines, customerId: customer.id });
  await f.order({ status: 'shipped', lines, customerId: customer.id });
  await f.order({ status: 'completed', lines });
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe(`order counts for the list and its status chips (${testDatabaseKind})`, () => {
  it('counts what the filters match, exactly while small', async () => {
    const all = await countOrders(handle.db, parseOrderListParams({}).filters);
    expect(all).toEqual({ kind: 'exact', value: 5 });
    const byName = await countOrders(handle.db, parseOrderListParams({ q: name }).filters);
    expect(byName).toEqual({ kind: 'exact', value: 4 });
    const archived = await countOrders(handle.db, parseOrderListParams({ archived: 'only' }).filters);
    expect(archived).toEqual({ kind: 'exact', value: 0 });
  });

  it('counts each status under the other filters, ignoring the selected statuses', async () => {
    const counts = await countOrdersByStatus(handle.db, parseOrderListParams({ q: name, status: 'shipped' }).filters);
    expect(counts.paid).toEqual({ kind: 'exact', value: 3 });
    expect(counts.shipped).toEqual({ kind: 'exact', value: 1 });
    expect(counts.completed).toEqual({ kind: 'exact', value: 0 });
  });
});
