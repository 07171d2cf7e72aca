import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders, type Order } from '@/db/schema/orders';
import { appendOrderEvent } from './order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';

/** Failure codes: `not_found`; `not_archived` (nothing to restore). */
export type RestoreOrderFailure = 'not_found' | 'not_archived';

/** Brings an archived order back into the default list, with a 'restored' timeline row. */
export async function restoreOrder(
  db: Database,
  input: { orderId: number; actor: Actor },
): Promise<Result<Order, RestoreOrderFailure>> {
  const { orderId, actor } = input;
  return inTransaction<Order, RestoreOrderFailure>(db, async (tx) => {
    const [restored] = await tx
      .update(orders)
      .set({ archivedAt: null, archivedBy: null, updatedAt: sql`now()` })
      .where(sql`${orders.id} = ${orderId} and ${orders.archivedAt} is not null`)
      .returning();
    if (!restored) {
      const [order] = await tx.select({ number: orders.number }).from(orders).where(eq(orders.id, orderId));
      if (!order) return fail('not_found', `Order #${orderId} does not exist`);
      return fail('not_archived', `Order ${order.number} is not archived`);
    }
    await appendOrderEvent(tx, { orderId, kind: 'restored', actor });
    return ok(restored);
  });
}
