import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { afterSalesLines, type AfterSalesRequest } from '@/db/schema/after-sales';
import { shipments } from '@/db/schema/logistics';
import { validateTrackingNumberFor } from '@/domain/logistics/carriers';
import { subscribeShipmentTracking } from '@/domain/logistics/tracking/shipment-tracking';
import type { TrackingProvider } from '@/domain/logistics/tracking/tracking-provider';
import { applyStockLines } from '@/domain/inventory/reserve-stock';
import { appendOrderEvent, staffIdOf } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { findParcelCarrier, hasCarrier, NO_CARRIER, ZParcelFields } from './parcel-carrier';
import { loadRequest, transitionRequest, type TransitionFailure } from './transition-request';

export const ZShipReplacement = z.object(ZParcelFields).refine(hasCarrier, NO_CARRIER);
export type TShipReplacement = z.input<typeof ZShipReplacement>;

/**
 * Failure codes: `invalid`; `unknown_carrier`; `empty_tracking_number` / `invalid_tracking_number`;
 * `duplicate_tracking_number`; `mixed_warehouses` (one parcel leaves one warehouse);
 * `insufficient_stock` / `unknown_stock`; those of transitionRequest.
 */
export type ShipReplacementFailure =
  | TransitionFailure
  | 'invalid'
  | 'unknown_carrier'
  | 'empty_tracking_number'
  | 'invalid_tracking_number'
  | 'duplicate_tracking_number'
  | 'mixed_warehouses'
  | 'insufficient_stock'
  | 'unknown_stock';

/**
 * The replacement of an exchange (after inspection) or a reship (after approval) leaves as a
 * shipment of the order, marked as replacement by the request that points at it: the reservation
 * made at approval becomes 'ship' ledger rows, the request moves to replacement_shipped, and after
 * the commit the parcel is subscribed for tracking like any other.
 */
export async function shipReplacement(
  db: Database,
  raw: TShipReplacement & { actor: Actor; tracking?: TrackingProvider },
): Promise<Result<AfterSalesRequest, ShipReplacementFailure>> {
  const parsed = ZShipReplacement.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'The replacement parcel is not valid', zodFieldErrors(parsed.error));
  const input = parsed.data;
  const { actor } = raw;
  const shipped = await inTransaction<AfterSalesRequest, ShipReplacementFailure>(db, async (tx) => {
    const named = await findParcelCarrier(tx, input);
    if (!named.ok) return named;
    const carrier = named.data;
    const checked = validateTrackingNumberFor(carrier, input.trackingNumber);
    if (!checked.ok) return checked;
    const [used] = await tx
      .select({ id: shipments.id })
      .from(shipments)
      .where(and(eq(shipments.carrierId, carrier.id), eq(shipments.trackingNumber, checked.data)));
    if (used)
      return fail('duplicate_tracking_number', `${carrier.nameEn} tracking number ${checked.data} is already used`, {
        trackingNumber: ['duplicate_tracking_number'],
      });
    const found = await loadRequest(tx, input.requestId);
    if (!found.ok) return found;
    const lines = await tx.select().from(afterSalesLines).where(eq(afterSalesLines.requestId, found.data.id));
    const warehouseIds = [...new Set(lines.map((l) => l.replacementWarehouseId))];
    if (warehouseIds.length !== 1 || warehouseIds[0] === null)
      return fail('mixed_warehouses', 'a parcel leaves one warehouse');
    const [shipment] = await tx
      .insert(shipments)
      .values({
        orderId: found.data.orderId,
        warehouseId: warehouseIds[0],
        carrierId: carrier.id,
        trackingNumber: checked.data,
        createdBy: staffIdOf(actor),
      })
      .returning();
    const moved = await transitionRequest(tx, {
      request: found.data,
      to: 'replacement_shipped',
      actor,
      set: { replacementShipmentId: shipment.id },
      details: { shipmentId: shipment.id, carrier: carrier.code, trackingNumber: checked.data },
    });
    if (!moved.ok) return moved;
    const stock = await applyStockLines(
      tx,
      'ship',
      lines.map((l) => ({ skuId: l.replacementSkuId!, warehouseId: l.replacementWarehouseId!, quantity: l.quantity })),
      {
        actor,
        orderId: found.data.orderId,
        documentType: 'shipment',
        documentId: shipment.id,
        reason: `replacement for ${found.data.number}`,
      },
    );
    if (!stock.ok) return stock;
    await appendOrderEvent(tx, {
      orderId: found.data.orderId,
      kind: 'shipment',
      actor,
      message: null,
      details: {
        shipmentId: shipment.id,
        carrier: carrier.code,
        trackingNumber: checked.data,
        replacementFor: found.data.number,
      },
    });
    return ok(moved.data);
  });
  if (shipped.ok && raw.tracking && shipped.data.replacementShipmentId !== null) {
    // a refused subscription is retried by the subscribe sweep, as for every shipment
    await subscribeShipmentTracking(db, raw.tracking, shipped.data.replacementShipmentId);
  }
  return shipped;
}
