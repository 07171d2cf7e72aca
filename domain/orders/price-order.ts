import { fail, ok, type Fail, type Result } from '@/domain/shared/result';
import type { TCreateOrder } from './order-input';
import { computeOrderTotals, type OrderTotals } from './order-totals';

/*
 * What a new order will be, decided from the catalogue and the stock as read in its transaction:
 * prices, totals, the warehouse of each line, or every reason it cannot be placed. Plain
 * TypeScript (no database): place-orders.ts reads the facts and writes the result.
 */

const V = 'orders.entry.validation';

/** What an order line keeps of its SKU as sold. */
export interface SkuSnapshot {
  id: number;
  code: string;
  name: string;
  variant: string | null;
  priceCents: number;
  costCents: number;
}

/** A SKU as an order sees it: its snapshot fields and the available stock per active warehouse. */
export interface CatalogueSku extends SkuSnapshot {
  currency: string;
  isActive: boolean;
  /** available (on hand - reserved) per active warehouse, by warehouse id */
  available: ReadonlyMap<number, number>;
}

export interface PricedOrderLine {
  skuId: number;
  skuCode: string;
  name: string;
  variant: string | null;
  unitPriceCents: number;
  unitCostCents: number;
  quantity: number;
  lineTotalCents: number;
  warehouseId: number;
}

export interface PricedOrder {
  status: 'pending_payment' | 'awaiting_shipment';
  currency: string;
  totals: OrderTotals;
  /** in the order the lines were entered, duplicates merged */
  lines: PricedOrderLine[];
}

/**
 * Stock already promised to earlier orders of the same transaction, per `${skuId}:${warehouseId}`:
 * orders placed together are served in arrival order from one reading of the stock.
 */
export type StockTaken = Map<string, number>;

/**
 * Prices an order and picks its warehouses. Failures: `invalid` with every problem keyed by path
 * (lines.2.skuId, customer.id, discountCents...) as orders.entry.validation.* keys;
 * `insufficient_stock` naming every short SKU. On success the order's quantities are added to
 * `taken`.
 */
export function priceOrder(
  data: TCreateOrder,
  catalogue: ReadonlyMap<number, CatalogueSku>,
  customerFound: boolean,
  taken: StockTaken,
): Result<PricedOrder, 'invalid' | 'insufficient_stock'> {
  // duplicate SKUs (same warehouse choice) become one line; first appearance keeps its place
  const merged = new Map<string, { skuId: number; quantity: number; warehouseId?: number; index: number }>();
  data.lines.forEach((l, index) => {
    const key = `${l.skuId}:${l.warehouseId ?? ''}`;
    const seen = merged.get(key);
    if (seen) seen.quantity += l.quantity;
    else merged.set(key, { ...l, index });
  });
  const wanted = [...merged.values()];

  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, key: string) => (fieldErrors[path] ??= []).push(`${V}.${key}`);
  for (const l of wanted) {
    const sku = catalogue.get(l.skuId);
    if (!sku) add(`lines.${l.index}.skuId`, 'skuNotFound');
    else if (!sku.isActive) add(`lines.${l.index}.skuId`, 'skuInactive');
  }
  const known = wanted.flatMap((l) => (catalogue.has(l.skuId) ? [{ ...l, sku: catalogue.get(l.skuId)! }] : []));
  if (new Set(known.map((l) => l.sku.currency)).size > 1) add('lines', 'mixedCurrency');
  const totals = computeOrderTotals(
    known.map((l) => ({ unitPriceCents: l.sku.priceCents, quantity: l.quantity })),
    data,
  );
  if (!totals.ok)
    add(
      totals.code === 'discount_above_subtotal' ? 'discountCents' : 'lines',
      totals.code === 'discount_above_subtotal' ? 'discountAboveSubtotal' : 'totalTooLarge',
    );
  if (data.customer.id !== undefined && !customerFound) add('customer.id', 'customerNotFound');
  if (Object.keys(fieldErrors).length > 0 || !totals.ok)
    return fail('invalid', 'The order has invalid fields', fieldErrors);

  // each line ships from the warehouse with the most available stock (or the one given); the
  // reservation at COMMIT is what guarantees it
  const short: string[] = [];
  const promised = new Map(taken);
  const lines = known.map((l): PricedOrderLine => {
    const candidates = [...l.sku.available]
      .filter(([w]) => l.warehouseId === undefined || w === l.warehouseId)
      .map(([w, a]) => ({ w, a: a - (promised.get(`${l.skuId}:${w}`) ?? 0) }));
    const best = candidates.filter((c) => c.a >= l.quantity).sort((a, b) => b.a - a.a || a.w - b.w)[0];
    if (!best) short.push(l.sku.code);
    else promised.set(`${l.skuId}:${best.w}`, (promised.get(`${l.skuId}:${best.w}`) ?? 0) + l.quantity);
    return {
      skuId: l.skuId,
      skuCode: l.sku.code,
      name: l.sku.name,
      variant: l.sku.variant,
      unitPriceCents: l.sku.priceCents,
      unitCostCents: l.sku.costCents,
      quantity: l.quantity,
      lineTotalCents: l.sku.priceCents * l.quantity,
      warehouseId: best?.w ?? 0,
    };
  });
  if (short.length > 0) return shortOfStock(short);
  for (const [key, quantity] of promised) taken.set(key, quantity);
  return ok({
    status: data.isCashOnDelivery ? 'awaiting_shipment' : 'pending_payment',
    currency: known[0].sku.currency,
    totals: totals.totals,
    lines,
  });
}

/** The failure for stock that is short, naming each SKU code once, sorted. */
export function shortOfStock(codes: readonly string[]): Fail<'insufficient_stock'> {
  const sorted = [...new Set(codes)].sort();
  const skus = sorted.join(', ');
  return fail('insufficient_stock', `Not enough stock for: ${skus}`, { skus: sorted }, { skus });
}
