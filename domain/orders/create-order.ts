import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { skus } from '@/db/schema/catalog';
import { warehouses } from '@/db/schema/inventory';
import { orderLines, orders } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { zodFieldErrors } from '@/domain/shared/validation';
import { ZCreateOrderInput, type TCreateOrder, type TCreateOrderInput } from './order-input';
import type { CreatedOrder } from './place-orders';
import { placeWithOthers } from './place-orders-together';

export type { CreatedOrder } from './place-orders';

/** A line may name its SKU by code instead of id (what a shop system or a CSV usually knows). */
type LineBySkuCode = Omit<TCreateOrderInput['lines'][number], 'skuId'> & { skuId?: number; skuCode?: string };
export type CreateOrderInput = Omit<TCreateOrderInput, 'lines'> & {
  lines: (TCreateOrderInput['lines'][number] | LineBySkuCode)[];
  actor: Actor;
};

/**
 * Failure codes:
 * - `invalid`: fieldErrors has every problem, keyed by path (lines.2.skuId, shipTo.phone,
 *   customer.id, discountCents...), as orders.entry.validation.* keys. Unknown or inactive SKUs,
 *   a missing customer and a discount above the subtotal are reported here too.
 * - `insufficient_stock`: not enough available stock; params.skus and fieldErrors.skus name every
 *   short SKU. Nothing was created or reserved.
 */
export type CreateOrderFailure = 'invalid' | 'insufficient_stock';

/**
 * Places an order the way the new-order form, imports and the API do: validates, prices the lines
 * from the SKUs (duplicate SKUs merged), picks a warehouse per line (the one with the most
 * available stock, unless given), and in ONE transaction writes the order, its lines, the
 * 'created' timeline row and the stock reservations, which apply when the transaction commits
 * (domain/inventory/reserve-at-commit.ts: the stock rows are locked only inside the COMMIT).
 * Orders placed at the same moment share that transaction (place-orders-together.ts): that is
 * what lets a hot SKU take more orders a second than its stock row takes commits. Lands in
 * pending_payment, or awaiting_shipment for cash on delivery. Idempotent on (source,
 * externalRef), concurrent calls included.
 */
export async function createOrder(
  db: Database,
  input: CreateOrderInput,
): Promise<Result<CreatedOrder, CreateOrderFailure>> {
  const byCode = await resolveSkuCodes(db, input.lines);
  if (!byCode.ok) return byCode;
  const parsed = ZCreateOrderInput.safeParse({ ...input, lines: byCode.data });
  if (!parsed.success) return fail('invalid', 'The order has invalid fields', zodFieldErrors(parsed.error));
  const data = parsed.data;
  const unknownWarehouses = await findUnknownWarehouses(db, data.lines);
  if (unknownWarehouses) return fail('invalid', 'A line names a warehouse that does not exist', unknownWarehouses);
  const result = await placeWithOthers(db, { data, actor: input.actor });
  if (!result.ok && result.code === 'duplicate') {
    // the reference has an order already, or a concurrent call with it committed first: return that order
    const existing = await findByExternalRef(db, data.source, data.externalRef!);
    if (existing) return ok(existing);
    throw new Error(`order ${data.source}/${data.externalRef} conflicted but cannot be read`);
  }
  return result as Result<CreatedOrder, CreateOrderFailure>;
}

/** Lines with a skuCode get the id of that SKU; an unknown code is a field error (lines.N.skuCode). */
async function resolveSkuCodes(db: Database, lines: CreateOrderInput['lines']): Promise<Result<unknown[], 'invalid'>> {
  if (!Array.isArray(lines)) return ok(lines);
  const codeOf = (line: unknown) =>
    line &&
    typeof line === 'object' &&
    'skuCode' in line &&
    typeof line.skuCode === 'string' &&
    !('skuId' in line && line.skuId !== undefined)
      ? line.skuCode.trim()
      : null;
  const codes = [...new Set(lines.map(codeOf).filter((c): c is string => c !== null && c !== ''))];
  if (codes.length === 0) return ok(lines);
  const found = new Map(
    (await db.select({ id: skus.id, code: skus.code }).from(skus).where(inArray(skus.code, codes))).map((s) => [
      s.code,
      s.id,
    ]),
  );
  const fieldErrors: Record<string, string[]> = {};
  const resolved = lines.map((line, index) => {
    const code = codeOf(line);
    if (code === null) return line;
    if (!found.has(code)) fieldErrors[`lines.${index}.skuCode`] = ['orders.entry.validation.skuNotFound'];
    // the code has done its job: the schema takes the id
    return Object.fromEntries([
      ...Object.entries(line as LineBySkuCode).filter(([key]) => key !== 'skuCode'),
      ['skuId', found.get(code)],
    ]);
  });
  return Object.keys(fieldErrors).length > 0
    ? fail('invalid', 'A line names a SKU code that does not exist', fieldErrors)
    : ok(resolved);
}

/** A warehouse a line names must exist and be active: otherwise that field, not "out of stock", is the answer. */
async function findUnknownWarehouses(
  db: Database,
  lines: TCreateOrder['lines'],
): Promise<Record<string, string[]> | null> {
  const named = [...new Set(lines.flatMap((l) => (l.warehouseId === undefined ? [] : [l.warehouseId])))];
  if (named.length === 0) return null;
  const active = new Set(
    (
      await db
        .select({ id: warehouses.id })
        .from(warehouses)
        .where(and(inArray(warehouses.id, named), eq(warehouses.isActive, true)))
    ).map((w) => w.id),
  );
  const fieldErrors: Record<string, string[]> = {};
  lines.forEach((l, index) => {
    if (l.warehouseId !== undefined && !active.has(l.warehouseId))
      fieldErrors[`lines.${index}.warehouseId`] = ['orders.entry.validation.warehouseNotFound'];
  });
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : null;
}

async function findByExternalRef(
  db: Database,
  source: TCreateOrder['source'],
  externalRef: string,
): Promise<CreatedOrder | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.source, source), eq(orders.externalRef, externalRef)));
  if (!order) return null;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(orderLines.id);
  return { order, lines, existing: true };
}
