import { and, eq, gte, inArray, isNotNull, isNull, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { customers, orders, type OrderSource } from '@/db/schema';
import { maskPhone } from '@/domain/shared/mask';
import type { OrderStatus } from './order-status';
import { encodeCursor, type TOrderListFilters } from './order-list-filters';
import { chooseSearchStrategy, isOrderNumberSearch, searchCondition, type SearchStrategy } from './order-search';
import { loadSummaryStates, type FulfillmentState, type PaymentState } from './summary-states';

/** Days are Shanghai days: the merchant's calendar, whatever the server's time zone. */
const SHANGHAI_OFFSET = '+08:00';
const DAY_MS = 86_400_000;

export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00${SHANGHAI_OFFSET}`);
}

/** What the caller learnt before building the list statement (see order-search.ts). */
export interface OrderListQueryHints {
  /** without a probe: number prefixes walk the list index, other searches fetch by the search indexes */
  search?: SearchStrategy;
}

/** placed_at rendered by Postgres with all six fraction digits: a JS Date would drop microseconds and break ties. */
const placedAtKey = sql<string>`to_char(${orders.placedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The orders list statement for one page (pageSize + 1 rows, the extra one tells whether there is
 * more). Keyset pagination on (sort key, id), never OFFSET, so page 1,000 costs what page 1 costs.
 * Exported so the benchmark can replay the exact SQL (`.toSQL()`) through the raw driver.
 */
export function buildOrderListQuery(db: Database, filters: TOrderListFilters, hints: OrderListQueryHints = {}) {
  return keysetStatement(db, filters, orderListConditions(filters, hints));
}

/** The filters' WHERE conditions (no cursor): shared by the page statement and the count. */
export function orderListConditions(
  filters: Omit<TOrderListFilters, 'cursor' | 'pageSize' | 'sort'>,
  hints: OrderListQueryHints = {},
): SQL[] {
  const conditions: SQL[] = [];
  conditions.push(filters.archived === 'only' ? isNotNull(orders.archivedAt) : isNull(orders.archivedAt));
  if (filters.statuses.length === 1) conditions.push(eq(orders.status, filters.statuses[0]));
  else if (filters.statuses.length > 1) conditions.push(inArray(orders.status, filters.statuses));
  if (filters.source) conditions.push(eq(orders.source, filters.source));
  if (filters.review === 'needed') conditions.push(eq(orders.needsReview, true));
  if (filters.from) conditions.push(gte(orders.placedAt, shanghaiDayStart(filters.from)));
  if (filters.to) conditions.push(lt(orders.placedAt, new Date(shanghaiDayStart(filters.to).getTime() + DAY_MS)));
  if (filters.q) {
    conditions.push(searchCondition(filters.q, hints.search ?? (isOrderNumberSearch(filters.q) ? 'many' : 'few')));
  }
  return conditions;
}

function keysetStatement(db: Database, filters: TOrderListFilters, conditions: SQL[]) {
  const byTotal = filters.sort.startsWith('total');
  const descending = filters.sort.endsWith('desc');
  const keyColumn = byTotal ? orders.totalCents : orders.placedAt;
  // walking back a page reads the rows before the cursor in reverse order; listOrders flips them
  const reverse = filters.cursor?.direction === 'prev';
  const readDescending = descending !== reverse;
  if (filters.cursor) {
    const key = byTotal ? sql`${filters.cursor.key}::int` : sql`${filters.cursor.key}::timestamptz`;
    // a row comparison is one index range condition on (key, id)
    conditions.push(
      readDescending
        ? sql`(${keyColumn}, ${orders.id}) < (${key}, ${filters.cursor.id}::bigint)`
        : sql`(${keyColumn}, ${orders.id}) > (${key}, ${filters.cursor.id}::bigint)`,
    );
  }
  // the list indexes are (key DESC NULLS LAST, id DESC NULLS LAST) as drizzle-kit writes them; a
  // plain DESC means NULLS FIRST and would not match them (Postgres ignores NOT NULL here), so the
  // ORDER BY spells out the index order, or its exact reverse when reading ascending
  const direction = (column: AnyColumn) =>
    readDescending ? sql`${column} desc nulls last` : sql`${column} asc nulls first`;

  return db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      source: orders.source,
      isCashOnDelivery: orders.isCashOnDelivery,
      // placed_at travels once, as the cursor's exact text; the row's Date is made from it
      placedAtKey,
      itemCount: orders.itemCount,
      totalCents: orders.totalCents,
      currency: orders.currency,
      shipName: orders.shipName,
      shipPhone: orders.shipPhone,
      // scalar subqueries, not a join: Postgres evaluates them after the sort and limit, so a
      // search matching thousands of orders still looks up only one page of customers
      customerName: sql<string | null>`(select c.name from ${customers} c where c.id = ${orders.customerId})`,
      customerPhone: sql<string | null>`(select c.phone from ${customers} c where c.id = ${orders.customerId})`,
      isArchived: sql<boolean>`(${orders.archivedAt} is not null)`,
    })
    .from(orders)
    .where(and(...conditions))
    .orderBy(direction(keyColumn), direction(orders.id))
    .limit(filters.pageSize + 1);
}

export interface OrderListRow {
  id: number;
  number: string;
  status: OrderStatus;
  source: OrderSource;
  placedAt: Date;
  /** the customer's name, or the recipient's when the order has no customer record */
  customerName: string;
  /** masked: 138****5678 */
  customerPhone: string;
  itemCount: number;
  totalCents: number;
  currency: string;
  paymentState: PaymentState;
  fulfillmentState: FulfillmentState;
  isArchived: boolean;
}

export interface OrderListPage {
  rows: OrderListRow[];
  /** opaque cursors for the next / previous page; null at either end */
  nextCursor: string | null;
  prevCursor: string | null;
}

/** One page of the orders list with each order's payment and fulfillment state. */
export async function listOrders(db: Database, filters: TOrderListFilters): Promise<OrderListPage> {
  const hints: OrderListQueryHints = filters.q ? { search: await chooseSearchStrategy(db, filters.q) } : {};
  // a search's index branches take a few ms; starting parallel workers for them cost 40-80 ms
  const fetched = filters.q
    ? await db.transaction(async (tx) => {
        await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
        return buildOrderListQuery(tx as unknown as Database, filters, hints);
      })
    : await buildOrderListQuery(db, filters, hints);
  const hasMore = fetched.length > filters.pageSize;
  const pageRows = hasMore ? fetched.slice(0, filters.pageSize) : fetched;
  const isBackwards = filters.cursor?.direction === 'prev';
  if (isBackwards) pageRows.reverse();

  const states = await loadSummaryStates(db, pageRows);
  const rows: OrderListRow[] = pageRows.map((row) => {
    const state = states.get(row.id)!;
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      source: row.source,
      placedAt: new Date(row.placedAtKey),
      customerName: row.customerName ?? row.shipName,
      customerPhone: maskPhone(row.customerName ? row.customerPhone : row.shipPhone),
      itemCount: row.itemCount,
      totalCents: row.totalCents,
      currency: row.currency,
      paymentState: state.paymentState,
      fulfillmentState: state.fulfillmentState,
      isArchived: row.isArchived,
    };
  });

  const byTotal = filters.sort.startsWith('total');
  const cursorAt = (row: (typeof pageRows)[number], direction: 'next' | 'prev') =>
    encodeCursor({
      sort: filters.sort,
      direction,
      key: byTotal ? row.totalCents : row.placedAtKey,
      id: row.id,
    });
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  // going forward there is a previous page iff we came from a cursor; going back, the reverse
  const hasNext = isBackwards ? true : hasMore;
  const hasPrev = isBackwards ? hasMore : filters.cursor !== undefined;
  return {
    rows,
    nextCursor: hasNext && last ? cursorAt(last, 'next') : null,
    prevCursor: hasPrev && first ? cursorAt(first, 'prev') : null,
  };
}
