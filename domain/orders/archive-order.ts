import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders, type Order } from '@/db/schema/orders';
import { appendOrderEvent } from './order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';

export interface ArchiveOrderInput {
  orderId: number;
  actor: Actor;
}

/**
 * Failure codes: `not_found`; `already_archived`; `not_archivable` (params.status): the order is
 * neither cancelled nor an unpaid order awaiting payment.
 */
export type ArchiveOrderFailure = 'not_found' | 'not_archivable' | 'already_archived';

/**
 * Archivable: cancelled orders, and orders awaiting payment with no succeeded payment. Rows are
 * never deleted (money, stock ledger and timeline keep pointing at them); archiving only takes the
 * order out of the default list. Live orders (paid, awaiting shipment incl. cash on delivery, or
 * shipped) stay visible because someone still has to act on them. An archived order awaiting
 * payment keeps its reservation until it is cancelled (by hand or by the unpaid timeout, which
 * must therefore not skip archived orders).
 */
export const ARCHIVABLE_SQL = sql`(${orders.status} = 'cancelled' or (${orders.status} = 'pending_payment'
  and not exists (select 1 from payments p where p.order_id = ${orders.id} and p.status = 'succeeded')))`;

/** Archives an order ("delete" in the UI) in one conditional update plus its timeline row. */
export async function archiveOrder(
  db: Database,
  input: ArchiveOrderInput,
): Promise<Result<Order, ArchiveOrderFailure>> {
  const { orderId, actor } = input;
  return inTransaction<Order, ArchiveOrderFailure>(db, async (tx) => {
    const [archived] = await tx
      .update(orders)
      .set({ archivedAt: sql`now()`, archivedBy: actor.type === 'staff' ? actor.id : null, updatedAt: sql`now()` })
      .where(sql`${orders.id} = ${orderId} and ${orders.archivedAt} is null and ${ARCHIVABLE_SQL}`)
      .returning();
    if (!archived) {
      const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
      if (!order) return fail('not_found', `Order #${orderId} does not exist`);
      if (order.archivedAt)
        return fail('already_archived', `Order ${order.number} is already archived`, undefined, {
          status: order.status,
        });
      return fail(
        'not_archivable',
        `Order ${order.number} is ${order.status} or has a payment: only cancelled or never-paid orders can be archived`,
        undefined,
        { status: order.status },
      );
    }
    await appendOrderEvent(tx, { orderId, kind: 'archived', actor });
    return ok(archived);
  });
}
