import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import type { InsertedOrder } from '@/testing/fixtures/insert-order-graphs';
import { orders, refunds } from '@/db/schema';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { buildOrderListQuery, listOrders, type OrderListRow } from './list-orders';
import { buildSearchProbe, chooseSearchStrategy, readSearchProbe } from './order-search';
import {
  decodeCursor,
  parseOrderListParams,
  type SearchParamsInput,
  type TOrderListFilters,
} from './order-list-filters';

let handle: DatabaseHandle;
let f: Factories;
const made: Record<string, InsertedOrder> = {};
let zhangId = 0;
let rareSkuCode = '';

// 2026-03-01 23:30 in Shanghai: the last half hour of that Shanghai day
const T = new Date('2026-03-01T15:30:00Z');
const minutes = (n: number) => new Date(T.getTime() + n * 60_000);

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 11, now: () => new Date('2026-03-20T00:00:00Z') });
  const warehouse = await f.warehouse();
  const [a, b, rare] = [
    await f.sku({ priceCents: 1000 }),
    await f.sku({ priceCents: 2500 }),
    await f.sku({ priceCents: 99900 }),
  ];
  rareSkuCode = rare.code;
  for (const s of [a, b, rare]) await f.stock({ skuId: s.id, warehouseId: warehouse.id, onHand: 1000 });
  const zhang = await f.customer({ name: '张三丰', phone: '13812345678' });
  zhangId = zhang.id;

  const one = (skuId: number, quantity = 1) => [{ skuId, quantity }];
  made.paid = await f.order({ status: 'paid', lines: one(a.id), placedAt: minutes(-2 * 1440), customerId: zhang.id });
  made.pending = await f.order({
    status: 'pending_payment',
    source: 'api',
    lines: one(b.id, 2),
    placedAt: minutes(-1440),
  });
  made.cod = await f.order({
    status: 'awaiting_shipment',
    isCashOnDelivery: true,
    source: 'import',
    lines: one(a.id, 3),
    placedAt: T,
  });
  made.shipped = await f.order({ status: 'shipped', lines: one(rare.id), placedAt: minutes(40), customerId: zhang.id });
  made.completed = await f.order({ status: 'completed', source: 'api', lines: one(b.id), placedAt: minutes(1440) });
  made.cancelled = await f.order({ status: 'cancelled', lines: one(a.id), placedAt: minutes(2 * 1440) });
  made.partial = await f.order({
    status: 'partially_shipped',
    lines: [
      { skuId: b.id, quantity: 2 },
      { skuId: rare.id, quantity: 1 },
    ],
    placedAt: minutes(2 * 1440 + 5),
  });
  made.guest = await f.order({
    status: 'paid',
    lines: one(a.id, 5),
    placedAt: minutes(2 * 1440 + 10),
    customerId: null,
  });
  made.refunded = await f.order({ status: 'paid', lines: one(b.id), placedAt: minutes(2 * 1440 + 20) });
  made.partRefunded = await f.order({ status: 'paid', lines: one(b.id, 4), placedAt: minutes(2 * 1440 + 30) });
  // seven orders placed at the same instant: pagination must neither skip nor repeat them
  for (let i = 0; i < 7; i++) {
    made[`tie${i}`] = await f.order({
      status: i % 2 ? 'paid' : 'pending_payment',
      lines: one(a.id, i + 1),
      placedAt: minutes(3 * 1440),
    });
  }
  // and two that differ from them only in microseconds, which a JS Date cannot hold
  await handle.db.execute(
    sql`update orders set placed_at = placed_at + interval '0.000123 second' where id in (${made.tie5.order.id}, ${made.tie6.order.id})`,
  );
  made.archived = await f.order({ status: 'completed', lines: one(a.id), placedAt: minutes(3 * 1440 + 60) });
  await handle.db.update(orders).set({ archivedAt: new Date() }).where(eq(orders.id, made.archived.order.id));

  const refund = (o: InsertedOrder, cents: number) =>
    handle.db.insert(refunds).values({
      paymentId: o.payments.find((p) => p.status === 'succeeded')!.id,
      orderId: o.order.id,
      outRefundNo: `R${o.order.id}`,
      amountCents: cents,
      status: 'succeeded',
      reason: 'test',
    });
  await refund(made.refunded, made.refunded.order.totalCents);
  await refund(made.partRefunded, 1000);
});
afterAll(async () => handle?.close());

/** All non-archived orders in the expected order, computed independently of the list query. */
async function expectedIds(sort: TOrderListFilters['sort'], where = sql`archived_at is null`): Promise<number[]> {
  const rows = await queryRows<{ id: string | number; us: string; total: number }>(
    handle.db,
    sql`
    select id, (extract(epoch from placed_at) * 1000000)::bigint::text as us, total_cents as total from orders where ${where}`,
  );
  const key = (r: (typeof rows)[number]) => (sort.startsWith('total') ? BigInt(r.total) : BigInt(r.us));
  const sign = sort.endsWith('desc') ? -1 : 1;
  return rows
    .sort((x, y) => (key(x) === key(y) ? Number(x.id) - Number(y.id) : key(x) < key(y) ? -1 : 1) * sign)
    .map((r) => Number(r.id));
}

async function list(params: SearchParamsInput) {
  const { filters, rejected } = parseOrderListParams(params);
  expect(rejected).toEqual([]);
  return listOrders(handle.db, filters);
}

const ids = (rows: OrderListRow[]) => rows.map((r) => r.id);
const idOf = (...names: string[]) => names.map((n) => made[n].order.id);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

describe(`listOrders (${testDatabaseKind})`, () => {
  it('lists every order that is not archived, newest first, by default', async () => {
    const page = await list({});
    expect(ids(page.rows)).toEqual(await expectedIds('placed_desc'));
    expect(ids(page.rows)).not.toContain(made.archived.order.id);
    expect(page.nextCursor).toBeNull();
    expect(page.prevCursor).toBeNull();
  });

  it('shows archived orders only in the archive view', async () => {
    const page = await list({ archived: 'only' });
    expect(ids(page.rows)).toEqual(idOf('archived'));
    expect(page.rows[0].isArchived).toBe(true);
  });

  it('narrows by one status and by several', async () => {
    const paid = await list({ status: 'paid' });
    expect(paid.rows.length).toBeGreaterThan(0);
    expect(paid.rows.every((r) => r.status === 'paid')).toBe(true);
    expect(sorted(ids(paid.rows))).toEqual(
      sorted(await expectedIds('placed_desc', sql`archived_at is null and status = 'paid'`)),
    );
    const several = await list(new URLSearchParams('status=shipped&status=cancelled'));
    expect(sorted(ids(several.rows))).toEqual(sorted(idOf('shipped', 'cancelled')));
    const commaSeparated = await list({ status: 'shipped,cancelled' });
    expect(ids(commaSeparated.rows)).toEqual(ids(several.rows));
  });

  it('narrows by source', async () => {
    const api = await list({ source: 'api' });
    expect(sorted(ids(api.rows))).toEqual(sorted(idOf('pending', 'completed')));
    expect((await list({ source: 'import' })).rows.map((r) => r.id)).toEqual(idOf('cod'));
  });

  it('narrows by Shanghai calendar days, both ends inclusive', async () => {
    // 23:30 on 03-01 Shanghai is in 03-01; 00:10 on 03-02 Shanghai is not, though both are 03-01 in UTC
    const day = await list({ from: '2026-03-01', to: '2026-03-01' });
    expect(ids(day.rows)).toEqual(idOf('cod'));
    const next = await list({ from: '2026-03-02', to: '2026-03-02' });
    expect(ids(next.rows)).toEqual(idOf('completed', 'shipped'));
    const fromOnly = await list({ from: '2026-03-04' });
    expect(ids(fromOnly.rows)).not.toContain(made.completed.order.id);
    expect(ids(fromOnly.rows)).toContain(made.tie0.order.id);
    const combined = await list({ status: 'paid', from: '2026-02-27', to: '2026-03-02' });
    expect(ids(combined.rows)).toEqual(idOf('paid'));
  });

  it('finds an order by its full number, a prefix, in any letter case', async () => {
    const number = made.shipped.order.number;
    expect(ids((await list({ q: number })).rows)).toEqual(idOf('shipped'));
    expect(ids((await list({ q: number.toLowerCase() })).rows)).toEqual(idOf('shipped'));
    const prefix = number.slice(0, 8); // SO + the Shanghai date
    const all = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from orders where archived_at is null and number like ${`${prefix}%`}`,
    );
    expect(sorted(ids((await list({ q: prefix })).rows))).toEqual(sorted(all.map((r) => Number(r.id))));
    expect(all.length).toBeGreaterThan(1);
  });

  it.each(['SO26', '张三丰', '13812345678', 'SKU', 'NO-SUCH-THING'])(
    'gives the same results for %s whichever way the probe decides',
    async (q) => {
      const { filters } = parseOrderListParams({ q: q === 'SKU' ? rareSkuCode : q, size: '200' });
      const few = await buildOrderListQuery(handle.db, filters, { search: 'few' });
      const many = await buildOrderListQuery(handle.db, filters, { search: 'many' });
      expect(few.map((r) => r.id)).toEqual(many.map((r) => r.id));
      if (q === 'SO26') expect(few.length).toBe((await expectedIds('placed_desc')).length);
      if (q === 'SKU') expect(few.length).toBe(2);
    },
  );

  it('probes searches: exact counts for number prefixes, planner estimates for the rest', async () => {
    expect(readSearchProbe(await queryRows(handle.db, buildSearchProbe('SO26')))).toBe(
      (await expectedIds('placed_desc')).length + 1,
    );
    expect(readSearchProbe(await queryRows(handle.db, buildSearchProbe('SO99')))).toBe(0);
    const estimate = readSearchProbe(await queryRows(handle.db, buildSearchProbe(rareSkuCode)));
    expect(Number.isFinite(estimate)).toBe(true);
    expect(await chooseSearchStrategy(handle.db, rareSkuCode)).toBe('few');
  });

  it('finds orders by customer name and customer phone', async () => {
    expect(sorted(ids((await list({ q: '张三丰' })).rows))).toEqual(sorted(idOf('paid', 'shipped')));
    expect(sorted(ids((await list({ q: '+86 138-1234-5678' })).rows))).toEqual(sorted(idOf('paid', 'shipped')));
    const byPhone = await list({ q: '138 1234 5678' });
    expect(sorted(ids(byPhone.rows))).toEqual(sorted(idOf('paid', 'shipped')));
    expect(byPhone.rows[0].customerName).toBe('张三丰');
    expect(byPhone.rows[0].customerPhone).toBe('138****5678');
  });

  it('finds a guest order by recipient name and phone', async () => {
    const { shipName, shipPhone } = made.guest.order;
    expect(ids((await list({ q: shipName })).rows)).toContain(made.guest.order.id);
    const byPhone = await list({ q: shipPhone });
    expect(ids(byPhone.rows)).toEqual(idOf('guest'));
    expect(byPhone.rows[0].customerName).toBe(shipName);
    expect(byPhone.rows[0].customerPhone).not.toContain(shipPhone.slice(3, 7));
  });

  it('finds orders by SKU code, each once even with several matching lines', async () => {
    expect(sorted(ids((await list({ q: rareSkuCode })).rows))).toEqual(sorted(idOf('shipped', 'partial')));
    expect((await list({ q: 'NO-SUCH-THING' })).rows).toEqual([]);
  });

  it('combines search with filters', async () => {
    expect(ids((await list({ q: '张三丰', status: 'shipped' })).rows)).toEqual(idOf('shipped'));
  });

  it.each(['placed_desc', 'placed_asc', 'total_desc', 'total_asc'] as const)('sorts by %s', async (sort) => {
    const page = await list(sort === 'placed_desc' ? {} : { sort });
    expect(ids(page.rows)).toEqual(await expectedIds(sort));
  });

  it.each(['placed_desc', 'placed_asc', 'total_desc', 'total_asc'] as const)(
    'walks every row exactly once forwards and backwards with keyset cursors (%s, ties on the sort key)',
    async (sort) => {
      const expected = await expectedIds(sort);
      const base: Record<string, string> = { sort, size: '3' };
      const forwardPages: number[][] = [];
      let page = await list(base);
      expect(page.prevCursor).toBeNull();
      forwardPages.push(ids(page.rows));
      while (page.nextCursor) {
        expect(decodeCursor(page.nextCursor)?.direction).toBe('next');
        page = await list({ ...base, cursor: page.nextCursor });
        forwardPages.push(ids(page.rows));
        expect(forwardPages.length).toBeLessThan(20);
      }
      expect(forwardPages.flat()).toEqual(expected);

      const backwardPages: number[][] = [ids(page.rows)];
      while (page.prevCursor) {
        page = await list({ ...base, cursor: page.prevCursor });
        backwardPages.unshift(ids(page.rows));
        expect(backwardPages.length).toBeLessThan(20);
      }
      expect(backwardPages).toEqual(forwardPages);
      expect(page.nextCursor).not.toBeNull();
    },
  );

  it('walks the pages of a filtered search', async () => {
    const expected = await expectedIds('placed_desc', sql`archived_at is null and status = 'pending_payment'`);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ status: 'pending_payment', size: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...ids(page.rows));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it('derives payment and fulfillment states for the page', async () => {
    const page = await list({ size: '200' });
    const row = (name: string) => page.rows.find((r) => r.id === made[name].order.id)!;
    expect([row('paid').paymentState, row('paid').fulfillmentState]).toEqual(['paid', 'unfulfilled']);
    expect(row('pending').paymentState).toBe('unpaid');
    expect(row('cod').paymentState).toBe('cod_due');
    expect(row('partial').fulfillmentState).toBe('partial');
    expect([row('shipped').paymentState, row('shipped').fulfillmentState]).toEqual(['paid', 'fulfilled']);
    expect(row('completed').fulfillmentState).toBe('delivered');
    expect(row('refunded').paymentState).toBe('refunded');
    expect(row('partRefunded').paymentState).toBe('partially_refunded');
    expect(row('cancelled').paymentState).toBe('unpaid');
    expect(row('cod').itemCount).toBe(3);
    expect(row('paid').totalCents).toBe(made.paid.order.totalCents);
    expect(row('paid').currency).toBe('CNY');
  });

  it('shows the customer of orders with one, masked', async () => {
    const page = await list({ size: '200' });
    const zhangRows = page.rows.filter((r) => made.paid.order.id === r.id);
    expect(zhangRows[0]).toMatchObject({ customerName: '张三丰', customerPhone: '138****5678' });
    expect(zhangId).toBeGreaterThan(0);
  });
});

describe('parseOrderListParams', () => {
  it('drops garbage values, applies defaults and reports what it dropped', async () => {
    const { filters, rejected } = parseOrderListParams({
      status: ['paid', 'refunded_lol'],
      from: '2026-02-30',
      to: 'yesterday',
      source: 'tmall',
      sort: 'id; drop table orders',
      size: '100000',
      cursor: '!!!not-a-cursor',
      archived: 'maybe',
      q: 'x'.repeat(500),
    });
    expect(filters).toMatchObject({ statuses: ['paid'], sort: 'placed_desc', archived: 'exclude', pageSize: 50 });
    expect(filters.from).toBeUndefined();
    expect(filters.to).toBeUndefined();
    expect(filters.source).toBeUndefined();
    expect(filters.q).toBeUndefined();
    expect(filters.cursor).toBeUndefined();
    expect(rejected.map((r) => r.param).sort()).toEqual([
      'archived',
      'cursor',
      'from',
      'q',
      'size',
      'sort',
      'source',
      'status',
      'to',
    ]);
    expect(rejected.find((r) => r.param === 'status')?.value).toBe('refunded_lol');
    // the page still lists with what was left
    const page = await listOrders(handle.db, filters);
    expect(page.rows.every((r) => r.status === 'paid')).toBe(true);
  });

  it('reports a reversed date range and keeps the start', () => {
    const { filters, rejected } = parseOrderListParams({ from: '2026-03-05', to: '2026-03-01' });
    expect(filters.from).toBe('2026-03-05');
    expect(filters.to).toBeUndefined();
    expect(rejected).toEqual([{ param: 'to', value: '2026-03-01', reason: 'reversed_range' }]);
  });

  it('ignores a cursor made for another sort order', async () => {
    const first = await list({ size: '2' });
    const { filters, rejected } = parseOrderListParams({ size: '2', sort: 'total_desc', cursor: first.nextCursor! });
    expect(filters.cursor).toBeUndefined();
    expect(rejected[0]).toMatchObject({ param: 'cursor', reason: 'stale_cursor' });
  });

  it('rejects tampered cursors', () => {
    const forged = Buffer.from(JSON.stringify(['placed_desc', 'next', "2026-01-01'; --", 1])).toString('base64url');
    expect(parseOrderListParams({ cursor: forged }).rejected[0]).toMatchObject({ param: 'cursor', reason: 'invalid' });
    const wrongKey = Buffer.from(JSON.stringify(['total_desc', 'next', '2026-01-01T00:00:00.000000Z', 1])).toString(
      'base64url',
    );
    expect(parseOrderListParams({ sort: 'total_desc', cursor: wrongKey }).rejected[0]).toMatchObject({
      param: 'cursor',
    });
  });

  it('treats empty form fields as absent', () => {
    const { filters, rejected } = parseOrderListParams(new URLSearchParams('status=&from=&to=&source=&q=&sort=&size='));
    expect(rejected).toEqual([]);
    expect(filters).toMatchObject({ statuses: [], sort: 'placed_desc', pageSize: 50 });
  });
});
