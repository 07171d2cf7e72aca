import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import { carriers, shipmentLines, shipments, waybills, type Shipment } from '@/db/schema/logistics';
import { orderLines, orders, type OrderStatus } from '@/db/schema/orders';
import { releasedByAfterSalesSql } from '@/domain/after-sales/released-units';
import { applyStockChange } from '@/domain/inventory/apply-stock-change';
import { validateTrackingNumberFor } from '@/domain/logistics/carriers';
import { subscribeShipmentTracking } from '@/domain/logistics/tracking/shipment-tracking';
import type { TrackingProvider } from '@/domain/logistics/tracking/tracking-provider';
import { getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { appendOrderEvent, staffIdOf } from './order-event';
import { ZId } from './order-input';
import { SHIPPABLE_STATUSES } from './order-status';
import { transitionOrder } from './transition-order';

const ACTION = 'orders.actions.validation';
export const MAX_TRACKING_NUMBER_LENGTH = 40;
export const MAX_PARCEL_LINES = 500;

/**
 * What a parcel needs, checked the same way for the order page, bulk ship and the REST API: the
 * carrier by id (console) or by code (API, CSV), its tracking number, and optionally which lines.
 * Form values arrive as text, so numbers are coerced.
 */
export const ZShipOrderFields = z.object({
  orderId: z.coerce.number().pipe(ZId),
  carrierId: z.coerce.number(`${ACTION}.carrier`).int(`${ACTION}.carrier`).positive(`${ACTION}.carrier`).optional(),
  carrierCode: safeText(`${ACTION}.carrier`).trim().min(1, `${ACTION}.carrier`).max(40, `${ACTION}.carrier`).optional(),
  trackingNumber: safeText(`${ACTION}.trackingNumber`)
    .trim()
    .min(1, `${ACTION}.trackingNumber`)
    .max(MAX_TRACKING_NUMBER_LENGTH, `${ACTION}.trackingNumberTooLong`),
  /** what goes in this parcel; omitted: everything not shipped yet */
  lines: z
    .array(
      z.object({
        orderLineId: z.coerce.number(`${ACTION}.orderLine`).int(`${ACTION}.orderLine`).positive(`${ACTION}.orderLine`),
        quantity: z.coerce.number(`${ACTION}.quantity`).int(`${ACTION}.quantity`).min(0, `${ACTION}.quantity`),
      }),
    )
    .max(MAX_PARCEL_LINES, `${ACTION}.tooManyLines`)
    .optional(),
});
export const ZShipOrderInput = ZShipOrderFields.refine(
  (input) => input.carrierId !== undefined || input.carrierCode !== undefined,
  { message: `${ACTION}.carrier`, path: ['carrierId'] },
);
export type TShipOrderInput = z.input<typeof ZShipOrderInput>;

export type ShipOrderInput = TShipOrderInput & {
  actor: Actor;
  /**
   * Who to ask for tracking once the parcel committed: omitted, the configured aggregator; null,
   * nobody now (the subscribe sweep does it later).
   */
  tracking?: TrackingProvider | null;
};

/**
 * Failure codes: `invalid` (fieldErrors name each field); `not_found`; `invalid_transition` (not
 * awaiting shipment or partially shipped; params.status is the order's status); `unknown_carrier`
 * (fieldErrors.carrierId / carrierCode); `invalid_tracking_number` (does not match the carrier's
 * pattern); `duplicate_tracking_number` (already used with this carrier); `invalid_lines` (a line
 * not of this order, or more than remains to ship; see fieldErrors); `nothing_to_ship`;
 * `mixed_warehouses` (one parcel leaves one warehouse); `insufficient_stock` / `unknown_stock`
 * (from the stock ledger), and `conflict` from the transition.
 */
export type ShipOrderError =
  | 'invalid'
  | 'not_found'
  | 'invalid_transition'
  | 'conflict'
  | 'unknown_carrier'
  | 'invalid_tracking_number'
  | 'duplicate_tracking_number'
  | 'invalid_lines'
  | 'nothing_to_ship'
  | 'mixed_warehouses'
  | 'insufficient_stock'
  | 'unknown_stock';

export interface ShippedParcel {
  shipment: Shipment;
  status: OrderStatus;
  /** whether the tracking aggregator took the parcel now (else the subscribe sweep retries) */
  isSubscribed: boolean;
}

/**
 * Ships a parcel (see shipParcel), then subscribes it for tracking with the aggregator, after the
 * commit: a network call never holds the transaction, and a refusal there never undoes the parcel.
 */
export async function shipOrder(db: Database, input: ShipOrderInput): Promise<Result<ShippedParcel, ShipOrderError>> {
  const parsed = ZShipOrderInput.safeParse(input);
  if (!parsed.success) return fail('invalid', 'the parcel has invalid fields', zodFieldErrors(parsed.error));
  const shipped = await shipParcel(db, { ...parsed.data, actor: input.actor });
  if (!shipped.ok) return shipped;
  const tracking = input.tracking === undefined ? await getTrackingProvider(db) : input.tracking;
  const isSubscribed = tracking ? (await subscribeShipmentTracking(db, tracking, shipped.data.shipment.id)).ok : false;
  return ok({ ...shipped.data, isSubscribed });
}

/**
 * Ships a parcel: a shipment with its lines, stock 'ship' per line from the warehouse that
 * reserved it (on hand and reserved both drop), then the order moves to shipped when every unit
 * has left, else to partially shipped. The order row is locked first, so two people shipping at
 * once can never send more than was ordered.
 */
async function shipParcel(
  db: Database,
  input: z.output<typeof ZShipOrderInput> & { actor: Actor },
): Promise<Result<{ shipment: Shipment; status: OrderStatus }, ShipOrderError>> {
  return inTransaction<{ shipment: Shipment; status: OrderStatus }, ShipOrderError>(db, async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for('update');
    if (!order) return fail('not_found', `order ${input.orderId} does not exist`);
    if (!SHIPPABLE_STATUSES.includes(order.status)) {
      return fail('invalid_transition', `order ${order.number} is ${order.status} and cannot ship`, undefined, {
        status: order.status,
        to: 'shipped',
      });
    }

    const byCarrier =
      input.carrierId !== undefined ? eq(carriers.id, input.carrierId) : eq(carriers.code, input.carrierCode!);
    const [carrier] = await tx
      .select()
      .from(carriers)
      .where(and(byCarrier, eq(carriers.isActive, true)));
    if (!carrier) {
      const field = input.carrierId !== undefined ? 'carrierId' : 'carrierCode';
      return fail('unknown_carrier', `carrier ${input.carrierId ?? input.carrierCode} does not exist or is inactive`, {
        [field]: ['unknown_carrier'],
      });
    }
    // the registry's one rule (normalises full-width input and spaces); an empty number is just as invalid here
    const checked = validateTrackingNumberFor(carrier, input.trackingNumber);
    if (!checked.ok) return { ...checked, code: 'invalid_tracking_number' as const };
    const trackingNumber = checked.data;
    const [used] = await tx
      .select({ id: shipments.id })
      .from(shipments)
      .where(and(eq(shipments.carrierId, carrier.id), eq(shipments.trackingNumber, trackingNumber)));
    if (used)
      return fail('duplicate_tracking_number', `${carrier.nameEn} tracking number ${trackingNumber} is already used`, {
        trackingNumber: ['duplicate_tracking_number'],
      });

    const lines = await tx
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.id));
    const shippedRows =
      lines.length === 0
        ? []
        : await tx
            .select({
              orderLineId: shipmentLines.orderLineId,
              quantity: sql<number>`sum(${shipmentLines.quantity})::int`,
            })
            .from(shipmentLines)
            .where(
              inArray(
                shipmentLines.orderLineId,
                lines.map((l) => l.id),
              ),
            )
            .groupBy(shipmentLines.orderLineId);
    const shipped = new Map(shippedRows.map((r) => [r.orderLineId, Number(r.quantity)]));
    // units a refund-only after-sales request gave up before they shipped are not shipped any more
    const releasedRows =
      lines.length === 0
        ? []
        : await queryRows<{ id: number; released: number }>(
            tx,
            sql`
      select l.id, ${releasedByAfterSalesSql(sql`l.id`)}::int as released from order_lines l where l.order_id = ${order.id}`,
          );
    const released = new Map(releasedRows.map((r) => [Number(r.id), Number(r.released)]));
    const remaining = new Map(
      lines.map((l) => [l.id, l.quantity - (shipped.get(l.id) ?? 0) - (released.get(l.id) ?? 0)]),
    );

    const requested = input.lines ?? lines.map((l) => ({ orderLineId: l.id, quantity: remaining.get(l.id)! }));
    const fieldErrors: Record<string, string[]> = {};
    const parcel: { line: (typeof lines)[number]; quantity: number }[] = [];
    requested.forEach((item, index) => {
      const line = lines.find((l) => l.id === item.orderLineId);
      if (!line) fieldErrors[`lines.${index}.orderLineId`] = ['not_in_order'];
      else if (!Number.isInteger(item.quantity) || item.quantity < 0 || item.quantity > remaining.get(line.id)!) {
        fieldErrors[`lines.${index}.quantity`] = ['more_than_remaining'];
      } else if (item.quantity > 0) parcel.push({ line, quantity: item.quantity });
    });
    if (Object.keys(fieldErrors).length > 0)
      return fail('invalid_lines', 'the parcel names lines of another order or more than remains to ship', fieldErrors);
    if (parcel.length === 0)
      return fail('nothing_to_ship', `order ${order.number} has nothing left to ship in this selection`);
    const warehouseIds = [...new Set(parcel.map((p) => p.line.warehouseId))];
    if (warehouseIds.length !== 1 || warehouseIds[0] === null) {
      return fail('mixed_warehouses', 'a parcel leaves one warehouse: ship the lines of each warehouse separately');
    }
    const warehouseId = warehouseIds[0];

    const [shipment] = await tx
      .insert(shipments)
      .values({
        orderId: order.id,
        warehouseId,
        carrierId: carrier.id,
        trackingNumber,
        status: 'shipped',
        createdBy: staffIdOf(input.actor),
      })
      .returning();
    await tx
      .insert(shipmentLines)
      .values(parcel.map((p) => ({ shipmentId: shipment.id, orderLineId: p.line.id, quantity: p.quantity })));
    // the parcel's e-waybill, when it left with that number, is used now (never cancelled after)
    await tx
      .update(waybills)
      .set({ status: 'used', shipmentId: shipment.id, updatedAt: new Date() })
      .where(
        and(
          eq(waybills.orderId, order.id),
          eq(waybills.carrierId, carrier.id),
          eq(waybills.trackingNumber, trackingNumber),
          eq(waybills.status, 'assigned'),
        ),
      );
    // a fixed order of stock rows, so two parcels of multi-line orders never deadlock
    for (const p of [...parcel].sort((a, b) => (a.line.skuId ?? 0) - (b.line.skuId ?? 0))) {
      if (p.line.skuId === null) continue; // a line whose SKU was removed reserved nothing
      const moved = await applyStockChange(tx, {
        skuId: p.line.skuId,
        warehouseId,
        kind: 'ship',
        quantity: p.quantity,
        actor: input.actor,
        orderId: order.id,
        documentType: 'shipment',
        documentId: String(shipment.id),
      });
      if (!moved.ok) return moved;
    }

    const isComplete = lines.every(
      (l) => remaining.get(l.id)! - (parcel.find((p) => p.line.id === l.id)?.quantity ?? 0) === 0,
    );
    const status: OrderStatus = isComplete ? 'shipped' : 'partially_shipped';
    if (status !== order.status) {
      const moved = await transitionOrder(tx, {
        orderId: order.id,
        to: status,
        actor: input.actor,
        expectedFrom: order.status,
        details: { shipmentId: shipment.id },
      });
      if (!moved.ok) return moved;
    } else {
      await tx.update(orders).set({ updatedAt: new Date() }).where(eq(orders.id, order.id));
    }
    await appendOrderEvent(tx, {
      orderId: order.id,
      kind: 'shipment',
      actor: input.actor,
      message: `${carrier.name} ${trackingNumber}`,
      details: {
        shipmentId: shipment.id,
        carrierId: carrier.id,
        trackingNumber,
        warehouseId,
        lines: parcel.map((p) => ({ orderLineId: p.line.id, quantity: p.quantity })),
      },
    });
    return ok({ shipment, status });
  });
}
