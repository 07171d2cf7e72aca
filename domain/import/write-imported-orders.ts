import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { customers } from '@/db/schema/customers';
import { stockLevels, warehouses } from '@/db/schema/inventory';
import { orderEvents, orderLines, orders } from '@/db/schema/orders';
import { reserveAtCommitInsert } from '@/domain/inventory/reserve-at-commit';
import { sortStockLines } from '@/domain/inventory/reserve-stock';
import { assignCarriersToOrders } from '@/domain/logistics/assign-carrier';
import { formatOrderNumber } from '@/domain/orders/order-number';
import type { Actor } from '@/domain/shared/actor';
import type { ImportOrderDraft } from './import-draft';
import { HISTORICAL_STATUSES, type ResolvedLine } from './match-orders';

export interface OrderToWrite {
  draft: ImportOrderDraft;
  lines: ResolvedLine[];
}

/**
 * Writes imported orders in the caller's transaction, each whole: the order at the file's status,
 * dates and prices, its lines (cost snapshot from the catalogue), an 'imported' timeline row, and
 * for open orders a stock reservation through the normal commit-time path (the COMMIT refuses an
 * oversell, SQLSTATE OS001). Historical orders record their sales without touching stock.
 * Customers are matched by phone or created, never duplicated; masked phones match nobody.
 * Orders whose ref is already imported are skipped by the unique index. Returns what was written.
 */
export async function writeImportedOrders(
  tx: Database,
  batchId: number,
  toWrite: readonly OrderToWrite[],
  actor: Actor,
): Promise<{ created: number }> {
  if (toWrite.length === 0) return { created: 0 };
  const customerIds = await customersByPhone(tx, toWrite);
  const seqRows = await queryRows<{ seq: string }>(
    tx,
    sql`select nextval('order_number_seq')::text as seq from generate_series(1, ${toWrite.length})`,
  );
  const rows = toWrite.map(({ draft, lines }, i) => {
    const subtotal = lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);
    const endedAt = draft.paidAt ?? draft.placedAt;
    return {
      number: formatOrderNumber(draft.placedAt, BigInt(seqRows[i].seq)),
      source: 'import' as const,
      externalRef: draft.externalRef,
      importBatchId: batchId,
      status: draft.status,
      subtotalCents: subtotal,
      discountCents: draft.discountFen,
      shippingCents: draft.shippingFen,
      totalCents: draft.totalFen ?? subtotal - draft.discountFen + draft.shippingFen,
      itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
      customerId: draft.buyerPhone ? (customerIds.get(draft.buyerPhone) ?? null) : null,
      shipName: draft.shipTo?.name ?? '',
      shipPhone: draft.shipTo?.phone ?? '',
      shipProvince: draft.shipTo?.province ?? '',
      shipCity: draft.shipTo?.city ?? '',
      shipDistrict: draft.shipTo?.district ?? null,
      shipStreet: draft.shipTo?.street ?? '',
      shipPostalCode: draft.shipTo?.postalCode ?? null,
      buyerNote: draft.buyerNote,
      placedAt: draft.placedAt,
      paidAt: draft.status === 'pending_payment' ? null : draft.paidAt,
      shippedAt: ['shipped', 'partially_shipped', 'completed'].includes(draft.status) ? endedAt : null,
      completedAt: draft.status === 'completed' ? endedAt : null,
      cancelledAt: draft.status === 'cancelled' ? endedAt : null,
    };
  });
  const inserted = await tx
    .insert(orders)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: orders.id, number: orders.number, externalRef: orders.externalRef, status: orders.status });
  const byRef = new Map(toWrite.map((o) => [o.draft.externalRef, o]));
  const written = inserted.map((o) => ({ ...o, order: byRef.get(o.externalRef!)! }));
  if (written.length === 0) return { created: 0 };

  await tx.insert(orderLines).values(
    written.flatMap(({ id, order }) =>
      order.lines.map((l) => ({
        orderId: id,
        skuId: l.sku.id,
        skuCode: l.sku.code,
        name: l.title || l.sku.name,
        variant: l.sku.variant,
        unitPriceCents: l.unitPriceFen,
        unitCostCents: l.sku.costCents,
        quantity: l.quantity,
        lineTotalCents: l.unitPriceFen * l.quantity,
      })),
    ),
  );
  await tx.insert(orderEvents).values(
    written.map(({ id, order }) => ({
      orderId: id,
      kind: 'imported' as const,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      toStatus: order.draft.status,
      details: {
        batchId,
        platform: order.draft.platform,
        externalRef: order.draft.externalRef,
        rows: order.draft.rows,
        masked: order.draft.masked,
        ...(order.draft.tracking ? { tracking: order.draft.tracking } : {}),
      },
    })),
  );
  const open = written.filter(({ order }) => !HISTORICAL_STATUSES.includes(order.draft.status));
  await reserveOpenOrders(tx, open, actor);
  await assignCarriersToOrders(
    tx,
    open.filter((o) => o.status === 'awaiting_shipment').map((o) => o.id),
  );
  return { created: written.length };
}

/** Open orders reserve from the active warehouse with the most available stock of each SKU. */
async function reserveOpenOrders(
  tx: Database,
  open: { id: number; number: string; order: OrderToWrite }[],
  actor: Actor,
): Promise<void> {
  if (open.length === 0) return;
  const skuIds = [...new Set(open.flatMap(({ order }) => order.lines.map((l) => l.sku.id)))];
  const levels = await tx
    .select({
      skuId: stockLevels.skuId,
      warehouseId: stockLevels.warehouseId,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
    })
    .from(stockLevels)
    .innerJoin(warehouses, and(eq(warehouses.id, stockLevels.warehouseId), eq(warehouses.isActive, true)))
    .where(inArray(stockLevels.skuId, skuIds));
  const best = new Map<number, number>();
  const available = new Map<number, number>();
  for (const level of levels) {
    const free = level.onHand - level.reserved;
    if (!best.has(level.skuId) || free > available.get(level.skuId)!) {
      best.set(level.skuId, level.warehouseId);
      available.set(level.skuId, free);
    }
  }
  const reservations = open.flatMap(({ id, number, order }) =>
    sortStockLines(
      order.lines.map((l) => ({ skuId: l.sku.id, warehouseId: best.get(l.sku.id) ?? 0, quantity: l.quantity })),
    ).map((s) => ({ ...s, orderId: id, number })),
  );
  // a SKU with no stock row anywhere: the trigger finds no level and refuses the COMMIT as short
  const values = sql.join(
    reservations.map(
      (r, n) =>
        sql`(${r.skuId}::bigint, ${r.warehouseId}::bigint, ${r.quantity}::int, ${r.orderId}::bigint, 'order', ${r.number}, ${actor.type}, ${actor.id}::bigint, ${n})`,
    ),
    sql`, `,
  );
  await tx.execute(
    reserveAtCommitInsert(
      sql`select * from (values ${values}) as v(sku_id, warehouse_id, quantity, order_id, document_type, document_id, actor_type, actor_id, n)`,
    ),
  );
  const lineWarehouse = sql`(case ${sql.join(
    [...best].map(([skuId, warehouseId]) => sql`when ${orderLines.skuId} = ${skuId} then ${warehouseId}::bigint`),
    sql` `,
  )} end)`;
  await tx
    .update(orderLines)
    .set({ warehouseId: lineWarehouse })
    .where(
      inArray(
        orderLines.orderId,
        open.map((o) => o.id),
      ),
    );
}

/** Buyers by phone: the existing customer, or one created now (phones masked by the platform match nobody). */
async function customersByPhone(tx: Database, toWrite: readonly OrderToWrite[]): Promise<Map<string, number>> {
  const wanted = new Map<string, string>();
  for (const { draft } of toWrite)
    if (draft.buyerPhone && !draft.masked && !wanted.has(draft.buyerPhone))
      wanted.set(draft.buyerPhone, draft.buyerName ?? draft.shipTo?.name ?? draft.buyerPhone);
  if (wanted.size === 0) return new Map();
  const found = await tx
    .select({ id: customers.id, phone: customers.phone })
    .from(customers)
    .where(inArray(customers.phone, [...wanted.keys()]));
  const ids = new Map(found.map((c) => [c.phone!, c.id]));
  const missing = [...wanted].filter(([phone]) => !ids.has(phone));
  if (missing.length > 0) {
    const created = await tx
      .insert(customers)
      .values(missing.map(([phone, name]) => ({ name: name.slice(0, 50), phone })))
      .returning({ id: customers.id, phone: customers.phone });
    created.forEach((c) => ids.set(c.phone!, c.id));
  }
  return ids;
}
