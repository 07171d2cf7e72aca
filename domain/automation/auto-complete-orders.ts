import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { completeOrder } from '@/domain/orders/complete-order';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { getSetting } from '@/domain/settings/get-setting';
import { sweepInBatches, type SweepOptions } from './sweep';

/**
 * Completes shipped orders `auto_complete_days` after delivery, or after shipment when no
 * delivery was ever reported, as the system (cash on delivery gets its payment recorded).
 */
export async function autoCompleteOrders(db: Database, options: SweepOptions & { now?: Date } = {}) {
  const days = await getSetting(db, 'auto_complete_days');
  const cutoff = new Date((options.now ?? new Date()).getTime() - days * 86_400_000);
  return sweepInBatches(
    db,
    async (tx, limit, excludeIds) => {
      const rows = await queryRows<{ id: string | number }>(
        tx,
        sql`
      select id from orders
      where status = 'shipped' and coalesce(delivered_at, shipped_at) < ${cutoff.toISOString()}::timestamptz
        and archived_at is null and id <> all(${`{${excludeIds.join(',')}}`}::bigint[])
      order by placed_at
      limit ${limit}
      for update skip locked`,
      );
      return rows.map((r) => Number(r.id));
    },
    async (tx, orderId) => {
      const result = await completeOrder(tx, { orderId, actor: SYSTEM_ACTOR, reason: 'auto complete' });
      if (result.ok) return 'succeeded';
      return result.code === 'conflict' || result.code === 'invalid_transition' ? 'skipped' : 'failed';
    },
    options,
  );
}
