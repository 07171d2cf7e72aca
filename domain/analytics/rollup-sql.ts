import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { arrayLiteral, storeDay, storeDayStart } from './store-day';

/**
 * Recomputes the rollups from the base tables: the daily facts of some store days (or all), the customer
 * figures of some customers (or all). Deleting then re-aggregating a whole day makes every run idempotent, so a
 * change seen twice (a rebuild overlapping the change record) costs time, never correctness.
 *
 * What counts (Shopify's definitions, see report-definitions.ts): orders not cancelled, by the store day they were
 * placed; gross = price x quantity (orders.subtotal_cents, the sum over the lines); refunds that succeeded, by the
 * store day they completed, unless their order is cancelled (a cancelled order counts nowhere).
 */
export async function recomputeDays(tx: Database, days: readonly string[] | 'all'): Promise<void> {
  if (days !== 'all' && days.length === 0) return;
  const dayList = days === 'all' ? null : arrayLiteral(days);
  // orders placed on the days: a join on each day's bounds keeps to the placed_at index
  const ordersOnDays: SQL =
    dayList === null
      ? sql`orders o`
      : sql`unnest(${dayList}::date[]) d(day) join orders o
              on o.placed_at >= ${storeDayStart(sql`d.day`)} and o.placed_at < ${storeDayStart(sql`d.day + 1`)}`;
  const refundsOnDays: SQL =
    dayList === null
      ? sql`refunds r`
      : sql`unnest(${dayList}::date[]) d(day) join refunds r
              on r.completed_at >= ${storeDayStart(sql`d.day`)} and r.completed_at < ${storeDayStart(sql`d.day + 1`)}`;
  const dayFilter = dayList === null ? sql`true` : sql`day = any(${dayList}::date[])`;
  const paymentMethod = sql`coalesce((select p.method::text from payments p
      where p.order_id = o.id and p.status = 'succeeded' and not p.needs_refund limit 1), 'none')`;

  await tx.execute(sql`delete from analytics_daily_orders where ${dayFilter}`);
  await tx.execute(sql`delete from analytics_daily_sku_sales where ${dayFilter}`);
  await tx.execute(sql`delete from analytics_daily_refunds where ${dayFilter}`);
  await tx.execute(sql`
    insert into analytics_daily_orders
      (day, currency, source, province, payment_method, orders, units, gross_cents, discount_cents, shipping_cents, tax_cents)
    select ${storeDay(sql`o.placed_at`)}, o.currency, o.source, o.ship_province, ${paymentMethod},
           count(*), sum(o.item_count), sum(o.subtotal_cents), sum(o.discount_cents), sum(o.shipping_cents), sum(o.tax_cents)
    from ${ordersOnDays}
    where o.status <> 'cancelled'
    group by 1, 2, 3, 4, 5`);
  await tx.execute(sql`
    insert into analytics_daily_sku_sales
      (day, currency, sku_code, source, province, units, gross_cents, line_discount_cents, cost_cents)
    select ${storeDay(sql`o.placed_at`)}, o.currency, l.sku_code, o.source, o.ship_province,
           sum(l.quantity), sum(l.unit_price_cents::bigint * l.quantity), sum(l.discount_cents),
           sum(l.unit_cost_cents::bigint * l.quantity)
    from ${ordersOnDays}
    join order_lines l on l.order_id = o.id
    where o.status <> 'cancelled'
    group by 1, 2, 3, 4, 5`);
  await tx.execute(sql`
    insert into analytics_daily_refunds (day, currency, source, province, payment_method, refunds, refund_cents)
    select ${storeDay(sql`r.completed_at`)}, r.currency, o.source, o.ship_province, ${paymentMethod},
           count(*), sum(r.amount_cents)
    from ${refundsOnDays}
    join orders o on o.id = r.order_id
    where r.status = 'succeeded' and r.completed_at is not null and o.status <> 'cancelled'
    group by 1, 2, 3, 4, 5`);
}

/** Recomputes first order, lifetime orders and money spent, and orders per day, of some customers (or all). */
export async function recomputeCustomers(tx: Database, customerIds: readonly number[] | 'all'): Promise<void> {
  if (customerIds !== 'all' && customerIds.length === 0) return;
  const idList = customerIds === 'all' ? null : arrayLiteral(customerIds);
  const filter = idList === null ? sql`true` : sql`customer_id = any(${idList}::bigint[])`;
  await tx.execute(sql`delete from analytics_customers where ${filter}`);
  await tx.execute(sql`delete from analytics_customer_days where ${filter}`);
  await tx.execute(sql`
    insert into analytics_customers (customer_id, first_order_at, first_order_day, last_order_at, orders, total_spent_cents)
    select customer_id, min(placed_at), ${storeDay(sql`min(placed_at)`)}, max(placed_at), count(*), sum(total_cents)
    from orders
    where customer_id is not null and status <> 'cancelled' and ${filter}
    group by customer_id`);
  await tx.execute(sql`
    insert into analytics_customer_days (day, customer_id, orders, prev_day, next_day)
    select day, customer_id, orders,
           lag(day) over (partition by customer_id order by day), lead(day) over (partition by customer_id order by day)
    from (
      select ${storeDay(sql`placed_at`)} as day, customer_id, count(*) as orders
      from orders
      where customer_id is not null and status <> 'cancelled' and ${filter}
      group by 1, 2
    ) days`);
}
