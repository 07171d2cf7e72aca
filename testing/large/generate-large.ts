import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { PLACES, STREETS, MOBILE_PREFIXES } from '@/testing/fixtures/china-places';
import { FAMILY_NAMES, GIVEN_NAMES } from './names';

export interface GenerateLargeOptions {
  orders: number;
  customers: number;
  /** orders are spread over this many days before now, more of them recently */
  days: number;
  /** after-sales requests (one line each) on shipped and completed orders; 0 for none */
  afterSales?: number;
  /** called after each step with what it did */
  log: (message: string) => void;
}

const literalArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replaceAll('"', '\\"')}"`).join(',')}}`;

/**
 * Generates orders with lines and a pool of customers set-based in SQL (INSERT ... SELECT from
 * generate_series): pg_temp.rnd(n, k) is a deterministic pseudo-random number in [0, 1) for row n
 * and purpose k, so the same arguments give the same data. Needs one connection (temp tables)
 * and the seeded catalog. Orders carry consistent totals and timestamps, but no payments,
 * shipments or stock movements (after-sales requests, when asked for, carry no events or refunds): the data
 * set is for list, search and analytics benchmarks.
 */
export async function generateLarge(db: Database, options: GenerateLargeOptions): Promise<Record<string, number>> {
  const { orders, customers, days, log } = options;
  const afterSales = options.afterSales ?? 0;
  const step = async (label: string, ...queries: SQL[]) => {
    const started = performance.now();
    for (const query of queries) await db.execute(query);
    log(`${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
  await db.execute(sql`set synchronous_commit = off`);
  await db.execute(sql`set work_mem = '256MB'`);
  await db.execute(
    sql.raw(`create or replace function pg_temp.rnd(n bigint, k bigint) returns float8 language sql immutable parallel safe
    as $$ select (hashint8extended(n, k) & 281474976710655)::float8 / 281474976710656.0 $$`),
  );

  await step(
    'catalog and places',
    sql`
    create temp table gen_skus as
      select row_number() over (order by id)::int as k, id, code, name, variant, price_cents, cost_cents from skus where is_active`,
    sql`    create temp table gen_warehouses as select row_number() over (order by id)::int as k, id from warehouses where is_active`,
    sql`    create temp table gen_places as
      select row_number() over ()::int as k, p.province, p.city, p.districts, p.postal_prefix
      from json_to_recordset(${JSON.stringify(PLACES.map((p) => ({ province: p.province, city: p.city, districts: p.districts, postal_prefix: p.postalPrefix, weight: p.weight })))}::json)
        as p(province text, city text, districts text[], postal_prefix text, weight int)
      cross join lateral generate_series(1, p.weight)`,
  );
  const [{ skus: skuCount, warehouses: warehouseCount, places: placeCount }] = await queryRows<{
    skus: number;
    warehouses: number;
    places: number;
  }>(
    db,
    sql`
    select (select count(*) from gen_skus)::int as skus, (select count(*) from gen_warehouses)::int as warehouses, (select count(*) from gen_places)::int as places`,
  );
  if (skuCount === 0 || warehouseCount === 0) throw new Error('no active SKUs or warehouses: seed the catalog first');

  await db.execute(sql`begin`);
  try {
    await step(
      `${customers} customers`,
      sql`
      create temp table gen_customers as
      select n,
        (${literalArray(FAMILY_NAMES)}::text[])[1 + floor(pg_temp.rnd(n, 101) * ${FAMILY_NAMES.length})::int]
          || (${literalArray(GIVEN_NAMES)}::text[])[1 + floor(pg_temp.rnd(n, 102) * ${GIVEN_NAMES.length})::int] as name,
        (${literalArray(MOBILE_PREFIXES)}::text[])[1 + floor(pg_temp.rnd(n, 103) * ${MOBILE_PREFIXES.length})::int]
          || lpad(floor(pg_temp.rnd(n, 104) * 100000000)::bigint::text, 8, '0') as phone,
        p.province, p.city, p.districts[1 + floor(pg_temp.rnd(n, 106) * array_length(p.districts, 1))::int] as district,
        (${literalArray(STREETS)}::text[])[1 + floor(pg_temp.rnd(n, 107) * ${STREETS.length})::int]
          || (1 + floor(pg_temp.rnd(n, 108) * 999))::int || '号' || (1 + floor(pg_temp.rnd(n, 109) * 30))::int || '栋'
          || (1 + floor(pg_temp.rnd(n, 110) * 32))::int || '0' || (1 + floor(pg_temp.rnd(n, 111) * 4))::int || '室' as street,
        p.postal_prefix || lpad(floor(pg_temp.rnd(n, 112) * 1000)::int::text, 3, '0') as postal_code,
        now() - (${days} * 1.1 * pg_temp.rnd(n, 113)) * interval '1 day' as created_at
      from generate_series(1, ${customers}) n
      join gen_places p on p.k = 1 + floor(pg_temp.rnd(n, 105) * ${placeCount})::int`,
      sql`      create temp table gen_customer_ids as
      with inserted as (
        insert into customers (name, phone, created_at) select name, phone, created_at from gen_customers order by n returning id
      )
      -- identity values follow insertion order, so the k-th id belongs to the k-th row
      select row_number() over (order by id)::int as n, id from inserted`,
      sql`      alter table gen_customer_ids add primary key (n)`,
      sql`      insert into customer_addresses (customer_id, recipient_name, phone, province, city, district, street, postal_code, is_default, created_at)
      select i.id, c.name, c.phone, c.province, c.city, c.district, c.street, c.postal_code, true, c.created_at
      from gen_customers c join gen_customer_ids i using (n)`,
    );

    await step(
      `${orders} order headers planned`,
      sql`
      create temp table gen_orders as
      with base as (
        select g, now() - (${days} * power(pg_temp.rnd(g, 1), 1.6)) * interval '1 day' as placed_at,
          pg_temp.rnd(g, 2) as r_status, pg_temp.rnd(g, 3) as r_source, pg_temp.rnd(g, 4) as r_cod,
          1 + floor(power(pg_temp.rnd(g, 5), 1.5) * ${customers})::int as customer_n,
          pg_temp.rnd(g, 6) as r_lines, pg_temp.rnd(g, 7) as r_coupon, floor(power(pg_temp.rnd(g, 8), 1.3) * ${skuCount})::int as sku_base
        from generate_series(1, ${orders}) g
      ), aged as (
        select *, extract(epoch from now() - placed_at) / 86400 as age from base
      )
      select g, placed_at, customer_n, r_coupon, sku_base,
        case when r_lines < 0.3 then 1 when r_lines < 0.75 then 2 when r_lines < 0.95 then 3 else 4 end as line_count,
        case when r_source < 0.3 then 'manual' when r_source < 0.65 then 'import' else 'api' end::order_source as source,
        case
          when age < 1.0 / 48 then case when r_status < 0.45 then 'pending_payment' when r_status < 0.55 then 'paid' when r_status < 0.95 then 'awaiting_shipment' else 'cancelled' end
          when age < 1 then case when r_status < 0.45 then 'awaiting_shipment' when r_status < 0.8 then 'shipped' when r_status < 0.84 then 'paid' when r_status < 0.86 then 'partially_shipped' else 'cancelled' end
          when age < 3 then case when r_status < 0.08 then 'awaiting_shipment' when r_status < 0.78 then 'shipped' when r_status < 0.81 then 'partially_shipped' when r_status < 0.82 then 'paid' when r_status < 0.9 then 'completed' else 'cancelled' end
          when age < 14 then case when r_status < 0.38 then 'shipped' when r_status < 0.9 then 'completed' when r_status < 0.91 then 'partially_shipped' else 'cancelled' end
          else case when r_status < 0.915 then 'completed' when r_status < 0.921 then 'shipped' else 'cancelled' end
        end::order_status as status,
        r_cod < 0.05 as cod_wanted
      from aged`,
    );

    await step(
      'order lines planned',
      sql`
      create temp table gen_lines as
      select o.g, l.line_no, s.id as sku_id, s.code, s.name, s.variant, s.price_cents, s.cost_cents, w.id as warehouse_id,
        case when pg_temp.rnd(o.g * 4 + l.line_no, 9) < 0.75 then 1 when pg_temp.rnd(o.g * 4 + l.line_no, 9) < 0.93 then 2 else 3 end as quantity
      from gen_orders o
      cross join lateral generate_series(1, o.line_count) l(line_no)
      -- a stride of 7 keeps the SKUs of one order distinct
      join gen_skus s on s.k = 1 + (o.sku_base + (l.line_no - 1) * 7) % ${skuCount}
      join gen_warehouses w on w.k = 1 + o.g % ${warehouseCount}`,
      sql`      create temp table gen_totals as
      select g, sum(price_cents * quantity)::int as subtotal, sum(quantity)::int as item_count from gen_lines group by g`,
      sql`      alter table gen_totals add primary key (g)`,
    );

    await step(
      'order numbers',
      sql`
      create temp table gen_numbered as
      select s.*, nextval('order_number_seq') as seq from (select * from gen_orders order by placed_at) s`,
      sql`      alter table gen_numbered add column number text`,
      sql`      update gen_numbered set number = 'SO' || to_char(placed_at at time zone 'Asia/Shanghai', 'YYMMDD')
        || case when length(seq::text) >= 6 then seq::text else lpad(seq::text, 6, '0') end`,
    );

    await step(
      `${orders} orders`,
      sql`
      create temp table gen_order_ids (g int primary key, id bigint not null)`,
      sql`      with inserted as (
        insert into orders (number, source, external_ref, status, is_cash_on_delivery, subtotal_cents, discount_cents,
          shipping_cents, tax_cents, total_cents, item_count, customer_id, ship_name, ship_phone, ship_province, ship_city,
          ship_district, ship_street, ship_postal_code, placed_at, paid_at, shipped_at, delivered_at, completed_at,
          cancelled_at, cancel_reason, created_at, updated_at)
        select x.number, x.source, case when x.source = 'manual' then null else case when x.source = 'import' then 'TB' else 'YZ' end || x.seq end,
          x.status, x.is_cod, x.subtotal, x.discount, x.shipping, 0, x.subtotal - x.discount + x.shipping, x.item_count,
          x.customer_id, x.name, x.phone, x.province, x.city, x.district, x.street, x.postal_code, x.placed_at,
          case when x.is_cod then x.completed_at when x.status in ('paid', 'awaiting_shipment', 'partially_shipped', 'shipped', 'completed')
            then least(now(), x.placed_at + interval '3 minutes') end,
          x.shipped_at, x.delivered_at, x.completed_at,
          case when x.status = 'cancelled' then least(now(), x.placed_at + interval '30 minutes') end,
          case when x.status = 'cancelled' then '超时未支付，系统自动取消' end,
          x.placed_at, coalesce(x.completed_at, x.delivered_at, x.shipped_at, x.placed_at)
        from (
          select n.*, t.subtotal, t.item_count, c.name, c.phone, c.province, c.city, c.district, c.street, c.postal_code, i.id as customer_id,
            n.cod_wanted and n.status not in ('pending_payment', 'paid') as is_cod,
            case when n.r_coupon < 0.15 and t.subtotal >= 4000 then (array[500, 1000, 2000])[1 + floor(n.r_coupon * 100)::int % 3] else 0 end as discount,
            case when t.subtotal >= 9900 then 0 else 800 end as shipping,
            case when n.status in ('partially_shipped', 'shipped', 'completed') then least(now(), n.placed_at + interval '20 hours') end as shipped_at,
            case when n.status = 'completed' then least(now(), n.placed_at + interval '3 days') end as delivered_at,
            case when n.status = 'completed' then least(now(), n.placed_at + interval '9 days') end as completed_at
          from gen_numbered n
          join gen_totals t using (g)
          join gen_customers c on c.n = n.customer_n
          join gen_customer_ids i on i.n = n.customer_n
        ) x
        order by x.seq
        returning id, number
      )
      insert into gen_order_ids select n.g, inserted.id from inserted join gen_numbered n using (number)`,
    );

    await step(
      'order lines',
      sql`
      insert into order_lines (order_id, sku_id, sku_code, name, variant, unit_price_cents, unit_cost_cents, quantity, discount_cents, line_total_cents, warehouse_id)
      select i.id, l.sku_id, l.code, l.name, l.variant, l.price_cents, l.cost_cents, l.quantity, 0, l.price_cents * l.quantity, l.warehouse_id
      from gen_lines l join gen_order_ids i using (g)
      order by i.id, l.line_no`,
    );
    if (afterSales > 0) {
      // requests on shipped / completed orders: the older ones ended, the last ten days' still open
      // (deadlines from the defaults: 48 h to decide, 7 days to send the parcel back, 10 days to receive it)
      await step(
        `${afterSales} after-sales requests`,
        sql`
        create temp table gen_requests as
        select row_number() over (order by pg_temp.rnd(n.g, 201))::int as k, n.g, i.id as order_id,
          least(now(), n.placed_at + interval '20 hours') as shipped_at,
          pg_temp.rnd(n.g, 202) as r_kind, pg_temp.rnd(n.g, 203) as r_status, pg_temp.rnd(n.g, 204) as r_age,
          pg_temp.rnd(n.g, 205) as r_reason
        from gen_numbered n join gen_order_ids i using (g)
        where n.status in ('shipped', 'completed')
        order by pg_temp.rnd(n.g, 201) limit ${afterSales}`,
        sql`      create temp table gen_request_rows as
        select k, order_id,
          (case when r_kind < 0.4 then 'refund_only' when r_kind < 0.75 then 'return_refund' when r_kind < 0.9 then 'exchange' else 'reship' end)::after_sales_kind as kind,
          (case
            when r_status < 0.04 then 'requested'
            when r_status < 0.06 then 'approved'
            when r_status < 0.10 then case when r_kind >= 0.4 and r_kind < 0.9 then 'awaiting_return' else 'approved' end
            when r_status < 0.13 then case when r_kind >= 0.4 and r_kind < 0.9 then 'return_in_transit' else 'refunding' end
            when r_status < 0.14 then case when r_kind >= 0.4 and r_kind < 0.9 then 'received' else 'refunding' end
            when r_status < 0.20 then 'rejected'
            when r_status < 0.24 then 'cancelled'
            when r_status < 0.26 then 'closed'
            else 'completed'
          end)::after_sales_status as status,
          r_age, r_reason, shipped_at
        from gen_requests`,
        // temp tables have no statistics until analyzed: without them the join below plans as a nested loop
        sql`      create unique index on gen_request_rows (order_id)`,
        sql`      analyze gen_request_rows`,
        sql`      with inserted as (
          insert into after_sales_requests (number, order_id, kind, status, refund_proposed_cents, return_tracking_number,
            return_shipped_at, deadline_at, overdue_at, created_at, updated_at, closed_at)
          select 'AS' || to_char(x.created_at at time zone 'Asia/Shanghai', 'YYMMDD') || lpad(nextval('after_sales_number_seq')::text, 6, '0'),
            x.order_id, x.kind, x.status, case when x.kind in ('refund_only', 'return_refund') then 1000 + (x.k % 90) * 100 end,
            case when x.status in ('return_in_transit', 'received') or (x.kind in ('return_refund', 'exchange') and x.status = 'completed')
              then 'SF14' || lpad(x.k::text, 9, '0') end,
            case when x.status in ('return_in_transit', 'received', 'completed') and x.kind in ('return_refund', 'exchange')
              then x.created_at + interval '1 day' end,
            x.deadline_at,
            -- a person is asked once a decision or a receipt is late
            case when x.deadline_at < now() and x.status in ('requested', 'received') then x.deadline_at end,
            x.created_at, x.created_at, case when x.is_open then null else x.created_at + interval '5 days' end
          from (
            select r.*, r.status in ('requested', 'approved', 'awaiting_return', 'return_in_transit', 'received', 'inspected', 'refunding') as is_open,
              case when r.status in ('requested', 'approved', 'awaiting_return', 'return_in_transit', 'received', 'inspected', 'refunding')
                then now() - (10 * r.r_age) * interval '1 day'
                else least(now(), r.shipped_at + (1 + 20 * r.r_age) * interval '1 day') end as created_at
            from gen_request_rows r
          ) s
          cross join lateral (select s.*, case s.status
              when 'requested' then s.created_at + interval '48 hours'
              when 'awaiting_return' then s.created_at + interval '7 days'
              when 'received' then s.created_at + interval '10 days' end as deadline_at) x
          order by x.created_at
          returning id, order_id
        )
        insert into after_sales_lines (request_id, order_line_id, quantity, reason_code, is_seller_fault)
        select inserted.id, l.id, 1,
          (array['quality_problem', 'wrong_item', 'missing_item', 'damaged_in_transit', 'no_longer_wanted', 'wrong_size', 'not_as_described', 'other'])[1 + floor(r.r_reason * 8)::int],
          r.r_reason < 0.5
        from inserted
        join gen_request_rows r on r.order_id = inserted.order_id
        cross join lateral (select ol.id from order_lines ol where ol.order_id = inserted.order_id order by ol.id limit 1) l`,
      );
    }
    await db.execute(sql`commit`);
  } catch (error) {
    await db.execute(sql`rollback`);
    throw error;
  }

  await step(
    'analyze',
    sql`analyze customers`,
    sql`analyze customer_addresses`,
    sql`analyze orders`,
    sql`analyze order_lines`,
    sql`analyze after_sales_requests`,
    sql`analyze after_sales_lines`,
  );
  const [counts] = await queryRows<Record<string, number>>(
    db,
    sql`
    select (select count(*) from gen_order_ids)::int as orders, (select count(*) from gen_lines)::int as order_lines,
      (select count(*) from gen_customer_ids)::int as customers, (select count(*) from gen_customer_ids)::int as customer_addresses,
      (select count(*) from after_sales_requests)::int as after_sales_requests`,
  );
  await db.execute(
    sql`drop table if exists gen_skus, gen_warehouses, gen_places, gen_customers, gen_customer_ids, gen_orders, gen_lines, gen_totals, gen_numbered, gen_order_ids, gen_requests, gen_request_rows`,
  );
  return counts;
}
