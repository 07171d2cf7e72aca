import { and, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import { countRows, type RowCount } from '@/domain/shared/row-count';
import { orderListConditions, type OrderListQueryHints } from './list-orders';
import type { TOrderListFilters } from './order-list-filters';
import { chooseSearchStrategy } from './order-search';
import { ORDER_STATUSES, type OrderStatus } from './order-status';

type CountFilters = Omit<TOrderListFilters, 'cursor' | 'pageSize' | 'sort'>;

/** The statement a count runs: the list's conditions, one constant column, no order and no limit. */
function countStatement(filters: CountFilters, hints: OrderListQueryHints) {
  return sql`select 1 from ${orders} where ${and(...orderListConditions(filters, hints))}`;
}

async function hintsFor(db: Database, filters: CountFilters): Promise<OrderListQueryHints> {
  return filters.q ? { search: await chooseSearchStrategy(db, filters.q) } : {};
}

/** How many orders the list's filters match: exact up to 10,000, "about" past it (see row-count.ts). */
export async function countOrders(db: Database, filters: CountFilters): Promise<RowCount> {
  return countRows(db, countStatement(filters, await hintsFor(db, filters)));
}

/**
 * The status tabs' counts: each status under the list's other filters (dates, source, search,
 * archive view). A smaller cap than the list's count keeps seven counts cheap: a tab needs
 * "1,000+", not the exact figure.
 */
export async function countOrdersByStatus(db: Database, filters: CountFilters): Promise<Record<OrderStatus, RowCount>> {
  const hints = await hintsFor(db, filters);
  const counts: Partial<Record<OrderStatus, RowCount>> = {};
  // one after another: PGlite has one connection, and on Postgres each is a short index range
  for (const status of ORDER_STATUSES) {
    counts[status] = await countRows(db, countStatement({ ...filters, statuses: [status] }, hints), {
      cap: 1000,
      estimateOnlyAbove: 20_000,
    });
  }
  return counts as Record<OrderStatus, RowCount>;
}
