import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword, DEMO_PASSWORD, DEMO_STAFF } from '@/domain/staff/password';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { ean13 } from '@/domain/catalog/barcode';
import { checkStockLedger } from '@/testing/fixtures/stock-ledger';
import { DEMO_CARRIER_RULES } from './carrier-rules';
import { seedDemoData, type SeedResult } from './seed';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';

const now = new Date('2026-06-12T04:00:00Z');
const size = { orders: 300, customers: 100, now, seed: 42 };
let handle: DatabaseHandle;
let first: SeedResult;

beforeAll(async () => {
  handle = await openTestDatabase();
  first = await seedDemoData(handle.db, size);
});
afterAll(async () => handle?.close());

const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await queryRows<T>(handle.db, query))[0];

describe(`demo seed (${testDatabaseKind})`, () => {
  it('is idempotent: a second run writes nothing', async () => {
    expect(first.skipped).toBe(false);
    expect(first.counts.orders).toBe(300);
    expect(first.counts.customers).toBe(100);
    const second = await seedDemoData(handle.db, size);
    expect(second.skipped).toBe(true);
    expect(second.counts).toEqual(first.counts);
  });

  it('is deterministic for a seed and a "now"', async () => {
    const other = await openTestDatabase();
    try {
      await seedDemoData(other.db, size);
      const digest = `select string_agg(number || ':' || status || ':' || total_cents || ':' || ship_name, ',' order by number) as d from orders`;
      const [a] = await queryRows<{ d: string }>(handle.db, sql.raw(digest));
      const [b] = await queryRows<{ d: string }>(other.db, sql.raw(digest));
      expect(a.d).toBe(b.d);
    } finally {
      await other.close();
    }
  });

  it('keeps the stock ledger equal to stock and leaves several SKUs low', async () => {
    expect(await checkStockLedger(handle.db)).toEqual([]);
    const low = await one<{ n: number }>(sql`
      select count(*)::int as n from stock_levels l join skus s on s.id = l.sku_id
      where l.on_hand - l.reserved < coalesce(l.low_stock_threshold, s.low_stock_threshold, 10)`);
    expect(low.n).toBeGreaterThanOrEqual(3);
    const negative = await one<{ n: number }>(
      sql`select count(*)::int as n from stock_levels where on_hand < reserved or reserved < 0`,
    );
    expect(negative.n).toBe(0);
    const reserved = await one<{ levels: number; open: number }>(sql`
      select (select coalesce(sum(reserved), 0) from stock_levels)::int as levels,
        (select coalesce(sum(l.quantity), 0) from order_lines l join orders o on o.id = l.order_id
          where o.status in ('pending_payment', 'paid', 'awaiting_shipment'))::int
        + (select coalesce(sum(l.quantity - coalesce(sh.q, 0)), 0) from order_lines l join orders o on o.id = l.order_id
          left join (select order_line_id, sum(quantity) q from shipment_lines group by 1) sh on sh.order_line_id = l.id
          where o.status = 'partially_shipped')::int as open`);
    expect(reserved.levels).toBe(reserved.open);
  });

  it('writes orders whose totals, payments and shipments agree with their status', async () => {
    const bad = await one<Record<string, number>>(sql`
      select
        count(*) filter (where o.total_cents <> o.subtotal_cents - o.discount_cents + o.shipping_cents + o.tax_cents)::int as total,
        count(*) filter (where o.subtotal_cents <> l.subtotal or o.item_count <> l.items)::int as lines,
        count(*) filter (where (o.status in ('paid', 'awaiting_shipment', 'partially_shipped', 'shipped', 'completed') and not o.is_cash_on_delivery
          or o.is_cash_on_delivery and o.status = 'completed') <> (coalesce(p.paid, 0) = o.total_cents and p.n = 1))::int as payments,
        count(*) filter (where (o.status in ('partially_shipped', 'shipped', 'completed')) <> (s.n > 0))::int as shipments,
        count(*) filter (where o.status = 'pending_payment' and o.placed_at < ${now.toISOString()}::timestamptz - interval '30 minutes')::int as stale_unpaid,
        count(*) filter (where greatest(o.paid_at, o.shipped_at, o.delivered_at, o.completed_at, o.cancelled_at) > ${now.toISOString()}::timestamptz)::int as future
      from orders o
      join (select order_id, sum(line_total_cents) subtotal, sum(quantity) items from order_lines group by 1) l on l.order_id = o.id
      left join (select order_id, count(*) n, sum(amount_cents) paid from payments where status = 'succeeded' group by 1) p on p.order_id = o.id
      left join (select order_id, count(*) n from shipments group by 1) s on s.order_id = o.id`);
    expect(bad).toEqual({ total: 0, lines: 0, payments: 0, shipments: 0, stale_unpaid: 0, future: 0 });
    const statuses = await queryRows<{ status: string; n: number }>(
      handle.db,
      sql`select status, count(*)::int n from orders group by 1 order by 2 desc`,
    );
    expect(statuses[0].status).toBe('completed');
    expect(statuses.map((s) => s.status)).toContain('cancelled');
    const visits = await one<{ visitors: number; buyers: number }>(sql`
      select (select count(distinct visitor_id) from storefront_visits)::int as visitors, (select count(distinct customer_id) from orders)::int as buyers`);
    expect(visits.visitors).toBeGreaterThan(visits.buyers * 5);
  });

  it('reads like a real store: barcodes with valid check digits, no SKU named after another variant', async () => {
    const rows = await queryRows<{ barcode: string; name: string; variant: string }>(
      handle.db,
      sql`select barcode, name, variant from skus`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.barcode).toBe(ean13(row.barcode.slice(0, 12)));
      // "数据线 1.5米" with the variant "2米": a size belongs in the variant, not in the name
      const sizeInName = /\d+(\.\d+)?米/.exec(row.name)?.[0];
      if (sizeInName) expect(row.variant).toContain(sizeInName);
    }
  });

  it('creates one login per role with the demo password and the default settings', async () => {
    const staff = await queryRows<{ email: string; role: string; password_hash: string }>(
      handle.db,
      sql`select email, role, password_hash from staff_users order by id`,
    );
    expect(staff.map((s) => [s.email, s.role])).toEqual(DEMO_STAFF.map((s) => [s.email, s.role]));
    expect(await verifyPassword(staff[0].password_hash, DEMO_PASSWORD)).toBe(true);
    const settings = await queryRows<{ key: string }>(handle.db, sql`select key from settings order by key`);
    expect(settings.map((s) => s.key)).toEqual([
      'after_sales_deadlines',
      'after_sales_reasons',
      'auto_complete_days',
      'auto_review',
      'demo_seed',
      'import_max_megabytes',
      'kuaidi100',
      'low_stock_default_threshold',
      'reconcile_after_minutes',
      'security',
      'unpaid_timeout_minutes',
    ]);
    const carriers = await one<{ n: number }>(sql`select count(*)::int as n from carriers`);
    expect(carriers.n).toBe(9);
  });

  it('starts with carrier rules, and the orders waiting to ship carry the carrier the rules pick', async () => {
    const rules = await queryRows<{ name: string; code: string }>(
      handle.db,
      sql`
      select r.name, c.code from carrier_rules r join carriers c on c.id = r.carrier_id where r.is_active order by r.position`,
    );
    expect(rules.map((r) => r.code)).toEqual(DEMO_CARRIER_RULES.map((r) => r.carrierCode));
    const waiting = await queryRows<{ code: string | null; province: string; total_cents: number }>(
      handle.db,
      sql`
      select c.code, o.ship_province as province, o.total_cents from orders o left join carriers c on c.id = o.assigned_carrier_id
      where o.status = 'awaiting_shipment'`,
    );
    expect(waiting.length).toBeGreaterThan(0);
    // the last rule catches everything, so every waiting order has a carrier
    expect(waiting.every((o) => o.code !== null)).toBe(true);
    const remote = (o: { province: string }) => /^(新疆|西藏|青海|内蒙古|宁夏)/.test(o.province);
    for (const o of waiting.filter(remote)) expect(o.code).toBe('ems');
    for (const o of waiting.filter((w) => !remote(w) && Number(w.total_cents) >= 100_000))
      expect(['debangkuaidi', 'shunfeng']).toContain(o.code);
  });

  it('gives every parcel with an exception an open exception for a person, and tracking events the live dedupe key', async () => {
    const flagged = await one<{ n: number; without: number }>(sql`
      select count(*)::int as n, count(*) filter (where not exists (
        select 1 from shipment_exceptions e where e.shipment_id = s.id and e.resolved_at is null))::int as without
      from shipments s where s.has_exception`);
    expect(flagged.n).toBeGreaterThan(0);
    expect(flagged.without).toBe(0);
    const keys = await one<{ bad: number }>(
      sql`select count(*)::int as bad from tracking_events where dedupe_key !~ '^[0-9a-f]{64}$'`,
    );
    expect(keys.bad).toBe(0);
  });
});
