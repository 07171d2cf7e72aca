import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderLines, orders } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { zodFieldErrors } from '@/domain/shared/validation';
import { ZCreateOrderInput, type TCreateOrder, type TCreateOrderInput } from './order-input';
import type { CreatedOrder } from './place-orders';
import { placeWithOthers } from './place-orders-together';

export type { CreatedOrder } from './place-orders';

export type CreateOrderInput = TCreateOrderInput & { actor: Actor };

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
export async function createOrder(db: Database, input: CreateOrderInput): Promise<Result<CreatedOrder, CreateOrderFailure>> {
  const parsed = ZCreateOrderInput.safeParse(input);
  if (!parsed.success) return fail('invalid', 'The order has invalid fields', zodFieldErrors(parsed.error));
  const data = parsed.data;
  const result = await placeWithOthers(db, { data, actor: input.actor });
  if (!result.ok && result.code === 'duplicate') {
    // the reference has an order already, or a concurrent call with it committed first: return that order
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
