import { sql, type SQL } from 'drizzle-orm';
import { CachedStatement, tableRowMapper, type Database } from '@/db/client';
import { DATABASE_DEFAULT, insertSelect } from '@/db/insert-select';
import { orderEvents, orderLines, orders, type Order, type OrderLine } from '@/db/schema/orders';
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
    const priced = priceOrder(
      data,
      facts.catalogue,
      data.customer.id !== undefined && facts.customers.has(data.customer.id),
      taken,
    );
    if (!priced.ok) return priced;
    if (ref) refsPlaced.add(ref);
    return { priced: priced.data };
  });
  const toWrite = decided.flatMap((d, index) =>
    'priced' in d ? [{ index, request: requests[index], priced: d.priced }] : [],
  );
  const outcomes = decided.map((d) => ('priced' in d ? duplicate() : d)); // every priced one is replaced below
  if (toWrite.length === 0) return outcomes;

  const customerIds = await customersOf(
    tx,
    toWrite.map((w) => w.request.data),
  );
  const written = await writeOrders(
    tx,
    toWrite.map((w, i) => ({ ...w, customerId: customerIds[i] })),
  );
  for (const w of toWrite) {
    const created = written.get(w.index);
    // absent: a concurrent transaction committed the same external reference first (stays duplicate)
    if (!created) continue;
    // cash on delivery is born awaiting shipment: the carrier rules apply now (transitionOrder does it for the rest)
    if (created.order.status === 'awaiting_shipment')
      created.order.assignedCarrierId = await assignCarrierToOrder(tx, created.order.id);
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
export const readFactsStatement = new CachedStatement(() => ({
  body: sql`
  select
    (select coalesce(json_agg(json_build_object('id', s.id, 'code', s.code, 'name', s.name, 'variant', s.variant,
        'price', s.price_cents, 'cost', s.cost_cents, 'currency', s.currency, 'active', s.is_active,
        'stock', (select coalesce(json_agg(json_build_object('w', l.warehouse_id, 'a', l.on_hand - l.reserved) order by l.warehouse_id), '[]')
                  from stock_levels l join warehouses w on w.id = l.warehouse_id and w.is_active where l.sku_id = s.id))), '[]')
      from skus s where s.id = any(${sql.placeholder('skuIds')}::bigint[])) as skus,
    (select coalesce(json_agg(c.id), '[]') from customers c where c.id = any(${sql.placeholder('customerIds')}::bigint[])) as customers,
    (select coalesce(json_agg(json_build_object('source', o.source, 'ref', o.external_ref)), '[]')
      from unnest(${sql.placeholder('refSources')}::text[], ${sql.placeholder('refs')}::text[]) as r(source, ref)
      join orders o on o.source = r.source::order_source and o.external_ref = r.ref) as existing`,
}));

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
  type SkuJson = {
    id: number;
    code: string;
    name: string;
    variant: string | null;
    price: number;
    cost: number;
    currency: string;
    active: boolean;
    stock: { w: number; a: number }[];
  };
  const catalogue = new Map(
    json<SkuJson[]>(row.skus).map((s): [number, CatalogueSku] => [
      Number(s.id),
      {
        id: Number(s.id),
        code: s.code,
        name: s.name,
        variant: s.variant,
        priceCents: s.price,
        costCents: s.cost,
        currency: s.currency,
        isActive: s.active,
        available: new Map(s.stock.map((l) => [Number(l.w), Number(l.a)])),
      },
    ]),
  );
  return {
    catalogue,
    customers: new Set(json<number[]>(row.customers).map(Number)),
    existingRefs: new Set(
      json<{ source: string; ref: string }[]>(row.existing).map((e) => `${e.source}\u0000${e.ref}`),
    ),
  };
}

// Quick-create reuses a customer with the same name and phone instead of making a twin (the
// oldest one); orders of one group naming the same new customer share one row.
const findOrCreateCustomers = new CachedStatement(() => ({
  with: {
    wanted: sql`select * from unnest(${sql.placeholder('names')}::text[], ${sql.placeholder('phones')}::text[]) with ordinality as w(name, phone, n)`,
    found: sql`select distinct on (w.n) w.n, c.id from wanted w join customers c on c.phone = w.phone and c.name = w.name order by w.n, c.id`,
    created: sql`insert into customers (name, phone)
      select distinct w.name, w.phone from wanted w where not exists (select 1 from found f where f.n = w.n)
      returning id, name, phone`,
  },
  body: sql`select w.n, coalesce(f.id, c.id) as id
    from wanted w left join found f on f.n = w.n left join created c on c.name = w.name and c.phone = w.phone
    order by w.n`,
}));

/** The customer id of each order: the one given, or found or created from name and phone. */
async function customersOf(tx: Database, orders: readonly TCreateOrder[]): Promise<number[]> {
  const quick = orders.filter((o) => o.customer.id === undefined);
  const ids =
    quick.length === 0
      ? []
      : (
          await findOrCreateCustomers.rows<{ id: number }>(tx, {
            names: quick.map((o) => o.customer.name),
            phones: quick.map((o) => o.customer.phone),
          })
        ).map((r) => Number(r.id));
  let next = 0;
  return orders.map((o) => o.customer.id ?? ids[next++]);
}

/*
 * The write's inputs: one array parameter per field, named after it (`unnest` turns them into
 * rows). Typed, so a field the statement reads and writeOrders does not fill fails the type check.
 */
const ORDER_INPUT = {
  ord: 'int',
  source: 'text',
  externalRef: 'text',
  status: 'text',
  cod: 'text',
  currency: 'text',
  subtotal: 'int',
  discount: 'int',
  shipping: 'int',
  tax: 'int',
  total: 'int',
  itemCount: 'int',
  customerId: 'bigint',
  shipName: 'text',
  shipPhone: 'text',
  shipProvince: 'text',
  shipCity: 'text',
  shipDistrict: 'text',
  shipStreet: 'text',
  shipPostalCode: 'text',
  buyerNote: 'text',
  eventKind: 'text',
  actorType: 'text',
  actorId: 'bigint',
  actorName: 'text',
  details: 'text',
} as const;
const LINE_INPUT = {
  lOrd: 'int',
  lSku: 'bigint',
  lCode: 'text',
  lName: 'text',
  lVariant: 'text',
  lPrice: 'int',
  lCost: 'int',
  lQuantity: 'int',
  lTotal: 'int',
  lWarehouse: 'bigint',
} as const;
const RESERVATION_INPUT = { rOrd: 'int', rSku: 'bigint', rWarehouse: 'bigint', rQuantity: 'int' } as const;
type Input<S> = { [K in keyof S]: unknown };

/** `unnest($1::int[], ...) with ordinality as alias(field, ..., n)`: the fields become columns named after them. */
function unnestInput(spec: Record<string, string>, alias: string): SQL {
  const fields = Object.keys(spec);
  const arrays = fields.map((field) => sql`${sql.placeholder(field)}::${sql.raw(spec[field])}[]`);
  return sql`unnest(${sql.join(arrays, sql`, `)}) with ordinality as ${sql.raw(alias)}(${sql.join(
    fields.map((f) => sql.identifier(f)),
    sql`, `,
  )}, n)`;
}
const input =
  <S>(alias: string) =>
  (field: keyof S & string) =>
    sql`${sql.raw(alias)}.${sql.identifier(field)}`;
const i = input<typeof ORDER_INPUT>('i');
const l = input<typeof LINE_INPUT>('l');
const r = input<typeof RESERVATION_INPUT>('r');

// The rows written, column by column of the Drizzle tables: a column added to or renamed in
// db/schema fails the type check here until this statement says what it gets.
const orderRow = insertSelect(orders, {
  id: sql`i.id`,
  number: orderNumberSql(sql`i.seq`),
  source: sql`${i('source')}::order_source`,
  externalRef: i('externalRef'),
  importBatchId: DATABASE_DEFAULT,
  status: sql`${i('status')}::order_status`,
  isCashOnDelivery: sql`${i('cod')}::boolean`,
  currency: i('currency'),
  subtotalCents: i('subtotal'),
  discountCents: i('discount'),
  shippingCents: i('shipping'),
  taxCents: i('tax'),
  totalCents: i('total'),
  itemCount: i('itemCount'),
  customerId: i('customerId'),
  shipName: i('shipName'),
  shipPhone: i('shipPhone'),
  shipProvince: i('shipProvince'),
  shipCity: i('shipCity'),
  shipDistrict: i('shipDistrict'),
  shipStreet: i('shipStreet'),
  shipPostalCode: i('shipPostalCode'),
  buyerNote: i('buyerNote'),
  tags: DATABASE_DEFAULT,
  needsReview: DATABASE_DEFAULT,
  assignedCarrierId: DATABASE_DEFAULT,
  placedAt: sql`now()`,
  paidAt: DATABASE_DEFAULT,
  shippedAt: DATABASE_DEFAULT,
  deliveredAt: DATABASE_DEFAULT,
  completedAt: DATABASE_DEFAULT,
  cancelledAt: DATABASE_DEFAULT,
  cancelReason: DATABASE_DEFAULT,
  archivedAt: DATABASE_DEFAULT,
  archivedBy: DATABASE_DEFAULT,
  createdAt: sql`now()`,
  updatedAt: sql`now()`,
  version: DATABASE_DEFAULT,
});
const eventRow = insertSelect(orderEvents, {
  id: DATABASE_DEFAULT,
  orderId: sql`i.id`,
  kind: sql`${i('eventKind')}::order_event_kind`,
  fromStatus: DATABASE_DEFAULT,
  toStatus: sql`${i('status')}::order_status`,
  actorType: sql`${i('actorType')}::actor_type`,
  actorId: i('actorId'),
  actorName: i('actorName'),
  message: DATABASE_DEFAULT,
  details: sql`${i('details')}::jsonb`,
  createdAt: DATABASE_DEFAULT,
});
const lineRow = insertSelect(orderLines, {
  id: DATABASE_DEFAULT,
  orderId: sql`p.id`,
  skuId: l('lSku'),
  skuCode: l('lCode'),
  name: l('lName'),
  variant: l('lVariant'),
  unitPriceCents: l('lPrice'),
  unitCostCents: l('lCost'),
  quantity: l('lQuantity'),
  discountCents: sql`0`,
  lineTotalCents: l('lTotal'),
  warehouseId: l('lWarehouse'),
});

/*
 * One statement writes every order of the group: ids and numbers are taken per row, an order
 * whose external reference a concurrent transaction took is skipped (ON CONFLICT DO NOTHING) with
 * everything that hangs off it, and each order comes back with its lines as JSON.
 */
export const writeOrdersStatement = new CachedStatement(() => ({
  with: {
    input: sql`select o.*, nextval(pg_get_serial_sequence('orders', 'id')) as id, nextval('order_number_seq') as seq
      from ${unnestInput(ORDER_INPUT, 'o')}`,
    inserted: sql`insert into orders (${orderRow.columns})
      overriding system value
      select ${orderRow.values} from input i order by ${i('ord')}
      on conflict (source, external_ref) where external_ref is not null do nothing
      returning *`,
    placed: sql`select ${i('ord')} as ord, o.id, o.number, ${i('actorType')} as actor_type, ${i('actorId')} as actor_id
      from inserted o join input i on i.id = o.id`,
    created_event: sql`insert into order_events (${eventRow.columns})
      select ${eventRow.values} from input i join placed p on p.id = i.id order by ${i('ord')}`,
    reserved_stock: reserveAtCommitInsert(sql`
      select ${r('rSku')} as sku_id, ${r('rWarehouse')} as warehouse_id, ${r('rQuantity')} as quantity, p.id as order_id,
        'order' as document_type, p.number as document_id, p.actor_type, p.actor_id, r.n
      from ${unnestInput(RESERVATION_INPUT, 'r')}
      join placed p on p.ord = ${r('rOrd')}`),
    line: sql`insert into order_lines (${lineRow.columns})
      select ${lineRow.values}
      from ${unnestInput(LINE_INPUT, 'l')}
      join placed p on p.ord = ${l('lOrd')}
      order by ${l('lOrd')}, l.n
      returning *`,
  },
  // each order and its lines as JSON (three result columns instead of the order's forty), mapped by the tables' mappers
  body: sql`select p.ord, to_json(o) as order_json,
      (select json_agg(line order by line.id) from line where line.order_id = o.id) as lines_json
    from inserted o join placed p on p.id = o.id
    order by p.ord`,
}));

const toOrder = tableRowMapper(orders);
const toOrderLine = tableRowMapper(orderLines);

interface OrderToWrite {
  index: number;
  request: PlacementRequest;
  priced: PricedOrder;
  customerId: number;
}

/** Writes the orders; returns what was created by request index (a skipped duplicate is absent). */
async function writeOrders(tx: Database, toWrite: readonly OrderToWrite[]): Promise<Map<number, CreatedOrder>> {
  const v: Record<string, unknown[]> = {};
  const push = <S>(_spec: S, values: Input<S>) => {
    for (const [key, value] of Object.entries(values)) (v[key] ??= []).push(value);
  };
  for (const {
    index,
    request: { data, actor },
    priced,
    customerId,
  } of toWrite) {
    const { totals } = priced;
    push(ORDER_INPUT, {
      ord: index,
      source: data.source,
      externalRef: data.externalRef ?? null,
      status: priced.status,
      cod: String(data.isCashOnDelivery), // text: postgres.js sends a boolean[] as one boolean
      currency: priced.currency,
      subtotal: totals.subtotalCents,
      discount: totals.discountCents,
      shipping: totals.shippingCents,
      tax: totals.taxCents,
      total: totals.totalCents,
      itemCount: totals.itemCount,
      customerId,
      shipName: data.shipTo.name,
      shipPhone: data.shipTo.phone,
      shipProvince: data.shipTo.province,
      shipCity: data.shipTo.city,
      shipDistrict: data.shipTo.district ?? null,
      shipStreet: data.shipTo.street,
      shipPostalCode: data.shipTo.postalCode ?? null,
      buyerNote: data.buyerNote ?? null,
      eventKind: data.source === 'import' ? 'imported' : 'created',
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      details: JSON.stringify({
        source: data.source,
        externalRef: data.externalRef,
        totalCents: totals.totalCents,
        itemCount: totals.itemCount,
      }),
    });
    for (const line of priced.lines) {
      push(LINE_INPUT, {
        lOrd: index,
        lSku: line.skuId,
        lCode: line.skuCode,
        lName: line.name,
        lVariant: line.variant,
        lPrice: line.unitPriceCents,
        lCost: line.unitCostCents,
        lQuantity: line.quantity,
        lTotal: line.lineTotalCents,
        lWarehouse: line.warehouseId,
      });
    }
    for (const stock of sortStockLines(priced.lines)) {
      push(RESERVATION_INPUT, {
        rOrd: index,
        rSku: stock.skuId,
        rWarehouse: stock.warehouseId,
        rQuantity: stock.quantity,
      });
    }
  }
  const rows = await writeOrdersStatement.rows<{ ord: number; order_json: unknown; lines_json: unknown }>(tx, v);
  return new Map(
    rows.map((row) => [
      Number(row.ord),
      {
        order: toOrder(json<Record<string, unknown>>(row.order_json)),
        lines: json<Record<string, unknown>[]>(row.lines_json).map(toOrderLine),
        existing: false,
      },
    ]),
  );
}
