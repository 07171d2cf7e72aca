import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { createFactories } from '@/testing/factories/factories';
import { orders } from '@/db/schema/orders';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { sweepInBatches } from './sweep';

let handle: DatabaseHandle;
const ids: number[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  const f = createFactories(handle.db, { seed: 5 });
  const warehouseId = (await f.warehouse()).id;
  const skuId = (await f.sku()).id;
  await f.stock({ skuId, warehouseId, onHand: 100 });
  for (let i = 0; i < 7; i++)
    ids.push((await f.order({ status: 'paid', warehouseId, lines: [{ skuId, quantity: 1 }] })).order.id);
});
afterAll(async () => handle?.close());

describe(`sweepInBatches (${testDatabaseKind})`, () => {
  it('undoes only the order whose handling failed, never claims it again in the run, and commits the rest', async () => {
    const claimed: number[][] = [];
    const poisoned = ids[2];
    const result = await sweepInBatches(
      handle.db,
      async (tx, limit, excludeIds) => {
        const rows = await queryRows<{ id: string | number }>(
          tx,
          sql`
        select id from orders where status = 'paid' and not needs_review and id <> all(${`{${excludeIds.join(',')}}`}::bigint[])
        order by id limit ${limit} for update skip locked`,
        );
        claimed.push(rows.map((r) => Number(r.id)));
        return rows.map((r) => Number(r.id));
      },
      async (tx, orderId) => {
        await tx.update(orders).set({ needsReview: true }).where(eq(orders.id, orderId));
        if (orderId === poisoned) throw new Error('bad data');
        return 'succeeded';
      },
      { batchSize: 3 },
    );

    expect(result).toMatchObject({ succeeded: 6, failed: 1, held: 0, skipped: 0 });
    expect(result.errors).toEqual([`order ${poisoned}: bad data`]);
    expect(claimed.flat().filter((id) => id === poisoned)).toHaveLength(1);
    const rows = await handle.db.select({ id: orders.id, needsReview: orders.needsReview }).from(orders);
    for (const row of rows) expect(row.needsReview).toBe(row.id !== poisoned);
  });
});
