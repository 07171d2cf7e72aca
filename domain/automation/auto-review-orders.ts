import { eq, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { customers } from '@/db/schema/customers';
import { orders } from '@/db/schema/orders';
import { appendOrderEvent } from '@/domain/orders/order-event';
import { reviewOrder } from '@/domain/orders/review-order';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { getSetting } from '@/domain/settings/get-setting';
import { evaluateAutoReview } from './auto-review-rules';
import { sweepInBatches, type SweepOptions } from './sweep';

/**
 * Paid orders that match the auto-review rules move to awaiting shipment, reviewed by the
 * system; the rest get needs_review and wait in the "Needs review" queue, with the rules that
 * held them in the timeline. Orders already waiting are not looked at again: a person decides.
 */
export async function autoReviewOrders(db: Database, options: SweepOptions = {}) {
  const rules = await getSetting(db, 'auto_review');
  return sweepInBatches(
    db,
    async (tx, limit, excludeIds) => {
      const rows = await queryRows<{ id: string | number }>(
        tx,
        sql`
      select id from orders
      where status = 'paid' and not needs_review and archived_at is null and id <> all(${`{${excludeIds.join(',')}}`}::bigint[])
      order by placed_at
      limit ${limit}
      for update of orders skip locked`,
      );
      return rows.map((r) => Number(r.id));
    },
    async (tx, orderId) => {
      const [row] = await tx
        .select({ order: orders, isCustomerFlagged: customers.isFlagged })
        .from(orders)
        .leftJoin(customers, eq(customers.id, orders.customerId))
        .where(eq(orders.id, orderId));
      if (!row || row.order.status !== 'paid') return 'skipped';
      const decision = evaluateAutoReview({ ...row.order, isCustomerFlagged: row.isCustomerFlagged ?? false }, rules);
      if (decision.pass) {
        const result = await reviewOrder(tx, { orderId, actor: SYSTEM_ACTOR, reason: 'auto review' });
        if (result.ok) return 'succeeded';
        return result.code === 'conflict' || result.code === 'invalid_transition' ? 'skipped' : 'failed';
      }
      await tx.update(orders).set({ needsReview: true }).where(eq(orders.id, orderId));
      await appendOrderEvent(tx, {
        orderId,
        kind: 'note',
        actor: SYSTEM_ACTOR,
        message: null,
        details: { reviewHold: decision.reasons },
      });
      return 'held';
    },
    options,
  );
}
