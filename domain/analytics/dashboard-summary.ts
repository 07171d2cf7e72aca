import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { getLowStockDefaultThreshold } from '@/domain/inventory/threshold';

/** The merchant's business day: "today" and the daily series are Asia/Shanghai calendar days. */
export const STORE_TIME_ZONE = 'Asia/Shanghai';

/** How many calendar days the dashboard series covers, today included. */
export const DASHBOARD_SERIES_DAYS = 30;

export interface DashboardDay {
  /** the calendar day in STORE_TIME_ZONE, YYYY-MM-DD */
  day: string;
  /** orders placed that day, cancelled ones included */
  orderCount: number;
  /** sum of total_cents of that day's orders that are not cancelled, in `currency` */
  salesCents: number;
}

export interface DashboardSummary {
  /** when the figures were computed (ISO 8601) */
  asOf: string;
  /** today in STORE_TIME_ZONE, YYYY-MM-DD */
  today: string;
  /** the currency salesCents are in; orders in other currencies are counted but not summed */
  currency: string;
  todayOrderCount: number;
  todaySalesCents: number;
  awaitingPaymentCount: number;
  awaitingShipmentCount: number;
  lowStockSkuCount: number;
  lowStockDefaultThreshold: number;
  /** DASHBOARD_SERIES_DAYS entries, oldest first, every day present (zeros for quiet days) */
  series: DashboardDay[];
}

/**
 * The figures of the dashboard home, all as of `now`.
 *
 * What counts:
 * - an order belongs to the Asia/Shanghai day of its placed_at;
 * - order counts include cancelled orders (the order was placed), sales exclude them (no money
 *   came of it); archived orders still count in both, archiving only hides them from the list;
 * - sales sum total_cents of orders in `currency` only: adding fen to cents of another currency
 *   would be meaningless;
 * - the two queues (awaiting payment, awaiting shipment) count orders not archived, matching the
 *   orders list they link to; awaiting shipment is awaiting_shipment + partially_shipped;
 * - a SKU is low on stock when, in any warehouse, on_hand - reserved <= the first threshold set
 *   on the stock level, then the SKU, then the store default; inactive SKUs and warehouses are
 *   left out since nobody restocks them.
 */
export async function getDashboardSummary(
  db: Database,
  options: { now?: Date; currency?: string } = {},
): Promise<DashboardSummary> {
  const now = options.now ?? new Date();
  const currency = options.currency ?? 'CNY';
  const nowIso = now.toISOString();
  // the four reads are independent but for the threshold the low-stock count needs: run them at once
  const lowStockRead = getLowStockDefaultThreshold(db).then(async (threshold) => ({
    threshold,
    rows: await queryRows<{ sku_count: unknown }>(
      db,
      sql`
    select count(distinct sl.sku_id)::text as sku_count
    from stock_levels sl
    join skus s on s.id = sl.sku_id
    join warehouses w on w.id = sl.warehouse_id
    where s.is_active and w.is_active
      and sl.on_hand - sl.reserved <= coalesce(sl.low_stock_threshold, s.low_stock_threshold, ${threshold}::int)
  `,
    ),
  }));

  // Each day is bounded by its local midnights, so the range filter can use the placed_at index.
  const seriesRead = queryRows<{ day: string; order_count: unknown; sales_cents: unknown }>(
    db,
    sql`
    with bounds as (
      select (${nowIso}::timestamptz at time zone ${STORE_TIME_ZONE}::text)::date as today
    ),
    days as (
      select (today - offs)::date as day
      from bounds, generate_series(0, ${DASHBOARD_SERIES_DAYS - 1}::int) as offs
    ),
    daily as (
      select (o.placed_at at time zone ${STORE_TIME_ZONE})::date as day,
             count(*) as order_count,
             coalesce(sum(o.total_cents) filter (where o.status <> 'cancelled' and o.currency = ${currency}::char(3)), 0) as sales_cents
      from orders o, bounds b
      where o.placed_at >= ((b.today - ${DASHBOARD_SERIES_DAYS - 1}::int)::timestamp at time zone ${STORE_TIME_ZONE})
        and o.placed_at < ((b.today + 1)::timestamp at time zone ${STORE_TIME_ZONE})
      group by 1
    )
    select to_char(days.day, 'YYYY-MM-DD') as day,
           coalesce(daily.order_count, 0)::text as order_count,
           coalesce(daily.sales_cents, 0)::text as sales_cents
    from days left join daily on daily.day = days.day
    order by days.day
  `,
  );

  const queuesRead = queryRows<{ awaiting_payment: unknown; awaiting_shipment: unknown }>(
    db,
    sql`
    select count(*) filter (where status = 'pending_payment')::text as awaiting_payment,
           count(*) filter (where status in ('awaiting_shipment', 'partially_shipped'))::text as awaiting_shipment
    from orders
    where archived_at is null and status in ('pending_payment', 'awaiting_shipment', 'partially_shipped')
  `,
  );

  const [
    seriesRows,
    [queues],
    {
      threshold: lowStockDefaultThreshold,
      rows: [lowStock],
    },
  ] = await Promise.all([seriesRead, queuesRead, lowStockRead]);

  const series = seriesRows.map((row) => ({
    day: row.day,
    orderCount: Number(row.order_count),
    salesCents: Number(row.sales_cents),
  }));
  const today = series[series.length - 1];

  return {
    asOf: nowIso,
    today: today.day,
    currency,
    todayOrderCount: today.orderCount,
    todaySalesCents: today.salesCents,
    awaitingPaymentCount: Number(queues.awaiting_payment),
    awaitingShipmentCount: Number(queues.awaiting_shipment),
    lowStockSkuCount: Number(lowStock.sku_count),
    lowStockDefaultThreshold,
    series,
  };
}
