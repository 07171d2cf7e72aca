import { and, eq, sql } from 'drizzle-orm';
import { CachedStatement, queryRowsPrepared, tableRowMapper, type Database } from '@/db/client';
import { customers } from '@/db/schema/customers';
import { orderEvents, orderLines, orders, type Order, type OrderLine } from '@/db/schema/orders';
import { stockMovements } from '@/db/schema/inventory';
import { commitTimeShortage, reserveAtCommitInsert, reserveAtCommitValues } from '@/domain/inventory/reserve-at-commit';
import { assignCarrierToOrder } from '@/domain/logistics/assign-carrier';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { ZCreateOrderInput, type TCreateOrder, type TCreateOrderInput } from './order-input';
import { nextOrderNumberSql } from './order-number';
import { computeOrderTotals } from './order-totals';

export type CreateOrderInput = TCreateOrderInput & { actor: Actor };

export interface CreatedOrder {
  order: Order;
  lines: OrderLine[];
  /** true when (source, externalRef) already had an order: that order is returned, nothing was created */
  existing: boolean;
}

/**
 * Failure codes:
 * - `invalid`: fieldErrors has every problem, keyed by path (lines.2.skuId, shipTo.phone,
 *   customer.id, discountCents...), as orders.entry.validation.* keys. Unknown or inactive SKUs,
 *   a missing customer and a discount above the subtotal are reported here too.
 * - `insufficient_stock`: not enough available stock; params.skus and fieldErrors.skus name every
 *   short SKU. Nothing was created or reserved.
 */
export type CreateOrderFailure = 'invalid' | 'insufficient_stock';

const V = 'orders.entry.validation';

/**
 * Places an order the way the new-order form, imports and the API do: validates, prices the lines
 * from the SKUs (duplicate SKUs merged), picks a warehouse per line (the one with the most
 * available stock, unless given), and in ONE transaction writes the order, its lines, the
 * 'created' timeline row and the stock reservations, which apply when the transaction commits
 * (domain/inventory/reserve-at-commit.ts: the stock rows are locked only inside the COMMIT, which
 * is what lets a hot SKU take many orders a second). Lands in pending_payment, or
 * awaiting_shipment for cash on delivery. Idempotent on (source, externalRef), concurrent calls
 * included.
 */
export async function createOrder(db: Database, input: CreateOrderInput): Promise<Result<CreatedOrder, CreateOrderFailure>> {
  const parsed = ZCreateOrderInput.safeParse(input);
  if (!parsed.success) return fail('invalid', 'The order has invalid fields', zodFieldErrors(parsed.error));
  const data = parsed.data;
  if (data.externalRef) {
    const existing = await findByExternalRef(db, data.source, data.externalRef);
    if (existing) return ok(existing);
  }
  let result: Result<CreatedOrder, CreateOrderFailure | 'duplicate'>;
  try {
    result = await inTransaction<CreatedOrder, CreateOrderFailure | 'duplicate'>(db, (tx) => placeOrder(tx, data, input.actor));
  } catch (error) {
    // another order took the stock between our read and our COMMIT: everything rolled back
    const short = commitTimeShortage(error);
    if (!short) throw error;
    return shortOf(short);
  }
  if (!result.ok && result.code === 'duplicate') {
    // a concurrent call with the same reference committed first: return its order
    const existing = await findByExternalRef(db, data.source, data.externalRef!);
    if (existing) return ok(existing);
    throw new Error(`order ${data.source}/${data.externalRef} conflicted but cannot be read`);
  }
  return result as Result<CreatedOrder, CreateOrderFailure>;
}

async function findByExternalRef(db: Database, source: TCreateOrder['source'], externalRef: string): Promise<CreatedOrder | null> {
  const [order] = await db.select().from(orders).where(and(eq(orders.source, source), eq(orders.externalRef, externalRef)));
  if (!order) return null;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(orderLines.id);
  return { order, lines, existing: true };
}

type SkuRow = {
  id: number; code: string; name: string; variant: string | null; price_cents: number; cost_cents: number;
  currency: string; is_active: boolean; stock: { w: number; a: number }[] | string;
};

async function placeOrder(tx: Database, data: TCreateOrder, actor: Actor): Promise<Result<CreatedOrder, CreateOrderFailure | 'duplicate'>> {
  // duplicate SKUs (same warehouse choice) become one line; first appearance keeps its place
  const merged = new Map<string, { skuId: number; quantity: number; warehouseId?: number; index: number }>();
  data.lines.forEach((l, index) => {
    const key = `${l.skuId}:${l.warehouseId ?? ''}`;
    const seen = merged.get(key);
    if (seen) seen.quantity += l.quantity;
    else merged.set(key, { ...l, index });
  });
  const wanted = [...merged.values()];

  const skuIds = [...new Set(wanted.map((l) => l.skuId))];
  // one round trip: the SKUs with their available stock per active warehouse, and whether the
  // given customer exists (always one row, SKU columns null when none of the SKUs exists)
  const readRows = await queryRowsPrepared<SkuRow & { customer_found: boolean }>(tx, sql`
    select c.customer_found, s.*
    from (select exists (select 1 from customers where id = ${data.customer.id ?? null}::bigint) as customer_found) c
    left join lateral (
      select s.id, s.code, s.name, s.variant, s.price_cents, s.cost_cents, s.currency, s.is_active,
        coalesce(json_agg(json_build_object('w', l.warehouse_id, 'a', l.on_hand - l.reserved) order by l.warehouse_id)
          filter (where l.warehouse_id is not null), '[]') as stock
      from skus s
      left join stock_levels l on l.sku_id = s.id and l.warehouse_id in (select id from warehouses where is_active)
      where s.id in (${sql.join(skuIds.map((id) => sql`${id}`), sql`, `)})
      group by s.id
    ) s on true`);
  const customerFound = readRows[0]?.customer_found === true;
  const skuRows = readRows.filter((r) => r.id !== null);
  const skuById = new Map(skuRows.map((r) => [Number(r.id), r]));

  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, key: string) => (fieldErrors[path] ??= []).push(`${V}.${key}`);
  for (const l of wanted) {
    const sku = skuById.get(l.skuId);
    if (!sku) add(`lines.${l.index}.skuId`, 'skuNotFound');
    else if (!sku.is_active) add(`lines.${l.index}.skuId`, 'skuInactive');
  }
  const currencies = new Set(skuRows.map((r) => r.currency));
  if (currencies.size > 1) add('lines', 'mixedCurrency');

  const priced = wanted.filter((l) => skuById.has(l.skuId)).map((l) => ({ ...l, sku: skuById.get(l.skuId)!, unitPriceCents: skuById.get(l.skuId)!.price_cents }));
  const totals = computeOrderTotals(priced, data);
  if (!totals.ok) add(totals.code === 'discount_above_subtotal' ? 'discountCents' : 'lines', totals.code === 'discount_above_subtotal' ? 'discountAboveSubtotal' : 'totalTooLarge');

  let customerId: number | null = null;
  if (data.customer.id !== undefined) {
    if (customerFound) customerId = data.customer.id;
    else add('customer.id', 'customerNotFound');
  }
  if (Object.keys(fieldErrors).length > 0 || !totals.ok) return fail('invalid', 'The order has invalid fields', fieldErrors);

  // warehouse per line from the snapshot; the conditional reservation below is what guarantees it
  const short: string[] = [];
  const placed = priced.map((l) => {
    const stock = typeof l.sku.stock === 'string' ? JSON.parse(l.sku.stock) as { w: number; a: number }[] : l.sku.stock;
    const candidates = l.warehouseId === undefined ? stock : stock.filter((s) => Number(s.w) === l.warehouseId);
    const best = candidates.filter((s) => Number(s.a) >= l.quantity).sort((a, b) => Number(b.a) - Number(a.a))[0];
    if (!best) short.push(l.sku.code);
    return { ...l, warehouseId: best ? Number(best.w) : null };
  });
  if (short.length > 0) return shortOf(short);

  if (customerId === null) customerId = await findOrCreateCustomer(tx, data.customer.name!, data.customer.phone!);

  const status = data.isCashOnDelivery ? 'awaiting_shipment' as const : 'pending_payment' as const;
  const [orderRow] = await (data.externalRef ? insertOrderWithRef : insertOrder).rows(tx, {
    source: data.source, externalRef: data.externalRef ?? null, status, isCashOnDelivery: data.isCashOnDelivery,
    currency: priced[0].sku.currency, ...totals.totals, customerId,
    shipName: data.shipTo.name, shipPhone: data.shipTo.phone, shipProvince: data.shipTo.province, shipCity: data.shipTo.city,
    shipDistrict: data.shipTo.district ?? null, shipStreet: data.shipTo.street, shipPostalCode: data.shipTo.postalCode ?? null,
    buyerNote: data.buyerNote ?? null,
  });
  if (!orderRow) return fail('duplicate', 'an order with this external reference exists');
  const order = toOrder(orderRow);

  const values: Record<string, unknown> = {
    orderId: order.id, kind: data.source === 'import' ? 'imported' : 'created', status,
    actorType: actor.type, actorId: actor.id, actorName: actor.name,
    details: { source: data.source, externalRef: data.externalRef, totalCents: order.totalCents, itemCount: order.itemCount },
  };
  placed.sort((a, b) => a.index - b.index).forEach((l, i) => {
    Object.assign(values, {
      [`skuId${i}`]: l.skuId, [`skuCode${i}`]: l.sku.code, [`name${i}`]: l.sku.name, [`variant${i}`]: l.sku.variant,
      [`unitPriceCents${i}`]: l.unitPriceCents, [`unitCostCents${i}`]: l.sku.cost_cents, [`quantity${i}`]: l.quantity,
      [`lineTotalCents${i}`]: l.unitPriceCents * l.quantity, [`warehouseId${i}`]: l.warehouseId,
    });
  });
  const reservation = reserveAtCommitValues(placed.map((l) => ({ skuId: l.skuId, warehouseId: l.warehouseId!, quantity: l.quantity })), {
    actor, orderId: order.id, documentType: 'order', documentId: order.number,
  });
  Object.assign(values, reservation.values);
  const lines = (await insertLinesStatement(placed.length, reservation.count).rows(tx, values)).map(toOrderLine);
  // cash on delivery is born awaiting shipment: the carrier rules apply now (transitionOrder does it for the rest)
  if (status === 'awaiting_shipment') order.assignedCarrierId = await assignCarrierToOrder(tx, order.id);
  return ok({ order, lines, existing: false });
}

function shortOf(codes: readonly string[]) {
  const sorted = [...new Set(codes)].sort();
  const skus = sorted.join(', ');
  return fail('insufficient_stock', `Not enough stock for: ${skus}`, { skus: sorted }, { skus });
}

// The two writes of an order, built once as prepared statements (see CachedStatement): the order
// INSERT takes its number (nextval) and timestamps (the transaction's now()) itself; the lines
// INSERT carries the 'created' timeline row and the commit-time stock reservations as
// data-modifying CTEs (run exactly once whether or not the main statement reads them). One round
// trip each.
const ph = sql.placeholder;
const toOrder = tableRowMapper(orders);
const toOrderLine = tableRowMapper(orderLines);

function orderInsertSql(db: Database, onExternalRefConflict: boolean) {
  const now = sql`now()`;
  const insert = db.insert(orders).values({
    number: nextOrderNumberSql(), source: ph('source'), externalRef: ph('externalRef'), status: ph('status'),
    isCashOnDelivery: ph('isCashOnDelivery'), currency: ph('currency'), subtotalCents: ph('subtotalCents'),
    discountCents: ph('discountCents'), shippingCents: ph('shippingCents'), taxCents: ph('taxCents'), totalCents: ph('totalCents'),
    itemCount: ph('itemCount'), customerId: ph('customerId'), shipName: ph('shipName'), shipPhone: ph('shipPhone'),
    shipProvince: ph('shipProvince'), shipCity: ph('shipCity'), shipDistrict: ph('shipDistrict'), shipStreet: ph('shipStreet'),
    shipPostalCode: ph('shipPostalCode'), buyerNote: ph('buyerNote'), placedAt: now, createdAt: now, updatedAt: now,
  });
  return onExternalRefConflict
    ? insert.onConflictDoNothing({ target: [orders.source, orders.externalRef], where: sql`external_ref is not null` }).returning().getSQL()
    : insert.returning().getSQL();
}
const insertOrder = new CachedStatement('create_order_order', (db) => orderInsertSql(db, false));
const insertOrderWithRef = new CachedStatement('create_order_order_ref', (db) => orderInsertSql(db, true));

const insertLinesStatements = new Map<string, CachedStatement>();
function insertLinesStatement(count: number, reservationCount: number): CachedStatement {
  const key = `${count}_${reservationCount}`;
  let statement = insertLinesStatements.get(key);
  if (!statement) {
    statement = new CachedStatement(`create_order_lines_${key}`, (db) => {
      const createdEvent = db.$with('created_event', { id: orderEvents.id }).as(db.insert(orderEvents).values({
        orderId: ph('orderId'), kind: ph('kind'), toStatus: ph('status'), actorType: ph('actorType'), actorId: ph('actorId'),
        actorName: ph('actorName'), details: ph('details'),
      }).returning({ id: orderEvents.id }).getSQL());
      const reservedStock = db.$with('reserved_stock', { id: stockMovements.id }).as(reserveAtCommitInsert(reservationCount));
      return db.with(createdEvent, reservedStock).insert(orderLines).values(Array.from({ length: count }, (_, i) => ({
        orderId: ph('orderId'), skuId: ph(`skuId${i}`), skuCode: ph(`skuCode${i}`), name: ph(`name${i}`), variant: ph(`variant${i}`),
        unitPriceCents: ph(`unitPriceCents${i}`), unitCostCents: ph(`unitCostCents${i}`), quantity: ph(`quantity${i}`),
        discountCents: 0, lineTotalCents: ph(`lineTotalCents${i}`), warehouseId: ph(`warehouseId${i}`),
      }))).returning().getSQL();
    });
    insertLinesStatements.set(key, statement);
  }
  return statement;
}

/** Quick-create reuses a customer with the same name and phone instead of making a twin. */
async function findOrCreateCustomer(tx: Database, name: string, phone: string): Promise<number> {
  const [existing] = await tx.select({ id: customers.id }).from(customers)
    .where(and(eq(customers.phone, phone), eq(customers.name, name))).orderBy(customers.id).limit(1);
  if (existing) return existing.id;
  const [created] = await tx.insert(customers).values({ name, phone }).returning({ id: customers.id });
  return created.id;
}
