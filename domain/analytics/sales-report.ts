import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { DayRange, Granularity } from './report-range';

/**
 * The Overview and Sales figures of a range of store days, read from the rollups only (never from orders).
 * Money in minor units of `currency`; ratios come as numerator and denominator so callers divide once, exactly.
 */
export interface SalesTotals {
  grossCents: number;
  discountCents: number;
  refundCents: number;
  /** gross - discounts - refunds */
  netCents: number;
  shippingCents: number;
  taxCents: number;
  orders: number;
  units: number;
  refunds: number;
}

export interface SalesOverview extends SalesTotals {
  /** (gross - discounts) / orders, rounded to the fen; 0 without orders */
  aovCents: number;
  /** customers whose first order (not cancelled) was placed in the range */
  newCustomers: number;
  /** distinct customers who ordered in the range */
  customers: number;
  /** of those, customers with two or more orders by the end of the range */
  returningCustomers: number;
}

export interface SalesBucket extends SalesTotals {
  /** the first store day of the bucket (the day, the Monday of the week, the 1st of the month) */
  start: string;
}

export interface SalesBreakdownRow extends SalesTotals {
  key: string;
}

export const SALES_DIMENSIONS = ['channel', 'province', 'payment_method'] as const;
export type SalesDimension = (typeof SALES_DIMENSIONS)[number];

const DIMENSION_COLUMN: Record<SalesDimension, SQL> = {
  channel: sql`source::text`,
  province: sql`province`,
  payment_method: sql`payment_method`,
};

interface Options {
  currency?: string;
}

const n = (value: unknown) => Number(value ?? 0);

function totalsOf(row: Record<string, unknown>): SalesTotals {
  const grossCents = n(row.gross_cents);
  const discountCents = n(row.discount_cents);
  const refundCents = n(row.refund_cents);
  return {
    grossCents,
    discountCents,
    refundCents,
    netCents: grossCents - discountCents - refundCents,
    shippingCents: n(row.shipping_cents),
    taxCents: n(row.tax_cents),
    orders: n(row.orders),
    units: n(row.units),
    refunds: n(row.refunds),
  };
}

/** Orders and refunds facts of the range, grouped by `key` (an expression over either fact table's columns). */
function groupedFacts(range: DayRange, currency: string, key: SQL): SQL {
  return sql`
    select key,
           sum(orders)::text as orders, sum(units)::text as units, sum(gross_cents)::text as gross_cents,
           sum(discount_cents)::text as discount_cents, sum(shipping_cents)::text as shipping_cents,
           sum(tax_cents)::text as tax_cents, sum(refunds)::text as refunds, sum(refund_cents)::text as refund_cents
    from (
      select ${key} as key, orders, units, gross_cents, discount_cents, shipping_cents, tax_cents,
             0 as refunds, 0 as refund_cents
      from analytics_daily_orders
      where day between ${range.from}::date and ${range.to}::date and currency = ${currency}::char(3)
      union all
      select ${key}, 0, 0, 0, 0, 0, 0, refunds, refund_cents
      from analytics_daily_refunds
      where day between ${range.from}::date and ${range.to}::date and currency = ${currency}::char(3)
    ) facts
    group by key`;
}

/** The Overview's figures of one range. */
export async function getSalesOverview(db: Database, range: DayRange, options: Options = {}): Promise<SalesOverview> {
  const currency = options.currency ?? 'CNY';
  const [[totals], [people]] = await Promise.all([
    queryRows<Record<string, unknown>>(db, groupedFacts(range, currency, sql`1`)),
    // a customer's first order day inside the range is the row whose previous order day is before it; they are
    // returning when they ordered before the range, twice that day, or again before the range ends
    queryRows<{ new_customers: string; customers: string; returning: string }>(
      db,
      sql`
      select
        (select count(*) from analytics_customers
          where first_order_day between ${range.from}::date and ${range.to}::date)::text as new_customers,
        count(*)::text as customers,
        count(*) filter (where prev_day is not null or orders >= 2 or next_day <= ${range.to}::date)::text as returning
      from analytics_customer_days
      where day between ${range.from}::date and ${range.to}::date
        and (prev_day is null or prev_day < ${range.from}::date)`,
    ),
  ]);
  const figures = totals ? totalsOf(totals) : totalsOf({});
  return {
    ...figures,
    aovCents: figures.orders === 0 ? 0 : Math.round((figures.grossCents - figures.discountCents) / figures.orders),
    newCustomers: n(people?.new_customers),
    customers: n(people?.customers),
    returningCustomers: n(people?.returning),
  };
}

const BUCKET: Record<Granularity, SQL> = {
  day: sql`day`,
  week: sql`date_trunc('week', day)::date`,
  month: sql`date_trunc('month', day)::date`,
};

/** Sales over time: one bucket per day, week (from Monday) or month, quiet buckets included, oldest first. */
export async function getSalesSeries(
  db: Database,
  range: DayRange,
  granularity: Granularity,
  options: Options = {},
): Promise<SalesBucket[]> {
  const currency = options.currency ?? 'CNY';
  const step = granularity === 'day' ? '1 day' : granularity === 'week' ? '1 week' : '1 month';
  const rows = await queryRows<Record<string, unknown> & { start: string }>(
    db,
    sql`
    with facts as (${groupedFacts(range, currency, BUCKET[granularity])}),
    buckets as (
      select generate_series(
        (select ${BUCKET[granularity]} from (select ${range.from}::date as day) d),
        ${range.to}::date, ${step}::interval)::date as start
    )
    select to_char(b.start, 'YYYY-MM-DD') as start, f.*
    from buckets b left join facts f on f.key = b.start
    order by b.start`,
  );
  return rows.map((row) => ({ start: row.start, ...totalsOf(row) }));
}

/** Sales by channel, province or payment method over the range, largest net first. */
export async function getSalesBreakdown(
  db: Database,
  range: DayRange,
  dimension: SalesDimension,
  options: Options = {},
): Promise<SalesBreakdownRow[]> {
  const currency = options.currency ?? 'CNY';
  const rows = await queryRows<Record<string, unknown> & { key: string }>(
    db,
    groupedFacts(range, currency, DIMENSION_COLUMN[dimension]),
  );
  return rows
    .map((row) => ({ key: String(row.key), ...totalsOf(row) }))
    .sort((a, b) => b.netCents - a.netCents || a.key.localeCompare(b.key));
}
