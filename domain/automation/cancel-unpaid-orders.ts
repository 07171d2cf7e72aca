import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { cancelOrder } from '@/domain/orders/cancel-order';
import { SYSTEM_ACTOR } from '@/domain/shared/actor';
import { getSetting } from '@/domain/settings/get-setting';
import { sweepInBatches, type SweepOptions } from './sweep';

export const UNPAID_TIMEOUT_REASON = 'unpaid timeout';

/**
 * Cancels orders still pending payment `unpaid_timeout_minutes` after they were placed, releasing
 * their stock (cancelOrder does), as the system. Cash-on-delivery orders are never waiting for a
 * payment and are left alone. Archived unpaid orders are included (they still hold stock). A payment confirmed at the same moment wins or loses cleanly: the
 * claim skips rows someone holds, and cancelOrder's conditional update re-checks the status.
 */
export async function cancelUnpaidOrders(db: Database, options: SweepOptions & { now?: Date } = {}) {
  const minutes = await getSetting(db, 'unpaid_timeout_minutes');
  const cutoff = new Date((options.now ?? new Date()).getTime() - minutes * 60_000);
  return sweepInBatches(
    db,
    async (tx, limit, excludeIds) => {
      const claim = async (archived: boolean, n: number) =>
        queryRows<{ id: string | number }>(
          tx,
          sql`
      select id from orders
      where status = 'pending_payment' and not is_cash_on_delivery and placed_at < ${cutoff.toISOString()}::timestamptz
        and archived_at is ${archived ? sql`not null` : sql`null`} and id <> all(${`{${excludeIds.join(',')}}`}::bigint[])
      order by placed_at
      limit ${n}
      for update skip locked`,
        );
      // the working list first (its partial index serves the scan), then archived orders: archiving
      // an unpaid order hides it but keeps its reservation, so the timeout must still release it
      const rows = await claim(false, limit);
      if (rows.length < limit) rows.push(...(await claim(true, limit - rows.length)));
      return rows.map((r) => Number(r.id));
    },
    async (tx, orderId) => {
      const result = await cancelOrder(tx, {
        orderId,
        reason: UNPAID_TIMEOUT_REASON,
        actor: SYSTEM_ACTOR,
        expectedFrom: 'pending_payment',
      });
      if (result.ok) return 'succeeded';
      return result.code === 'conflict' || result.code === 'invalid_transition' ? 'skipped' : 'failed';
    },
    options,
  );
}
