import { sql, type SQL } from 'drizzle-orm';
import { databaseErrorOf } from '@/domain/shared/database-errors';

/**
 * Commit-time reservation: how an order placement reserves its stock.
 *
 * The order's transaction writes one ledger row per (SKU, warehouse) with kind 'reserve' and no
 * levels after it. The deferred trigger stock_movements_reserve_at_commit (migration 0001) applies
 * each such row when the transaction COMMITs: the conditional update of the stock level (available
 * must cover it), the levels after it into the ledger row, the low-stock alert. If a level cannot
 * take it, the COMMIT fails with SQLSTATE OS001 naming every short SKU, and the order, its lines,
 * its timeline row and its other reservations all roll back (with the other orders of its group,
 * which are then placed again one by one: domain/orders/place-orders-together.ts).
 *
 * Why at commit: the stock row lock is then held only from inside COMMIT to the end of the WAL
 * flush, with no client round trip in between. On a hot SKU (a flash sale, every order on one
 * row) that lock is the whole throughput: an immediate UPDATE would hold it across the rest of the
 * order's statements and the COMMIT round trip. Lock order is still fixed: rows are inserted
 * sorted by (sku, warehouse) and deferred triggers fire in insertion order, so two multi-line
 * orders never deadlock. Overselling stays impossible: the update is conditional and serialised
 * by the row lock, and stock_levels' CHECK (on_hand >= reserved) is the second line.
 *
 * Every other stock change (release, ship, receive, adjust, and an edit's extra reservation)
 * applies at once through applyStockChange, because its caller reads the result.
 */

/** The SQLSTATE the trigger raises when a reservation cannot be applied at commit. */
export const COMMIT_TIME_SHORTAGE = 'OS001';

/**
 * An INSERT ... SELECT of reservation ledger rows from `rows`: a relation with the columns sku_id,
 * warehouse_id, quantity, order_id, document_type, document_id, actor_type (text), actor_id and n
 * (the order the rows were given in). Rows go in sorted by (SKU, warehouse), then n: deferred
 * triggers fire in insertion order, so that is the lock order at COMMIT, the same for one order
 * and for many orders committing together (domain/orders/place-orders.ts). Merge an order's
 * lines for the same level first (sortStockLines) so it has one ledger row per level.
 */
export function reserveAtCommitInsert(rows: SQL): SQL {
  return sql`insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, document_type,
    document_id, actor_type, actor_id)
    select r.sku_id, r.warehouse_id, 'reserve', 0, r.quantity, r.order_id, r.document_type, r.document_id, r.actor_type::actor_type, r.actor_id
    from (${rows}) as r
    order by r.sku_id, r.warehouse_id, r.n
    returning id`;
}

/**
 * The SKU codes a failed COMMIT names when it failed because a reservation could not be applied,
 * else null (any other error).
 */
export function commitTimeShortage(error: unknown): string[] | null {
  const failure = databaseErrorOf(error);
  if (failure?.sqlState !== COMMIT_TIME_SHORTAGE) return null;
  return failure.detail.split(', ').filter(Boolean);
}
