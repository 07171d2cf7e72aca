import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { skus } from '@/db/schema/catalog';
import { orderLines, orders, type Order, type OrderLine } from '@/db/schema/orders';
import { appendOrderEvent } from './order-event';
import { applyStockChange } from '@/domain/inventory/apply-stock-change';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { ZEditOrderInput, type TEditOrderInput } from './order-input';
import { EDITABLE_STATUSES } from './order-status';
import { computeOrderTotals } from './order-totals';

export type EditOrderInput = TEditOrderInput & { actor: Actor };

export interface EditedOrder {
  order: Order;
  lines: OrderLine[];
  /** what changed: 'shipTo', 'lines', 'discountCents', 'buyerNote'; empty when the edit changed nothing */
  changed: string[];
}

/**
 * Failure codes:
 * - `invalid`: fieldErrors by path (changes.lines.0.quantity, changes.discountCents: discount above
 *   subtotal, lines.N.skuId: unknown or inactive SKU added).
 * - `not_found`; `not_editable`: the order is shipped, completed, cancelled (params.status).
 * - `stale`: expectedVersion is not the order's version: someone changed it since the form opened.
 * - `insufficient_stock`: added quantities cannot be reserved (params.skus); nothing changed.
 * - `paid_total_change`: the order has a succeeded payment and the edit would change its total.
 *   Decision: such an edit would need an extra payment or a partial refund, which this console does
 *   not take from an edit form, so it is refused; address and note always edit, lines and discount
 *   only when the total stays the same. Cancel (refund owed) and re-order instead.
 */
export type EditOrderFailure =
  'invalid' | 'not_found' | 'not_editable' | 'stale' | 'insufficient_stock' | 'paid_total_change';

// the statuses whose orders may still change come from the transition table (nothing has left the warehouse)
export { EDITABLE_STATUSES };

type LinePlan = {
  skuId: number;
  skuCode: string;
  name: string;
  variant: string | null;
  unitPriceCents: number;
  unitCostCents: number;
  quantity: number;
  warehouseId: number | null;
  existing?: OrderLine;
};

/**
 * Edits an order before shipment in one transaction, under the order's row lock with an
 * optimistic version check: address, lines (full new list; quantities reserved or released to
 * match, in (sku, warehouse) order), discount, note. Totals are recomputed (kept lines keep the
 * price they were sold at; added SKUs take today's price). The timeline gets one 'edited' row with
 * before and after of each changed part. Changing nothing is ok and writes nothing.
 */
export async function editOrder(db: Database, input: EditOrderInput): Promise<Result<EditedOrder, EditOrderFailure>> {
  const parsed = ZEditOrderInput.safeParse(input);
  if (!parsed.success) return fail('invalid', 'The edit has invalid fields', zodFieldErrors(parsed.error));
  const { orderId, expectedVersion, changes } = parsed.data;
  const { actor } = input;

  return inTransaction<EditedOrder, EditOrderFailure>(db, async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) return fail('not_found', `Order #${orderId} does not exist`);
    if (!EDITABLE_STATUSES.includes(order.status)) {
      return fail('not_editable', `Order ${order.number} is ${order.status} and can no longer be edited`, undefined, {
        status: order.status,
      });
    }
    if (order.version !== expectedVersion) {
      return fail(
        'stale',
        `Order ${order.number} changed since version ${expectedVersion} (now ${order.version})`,
        undefined,
        { version: order.version },
      );
    }
    const current = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.id);

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: Partial<typeof orders.$inferInsert> = {};

    if (changes.shipTo) {
      const was = {
        name: order.shipName,
        phone: order.shipPhone,
        province: order.shipProvince,
        city: order.shipCity,
        district: order.shipDistrict,
        street: order.shipStreet,
        postalCode: order.shipPostalCode,
      };
      if (JSON.stringify(was) !== JSON.stringify(changes.shipTo)) {
        before.shipTo = was;
        after.shipTo = changes.shipTo;
        const s = changes.shipTo;
        Object.assign(set, {
          shipName: s.name,
          shipPhone: s.phone,
          shipProvince: s.province,
          shipCity: s.city,
          shipDistrict: s.district,
          shipStreet: s.street,
          shipPostalCode: s.postalCode,
        });
      }
    }
    if (changes.buyerNote !== undefined && changes.buyerNote !== order.buyerNote) {
      before.buyerNote = order.buyerNote;
      after.buyerNote = changes.buyerNote;
      set.buyerNote = changes.buyerNote;
    }

    let plan: LinePlan[] = current.map((l) => ({ ...l, skuId: l.skuId!, existing: l }));
    if (changes.lines) {
      const planned = await planLines(tx, current, changes.lines);
      if (!planned.ok) return planned;
      const describe = (ls: { skuCode: string; quantity: number }[]) =>
        ls.map((l) => ({ skuCode: l.skuCode, quantity: l.quantity }));
      if (JSON.stringify(describe(current)) !== JSON.stringify(describe(planned.data))) {
        before.lines = describe(current);
        after.lines = describe(planned.data);
        plan = planned.data;
      }
    }

    const discountCents = changes.discountCents ?? order.discountCents;
    const totals = computeOrderTotals(plan, {
      discountCents,
      shippingCents: order.shippingCents,
      taxCents: order.taxCents,
    });
    if (!totals.ok) {
      return fail('invalid', 'The discount cannot exceed the item total', {
        'changes.discountCents': [
          `orders.entry.validation.${totals.code === 'discount_above_subtotal' ? 'discountAboveSubtotal' : 'totalTooLarge'}`,
        ],
      });
    }
    if (discountCents !== order.discountCents) {
      before.discountCents = order.discountCents;
      after.discountCents = discountCents;
    }
    if (Object.keys(after).length === 0) return ok({ order, lines: current, changed: [] });
    if (totals.totals.totalCents !== order.totalCents) {
      before.totalCents = order.totalCents;
      after.totalCents = totals.totals.totalCents;
      const [paid] = await queryRows(
        tx,
        sql`select 1 from payments where order_id = ${orderId} and status = 'succeeded' limit 1`,
      );
      if (paid) {
        return fail(
          'paid_total_change',
          `Order ${order.number} is paid: changing its total from ${order.totalCents} to ${totals.totals.totalCents} would need an extra payment or a refund`,
        );
      }
    }

    if (after.lines) {
      const stock = await rebalanceStock(tx, order, current, plan, actor);
      if (!stock.ok) return stock;
      await writeLines(tx, orderId, current, plan);
    }
    const [updated] = await tx
      .update(orders)
      .set({ ...set, ...totals.totals, updatedAt: sql`now()`, version: sql`${orders.version} + 1` })
      .where(and(eq(orders.id, orderId), eq(orders.version, expectedVersion)))
      .returning();
    await appendOrderEvent(tx, { orderId, kind: 'edited', actor, details: { before, after } });
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.id);
    return ok({ order: updated, lines, changed: Object.keys(after).filter((k) => k !== 'totalCents') });
  });
}

/** The new lines: kept SKUs keep their line (price, warehouse); added ones are priced and placed now. */
async function planLines(
  tx: Database,
  current: OrderLine[],
  wanted: { skuId: number; quantity: number; warehouseId?: number }[],
): Promise<Result<LinePlan[], 'invalid' | 'insufficient_stock'>> {
  const merged = new Map<number, { quantity: number; warehouseId?: number; index: number }>();
  wanted.forEach((l, index) => {
    const seen = merged.get(l.skuId);
    if (seen) seen.quantity += l.quantity;
    else merged.set(l.skuId, { quantity: l.quantity, warehouseId: l.warehouseId, index });
  });
  const added = [...merged.keys()].filter((id) => !current.some((l) => l.skuId === id));
  const skuRows = added.length ? await tx.select().from(skus).where(inArray(skus.id, added)) : [];
  const fieldErrors: Record<string, string[]> = {};
  const plan: LinePlan[] = [];
  const short: string[] = [];
  for (const [skuId, want] of merged) {
    const kept = current.find((l) => l.skuId === skuId);
    if (kept) {
      plan.push({ ...kept, skuId, quantity: want.quantity, existing: kept });
      continue;
    }
    const sku = skuRows.find((s) => s.id === skuId);
    if (!sku || !sku.isActive) {
      (fieldErrors[`changes.lines.${want.index}.skuId`] ??= []).push(
        `orders.entry.validation.${sku ? 'skuInactive' : 'skuNotFound'}`,
      );
      continue;
    }
    const [best] = await queryRows<{ warehouse_id: number }>(
      tx,
      sql`
      select l.warehouse_id from stock_levels l join warehouses w on w.id = l.warehouse_id and w.is_active
      where l.sku_id = ${skuId} and l.on_hand - l.reserved >= ${want.quantity}
        ${want.warehouseId === undefined ? sql`` : sql`and l.warehouse_id = ${want.warehouseId}`}
      order by l.on_hand - l.reserved desc, l.warehouse_id limit 1`,
    );
    if (!best) short.push(sku.code);
    plan.push({
      skuId,
      skuCode: sku.code,
      name: sku.name,
      variant: sku.variant,
      unitPriceCents: sku.priceCents,
      unitCostCents: sku.costCents,
      quantity: want.quantity,
      warehouseId: best ? Number(best.warehouse_id) : null,
    });
  }
  if (Object.keys(fieldErrors).length) return fail('invalid', 'The edit adds SKUs that cannot be sold', fieldErrors);
  if (short.length)
    return fail(
      'insufficient_stock',
      `Not enough stock for: ${short.join(', ')}`,
      { skus: short },
      { skus: short.join(', ') },
    );
  return ok(plan);
}

/** Reserve more / release less per (sku, warehouse), applied in the one lock order. */
async function rebalanceStock(
  tx: Database,
  order: Order,
  current: OrderLine[],
  plan: LinePlan[],
  actor: Actor,
): Promise<Result<true, 'insufficient_stock'>> {
  const delta = new Map<string, { skuId: number; warehouseId: number; quantity: number }>();
  const add = (skuId: number | null, warehouseId: number | null, q: number) => {
    if (skuId === null || warehouseId === null) return;
    const key = `${skuId}:${warehouseId}`;
    const d = delta.get(key) ?? { skuId, warehouseId, quantity: 0 };
    d.quantity += q;
    delta.set(key, d);
  };
  for (const l of current) add(l.skuId, l.warehouseId, -l.quantity);
  for (const l of plan) add(l.skuId, l.warehouseId, l.quantity);
  const changes = [...delta.values()]
    .filter((d) => d.quantity !== 0)
    .sort((a, b) => a.skuId - b.skuId || a.warehouseId - b.warehouseId);
  const short: string[] = [];
  for (const d of changes) {
    const result = await applyStockChange(tx, {
      skuId: d.skuId,
      warehouseId: d.warehouseId,
      kind: d.quantity > 0 ? 'reserve' : 'release',
      quantity: Math.abs(d.quantity),
      actor,
      orderId: order.id,
      documentType: 'order',
      documentId: order.number,
      reason: 'order edited',
    });
    if (!result.ok) short.push(String(result.params?.sku ?? d.skuId));
  }
  if (short.length)
    return fail(
      'insufficient_stock',
      `Not enough stock for: ${short.join(', ')}`,
      { skus: short },
      { skus: short.join(', ') },
    );
  return ok(true);
}

async function writeLines(tx: Database, orderId: number, current: OrderLine[], plan: LinePlan[]) {
  const keptIds = new Set(plan.flatMap((l) => (l.existing ? [l.existing.id] : [])));
  const removed = current.filter((l) => !keptIds.has(l.id)).map((l) => l.id);
  if (removed.length) await tx.delete(orderLines).where(inArray(orderLines.id, removed));
  for (const l of plan) {
    if (l.existing && l.existing.quantity !== l.quantity) {
      await tx
        .update(orderLines)
        .set({ quantity: l.quantity, lineTotalCents: l.unitPriceCents * l.quantity - l.existing.discountCents })
        .where(eq(orderLines.id, l.existing.id));
    }
  }
  const added = plan.filter((l) => !l.existing);
  if (added.length) {
    await tx.insert(orderLines).values(
      added.map((l) => ({
        orderId,
        skuId: l.skuId,
        skuCode: l.skuCode,
        name: l.name,
        variant: l.variant,
        unitPriceCents: l.unitPriceCents,
        unitCostCents: l.unitCostCents,
        quantity: l.quantity,
        lineTotalCents: l.unitPriceCents * l.quantity,
        warehouseId: l.warehouseId,
      })),
    );
  }
}
