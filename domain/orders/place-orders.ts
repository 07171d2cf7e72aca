import { sql } from 'drizzle-orm';
import { CachedStatement, tableRowMapper, type Database } from '@/db/client';
import { orderLines, orders, type Order, type OrderLine } from '@/db/schema/orders';
import { reserveAtCommitInsert } from '@/domain/inventory/reserve-at-commit';
import { sortStockLines } from '@/domain/inventory/reserve-stock';
import { assignCarrierToOrder } from '@/domain/logistics/assign-carrier';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import type { TCreateOrder } from './order-input';
import { orderNumberSql } from './order-number';
import { priceOrder, type CatalogueSku, type PricedOrder, type StockTaken } from './price-order';

/*
 * The statements of order placement, for one order or many at once in the caller's transaction
 * (place-orders-together.ts groups them): one read of everything the orders need, the decisions
 * in TypeScript (price-order.ts), then one write of every order with its lines, its 'created'
 * timeline row and its stock reservations, which the COMMIT applies (reserve-at-commit.ts). The
 * round trips are the same for one order as for fifty; nothing is written for an order that
 * fails, so failing orders need no savepoint.
 */

export interface PlacementRequest {
  data: TCreateOrder;
  actor: Actor;
}

export interface CreatedOrder {
  order: Order;
  lines: OrderLine[];
  /** true when (source, externalRef) already had an order: that order is returned, nothing was created */
  existing: boolean;
}

/**
 * `duplicate`: (source, externalRef) has an order already, or gets one from an earlier order of
 * the same call or a concurrent transaction; nothing was written for this request.
 */
export type PlacementFailure = 'invalid' | 'insufficient_stock' | 'duplicate';
export type PlacementOutcome = Result<CreatedOrder, PlacementFailure>;

/** Places each request, in the order given, in the caller's transaction. */
export async function placeOrders(tx: Database, requests: readonly PlacementRequest[]): Promise<PlacementOutcome[]> {
  const facts = await readFacts(tx, requests);
  const taken: StockTaken = new Map();
  const refsPlaced = new Set<string>();
  // decided in arrival order: a failure is final, a priced order is written below
  const decided = requests.map(({ data }): PlacementOutcome | { priced: PricedOrder } => {
    const ref = data.externalRef ? `${data.source}\u0000${data.externalRef}` : null;
    if (ref && (facts.existingRefs.has(ref) || refsPlaced.has(ref))) return duplicate();
    const priced = priceOrder(data, facts.catalogue, data.customer.id !== undefined && facts.customers.has(data.customer.id), taken);
    if (!priced.ok) return priced;
    if (ref) refsPlaced.add(ref);
    return { priced: priced.data };
  });
  const toWrite = decided.flatMap((d, index) => ('priced' in d ? [{ index, request: requests[index], priced: d.priced }] : []));
  const outcomes = decided.map((d) => ('priced' in d ? duplicate() : d)); // every priced one is replaced below
  if (toWrite.length === 0) return outcomes;

  const customerIds = await customersOf(tx, toWrite.map((w) => w.request.data));
  const written = await writeOrders(tx, toWrite.map((w, i) => ({ ...w, customerId: customerIds[i] })));
  for (const w of toWrite) {
    const created = written.get(w.index);
    // absent: a concurrent transaction committed the same external reference first (stays duplicate)
    if (!created) continue;
    // cash on delivery is born awaiting shipment: the carrier rules apply now (transitionOrder does it for the rest)
    if (created.order.status === 'awaiting_shipment') created.order.assignedCarrierId = await assignCarrierToOrder(tx, created.order.id);
    outcomes[w.index] = ok(created);
  }
  return outcomes;
}

const duplicate = () => fail('duplicate' as const, 'an order with this external reference exists');

interface Facts {
  catalogue: Map<number, CatalogueSku>;
  customers: Set<number>;
  /** `${source}\0${externalRef}` of the requests that already have an order */
  existingRefs: Set<string>;
}

// One round trip for the whole group: the SKUs with their available stock per active warehouse,
// which of the given customers exist, which external references are taken.
export const readFactsStatement = new CachedStatement('place_orders_read', () => sql`
  select
    (select coalesce(json_agg(json_build_object('id', s.id, 'code', s.code, 'name', s.name, 'variant', s.variant,
        'price', s.price_cents, 'cost', s.cost_cents, 'currency', s.currency, 'active', s.is_active,
        'stock', (select coalesce(json_agg(json_build_object('w', l.warehouse_id, 'a', l.on_hand - l.reserved) order by l.warehouse_id), '[]')
                  from stock_levels l join warehouses w on w.id = l.warehouse_id and w.is_active where l.sku_id = s.id))), '[]')
      from skus s where s.id = any(${sql.placeholder('skuIds')}::bigint[])) as skus,
    (select coalesce(json_agg(c.id), '[]') from customers c where c.id = any(${sql.placeholder('customerIds')}::bigint[])) as customers,
    (select coalesce(json_agg(json_build_object('source', o.source, 'ref', o.external_ref)), '[]')
      from unnest(${sql.placeholder('refSources')}::text[], ${sql.placeholder('refs')}::text[]) as r(source, ref)
      join orders o on o.source = r.source::order_source and o.external_ref = r.ref) as existing`);

/** json columns come back parsed from PGlite and as text from postgres.js */
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

async function readFacts(tx: Database, requests: readonly PlacementRequest[]): Promise<Facts> {
  const withRef = requests.filter((r) => r.data.externalRef);
  const [row] = await readFactsStatement.rows(tx, {
    skuIds: [...new Set(requests.flatMap((r) => r.data.lines.map((l) => l.skuId)))],
    customerIds: [...new Set(requests.flatMap((r) => (r.data.customer.id === undefined ? [] : [r.data.customer.id])))],
    refSources: withRef.map((r) => r.data.source),
    refs: withRef.map((r) => r.data.externalRef),
  });
  type SkuJson = { id: number; code: string; name: string; variant: string | null; price: number; cost: number; currency: string; active: boolean; stock: { w: number; a: number }[] };
  const catalogue = new Map(json<SkuJson[]>(row.skus).map((s): [number, CatalogueSku] => [Number(s.id), {
    id: Number(s.id), code: s.code, name: s.name, variant: s.variant, priceCents: s.price, costCents: s.cost, currency: s.currency,
    isActive: s.active, available: new Map(s.stock.map((l) => [Number(l.w), Number(l.a)])),
  }]));
  return {
    catalogue,
    customers: new Set(json<number[]>(row.customers).map(Number)),
    existingRefs: new Set(json<{ source: string; ref: string }[]>(row.existing).map((e) => `${e.source}\u0000${e.ref}`)),
  };
}

// Quick-create reuses a customer with the same name and phone instead of making a twin (the
// oldest one); orders of one group naming the same new customer share one row.
const findOrCreateCustomers = new CachedStatement('place_orders_customers', () => sql`
  with wanted as (
    select * from unnest(${sql.placeholder('names')}::text[], ${sql.placeholder('phones')}::text[]) with ordinality as w(name, phone, n)),
  found as (
    select distinct on (w.n) w.n, c.id from wanted w join customers c on c.phone = w.phone and c.name = w.name order by w.n, c.id),
  created as (
    insert into customers (name, phone)
    select distinct w.name, w.phone from wanted w where not exists (select 1 from found f where f.n = w.n)
    returning id, name, phone)
  select w.n, coalesce(f.id, c.id) as id
  from wanted w left join found f on f.n = w.n left join created c on c.name = w.name and c.phone = w.phone
  order by w.n`);

/** The customer id of each order: the one given, or found or created from name and phone. */
async function customersOf(tx: Database, orders: readonly TCreateOrder[]): Promise<number[]> {
  const quick = orders.filter((o) => o.customer.id === undefined);
  const ids = quick.length === 0 ? [] : (await findOrCreateCustomers.rows<{ id: number }>(tx, {
    names: quick.map((o) => o.customer.name), phones: quick.map((o) => o.customer.phone),
  })).map((r) => Number(r.id));
  let next = 0;
  return orders.map((o) => o.customer.id ?? ids[next++]);
}

/*
 * One statement writes every order of the group: ids and numbers are taken per row, an order
 * whose external reference a concurrent transaction took is skipped (ON CONFLICT DO NOTHING) with
 * everything that hangs off it, and each order comes back with its lines as JSON.
 */
const ph = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}[]`;
export const writeOrdersStatement = new CachedStatement('place_orders_write', () => {
  const reservations = reserveAtCommitInsert(sql`
    select r.sku_id, r.warehouse_id, r.quantity, p.id as order_id, 'order' as document_type, p.number as document_id,
      p.actor_type, p.actor_id, r.n
    from unnest(${ph('rOrd', 'int')}, ${ph('rSku', 'bigint')}, ${ph('rWarehouse', 'bigint')}, ${ph('rQuantity', 'int')})
      with ordinality as r(ord, sku_id, warehouse_id, quantity, n)
    join placed p on p.ord = r.ord`);
  return sql`
  with input as materialized (
    select o.*, nextval(pg_get_serial_sequence('orders', 'id')) as id, nextval('order_number_seq') as seq
    from unnest(${ph('ord', 'int')}, ${ph('source', 'text')}, ${ph('externalRef', 'text')}, ${ph('status', 'text')}, ${ph('cod', 'text')},
      ${ph('currency', 'text')}, ${ph('subtotal', 'int')}, ${ph('discount', 'int')}, ${ph('shipping', 'int')}, ${ph('tax', 'int')},
      ${ph('total', 'int')}, ${ph('itemCount', 'int')}, ${ph('customerId', 'bigint')}, ${ph('shipName', 'text')}, ${ph('shipPhone', 'text')},
      ${ph('shipProvince', 'text')}, ${ph('shipCity', 'text')}, ${ph('shipDistrict', 'text')}, ${ph('shipStreet', 'text')},
      ${ph('shipPostalCode', 'text')}, ${ph('buyerNote', 'text')}, ${ph('eventKind', 'text')}, ${ph('actorType', 'text')},
      ${ph('actorId', 'bigint')}, ${ph('actorName', 'text')}, ${ph('details', 'text')})
    as o(ord, source, external_ref, status, cod, currency, subtotal, discount, shipping, tax, total, item_count, customer_id,
      ship_name, ship_phone, ship_province, ship_city, ship_district, ship_street, ship_postal_code, buyer_note, event_kind,
      actor_type, actor_id, actor_name, details)),
  inserted as (
    insert into orders (id, number, source, external_ref, status, is_cash_on_delivery, currency, subtotal_cents, discount_cents,
      shipping_cents, tax_cents, total_cents, item_count, customer_id, ship_name, ship_phone, ship_province, ship_city, ship_district,
      ship_street, ship_postal_code, buyer_note, placed_at, created_at, updated_at)
    overriding system value
    select i.id, ${orderNumberSql(sql`i.seq`)}, i.source::order_source, i.external_ref, i.status::order_status, i.cod::boolean, i.currency,
      i.subtotal, i.discount, i.shipping, i.tax, i.total, i.item_count, i.customer_id, i.ship_name, i.ship_phone, i.ship_province,
      i.ship_city, i.ship_district, i.ship_street, i.ship_postal_code, i.buyer_note, now(), now(), now()
    from input i order by i.ord
    on conflict (source, external_ref) where external_ref is not null do nothing
    returning *),
  placed as (
    select i.ord, o.id, o.number, i.actor_type, i.actor_id from inserted o join input i on i.id = o.id),
  created_event as (
    insert into order_events (order_id, kind, to_status, actor_type, actor_id, actor_name, details)
    select i.id, i.event_kind::order_event_kind, i.status::order_status, i.actor_type::actor_type, i.actor_id, i.actor_name,
      i.details::jsonb
    from input i join placed p on p.id = i.id order by i.ord),
  reserved_stock as (${reservations}),
  line as (
    insert into order_lines (order_id, sku_id, sku_code, name, variant, unit_price_cents, unit_cost_cents, quantity,
      discount_cents, line_total_cents, warehouse_id)
    select p.id, l.sku_id, l.sku_code, l.name, l.variant, l.unit_price, l.unit_cost, l.quantity, 0, l.line_total, l.warehouse_id
    from unnest(${ph('lOrd', 'int')}, ${ph('lSku', 'bigint')}, ${ph('lCode', 'text')}, ${ph('lName', 'text')}, ${ph('lVariant', 'text')},
      ${ph('lPrice', 'int')}, ${ph('lCost', 'int')}, ${ph('lQuantity', 'int')}, ${ph('lTotal', 'int')}, ${ph('lWarehouse', 'bigint')})
      with ordinality as l(ord, sku_id, sku_code, name, variant, unit_price, unit_cost, quantity, line_total, warehouse_id, n)
    join placed p on p.ord = l.ord
    order by l.ord, l.n
    returning *)
  select p.ord, o.*, (select json_agg(line order by line.id) from line where line.order_id = o.id) as lines_json
  from inserted o join placed p on p.id = o.id
  order by p.ord`;
});

const toOrder = tableRowMapper(orders);
const toOrderLine = tableRowMapper(orderLines);

interface OrderToWrite { index: number; request: PlacementRequest; priced: PricedOrder; customerId: number }

/** Writes the orders; returns what was created by request index (a skipped duplicate is absent). */
async function writeOrders(tx: Database, toWrite: readonly OrderToWrite[]): Promise<Map<number, CreatedOrder>> {
  const v: Record<string, unknown[]> = {};
  const push = (values: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(values)) (v[key] ??= []).push(value);
  };
  for (const { index, request: { data, actor }, priced, customerId } of toWrite) {
    const { totals } = priced;
    push({
      ord: index, source: data.source, externalRef: data.externalRef ?? null, status: priced.status, cod: String(data.isCashOnDelivery), // text: postgres.js sends a boolean[] as one boolean
      currency: priced.currency, subtotal: totals.subtotalCents, discount: totals.discountCents, shipping: totals.shippingCents,
      tax: totals.taxCents, total: totals.totalCents, itemCount: totals.itemCount, customerId,
      shipName: data.shipTo.name, shipPhone: data.shipTo.phone, shipProvince: data.shipTo.province, shipCity: data.shipTo.city,
      shipDistrict: data.shipTo.district ?? null, shipStreet: data.shipTo.street, shipPostalCode: data.shipTo.postalCode ?? null,
      buyerNote: data.buyerNote ?? null, eventKind: data.source === 'import' ? 'imported' : 'created',
      actorType: actor.type, actorId: actor.id, actorName: actor.name,
      details: JSON.stringify({ source: data.source, externalRef: data.externalRef, totalCents: totals.totalCents, itemCount: totals.itemCount }),
    });
    for (const l of priced.lines) {
      push({
        lOrd: index, lSku: l.skuId, lCode: l.skuCode, lName: l.name, lVariant: l.variant, lPrice: l.unitPriceCents,
        lCost: l.unitCostCents, lQuantity: l.quantity, lTotal: l.lineTotalCents, lWarehouse: l.warehouseId,
      });
    }
    for (const r of sortStockLines(priced.lines)) push({ rOrd: index, rSku: r.skuId, rWarehouse: r.warehouseId, rQuantity: r.quantity });
  }
  const rows = await writeOrdersStatement.rows<{ ord: number; lines_json: unknown }>(tx, v);
  return new Map(rows.map((row) => [Number(row.ord), {
    order: toOrder(row),
    lines: json<Record<string, unknown>[]>(row.lines_json).map(toOrderLine),
    existing: false,
  }]));
}
