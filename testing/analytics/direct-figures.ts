import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { DayRange } from '@/domain/analytics/report-range';
import type { SalesDimension, SalesOverview, SalesTotals } from '@/domain/analytics/sales-report';

/**
 * The Overview and Sales figures computed straight from the base tables (orders, order_lines, payments, refunds),
 * written apart from the rollups on purpose: gross from the lines (not orders.subtotal_cents), units from the lines,
 * returning customers by counting orders up to the range's end. Tests compare the app's figures with these, and
 * bench:analytics times them against the app's.
 */
const TZ = 'Asia/Shanghai';
const n = (value: unknown) => Number(value ?? 0);

const inRange = (column: SQL, range: DayRange) =>
  sql`${column} >= (${range.from}::date::timestamp at time zone ${TZ}::text)
      and ${column} < ((${range.to}::date + 1)::timestamp at time zone ${TZ}::text)`;

const methodOf = sql`coalesce((select p.method::text from payments p
  where p.order_id = o.id and p.status = 'succeeded' and not p.needs_refund), 'none')`;

const DIMENSION: Record<SalesDimension | 'all', SQL> = {
  all: sql`'all'`,
  channel: sql`o.source::text`,
  province: sql`o.ship_province`,
  payment_method: methodOf,
};

async function directTotals(
  db: Database,
  range: DayRange,
  by: SalesDimension | 'all' | 'day',
  currency: string,
): Promise<Map<string, SalesTotals>> {
  const key = (column: SQL) =>
    by === 'day' ? sql`to_char((${column} at time zone ${TZ}::text)::date, 'YYYY-MM-DD')` : DIMENSION[by];
  const sales = await queryRows<Record<string, unknown> & { key: string }>(
    db,
    sql`select ${key(sql`o.placed_at`)} as key, count(*)::text as orders,
          sum((select sum(l.unit_price_cents::bigint * l.quantity) from order_lines l where l.order_id = o.id))::text as gross,
          sum((select sum(l.quantity) from order_lines l where l.order_id = o.id))::text as units,
          sum(o.discount_cents)::text as discount, sum(o.shipping_cents)::text as shipping, sum(o.tax_cents)::text as tax
        from orders o
        where o.status <> 'cancelled' and o.currency = ${currency}::char(3) and ${inRange(sql`o.placed_at`, range)}
        group by 1`,
  );
  const refunds = await queryRows<{ key: string; refunds: string; refund_cents: string }>(
    db,
    sql`select ${key(sql`r.completed_at`)} as key, count(*)::text as refunds, sum(r.amount_cents)::text as refund_cents
        from refunds r join orders o on o.id = r.order_id
        where r.status = 'succeeded' and o.status <> 'cancelled' and r.currency = ${currency}::char(3)
          and ${inRange(sql`r.completed_at`, range)}
        group by 1`,
  );
  const result = new Map<string, SalesTotals>();
  const entry = (k: string) => {
    let totals = result.get(k);
    if (!totals) {
      totals = {
        grossCents: 0,
        discountCents: 0,
        refundCents: 0,
        netCents: 0,
        shippingCents: 0,
        taxCents: 0,
        orders: 0,
        units: 0,
        refunds: 0,
      };
      result.set(k, totals);
    }
    return totals;
  };
  for (const row of sales) {
    const t = entry(String(row.key));
    t.orders = n(row.orders);
    t.grossCents = n(row.gross);
    t.units = n(row.units);
    t.discountCents = n(row.discount);
    t.shippingCents = n(row.shipping);
    t.taxCents = n(row.tax);
  }
  for (const row of refunds) {
    const t = entry(String(row.key));
    t.refunds = n(row.refunds);
    t.refundCents = n(row.refund_cents);
  }
  for (const t of result.values()) t.netCents = t.grossCents - t.discountCents - t.refundCents;
  return result;
}

/** The Overview of a range, from the base tables. */
export async function directOverview(db: Database, range: DayRange, currency = 'CNY'): Promise<SalesOverview> {
  const totals = (await directTotals(db, range, 'all', currency)).get('all');
  const figures = totals ?? {
    grossCents: 0,
    discountCents: 0,
    refundCents: 0,
    netCents: 0,
    shippingCents: 0,
    taxCents: 0,
    orders: 0,
    units: 0,
    refunds: 0,
  };
  const [people] = await queryRows<{ new_customers: string; customers: string; returning: string }>(
    db,
    sql`with firsts as (
          select customer_id, min(placed_at) as first_at from orders
          where customer_id is not null and status <> 'cancelled' group by customer_id
        ),
        buyers as (
          select distinct customer_id from orders
          where customer_id is not null and status <> 'cancelled' and ${inRange(sql`placed_at`, range)}
        )
        select
          (select count(*) from firsts where ${inRange(sql`first_at`, range)})::text as new_customers,
          (select count(*) from buyers)::text as customers,
          (select count(*) from buyers b where (
             select count(*) from orders o where o.customer_id = b.customer_id and o.status <> 'cancelled'
               and o.placed_at < ((${range.to}::date + 1)::timestamp at time zone ${TZ}::text)) >= 2)::text as returning`,
  );
  return {
    ...figures,
    aovCents: figures.orders === 0 ? 0 : Math.round((figures.grossCents - figures.discountCents) / figures.orders),
    newCustomers: n(people.new_customers),
    customers: n(people.customers),
    returningCustomers: n(people.returning),
  };
}

/** Sales by a dimension over a range, from the base tables, keyed like getSalesBreakdown's rows. */
export async function directBreakdown(
  db: Database,
  range: DayRange,
  dimension: SalesDimension,
  currency = 'CNY',
): Promise<Map<string, SalesTotals>> {
  return directTotals(db, range, dimension, currency);
}

/** Sales per store day (days with any sale or refund only), from the base tables. */
export async function directDailySeries(
  db: Database,
  range: DayRange,
  currency = 'CNY',
): Promise<Map<string, SalesTotals>> {
  return directTotals(db, range, 'day', currency);
}
