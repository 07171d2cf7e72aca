import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carriers, waybills } from '@/db/schema/logistics';
import { orders } from '@/db/schema/orders';
import { shipOrder } from '@/domain/orders/ship-order';
import type { Actor } from '@/domain/shared/actor';
import type { TrackingProvider } from './tracking/tracking-provider';

/** The page where bulk shipping happens (typed/scanned numbers or a CSV); print pages link here. */
export const BULK_SHIP_PATH = '/shipping/bulk-ship';

/** One order to ship in a batch: everything it has left to ship goes in one parcel. */
export interface BulkShipItem {
  /** the CSV line, when the item came from a file */
  row?: number;
  orderNumber: string;
  /** the aggregator code (CSV) or the id (form); neither: the carrier the rules assigned */
  carrierCode?: string;
  carrierId?: number;
  trackingNumber: string;
}

export interface BulkShipOutcome {
  row?: number;
  orderNumber: string;
  orderId: number | null;
  ok: boolean;
  /** failure code: order_not_found, unknown_carrier, no_carrier, or shipOrder's (invalid_tracking_number, duplicate_tracking_number, invalid_transition, mixed_warehouses ...) */
  code?: string;
  message?: string;
  params?: Record<string, string | number>;
  shipmentId?: number;
  trackingNumber?: string;
  orderStatus?: string;
  /** whether tracking was subscribed at once (the subscribe sweep retries when not) */
  isSubscribed?: boolean;
}

/**
 * The orders the bulk-ship page lists for the numbers ticked in the queue (unknown numbers are left
 * out), with the e-waybill taken for a parcel of each (its carrier and number prefill the form, so
 * shipping is one click).
 */
export async function findOrdersToShip(db: Database, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      shipName: orders.shipName,
      shipProvince: orders.shipProvince,
      shipCity: orders.shipCity,
      assignedCarrierId: orders.assignedCarrierId,
      waybillCarrierId: waybills.carrierId,
      waybillNumber: waybills.trackingNumber,
    })
    .from(orders)
    .leftJoin(waybills, and(eq(waybills.orderId, orders.id), eq(waybills.status, 'assigned')))
    .where(inArray(orders.number, [...numbers]));
  // a split order has a waybill per parcel: one row per order, its first parcel's
  const byOrder = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!byOrder.has(row.id)) byOrder.set(row.id, row);
  return [...byOrder.values()];
}

/**
 * Ships many orders at once, each in its own transaction through shipOrder (the same rules as the
 * order page: format check, duplicates refused, stock 'ship' rows, order status), and returns one
 * outcome per item in the given order: a failed order never holds back the others. shipOrder
 * subscribes each parcel for tracking after its commit (provider: undefined, the configured one; null, the sweep later).
 */
export async function bulkShipOrders(
  db: Database,
  input: { items: readonly BulkShipItem[]; actor: Actor; provider?: TrackingProvider | null },
): Promise<BulkShipOutcome[]> {
  const numbers = [...new Set(input.items.map((i) => i.orderNumber.trim()))];
  const orderRows =
    numbers.length === 0
      ? []
      : await db
          .select({ id: orders.id, number: orders.number, assignedCarrierId: orders.assignedCarrierId })
          .from(orders)
          .where(inArray(orders.number, numbers));
  const orderByNumber = new Map(orderRows.map((o) => [o.number, o]));
  const carrierRows = await db
    .select({ id: carriers.id, code: carriers.code, name: carriers.name, nameEn: carriers.nameEn })
    .from(carriers)
    .where(eq(carriers.isActive, true));
  const carrierByCode = new Map(carrierRows.map((c) => [c.code, c]));

  const outcomes: BulkShipOutcome[] = [];
  for (const item of input.items) {
    const base = { row: item.row, orderNumber: item.orderNumber.trim() };
    const order = orderByNumber.get(base.orderNumber);
    if (!order) {
      outcomes.push({
        ...base,
        orderId: null,
        ok: false,
        code: 'order_not_found',
        message: `no order ${base.orderNumber}`,
        params: { number: base.orderNumber },
      });
      continue;
    }
    let carrierId = item.carrierId ?? order.assignedCarrierId ?? null;
    if (item.carrierCode !== undefined) {
      const carrier = carrierByCode.get(item.carrierCode);
      if (!carrier) {
        outcomes.push({
          ...base,
          orderId: order.id,
          ok: false,
          code: 'unknown_carrier_code',
          message: `no active carrier with code ${item.carrierCode}`,
          params: { code: item.carrierCode },
        });
        continue;
      }
      carrierId = carrier.id;
    }
    if (carrierId === null) {
      outcomes.push({
        ...base,
        orderId: order.id,
        ok: false,
        code: 'no_carrier',
        message: 'choose a carrier for this order',
      });
      continue;
    }
    const shipped = await shipOrder(db, {
      orderId: order.id,
      carrierId,
      trackingNumber: item.trackingNumber,
      actor: input.actor,
      tracking: input.provider,
    });
    if (!shipped.ok) {
      outcomes.push({
        ...base,
        orderId: order.id,
        ok: false,
        code: shipped.code,
        message: shipped.message,
        params: shipped.params,
      });
      continue;
    }
    outcomes.push({
      ...base,
      orderId: order.id,
      ok: true,
      shipmentId: shipped.data.shipment.id,
      trackingNumber: shipped.data.shipment.trackingNumber,
      orderStatus: shipped.data.status,
      isSubscribed: shipped.data.isSubscribed,
    });
  }
  return outcomes;
}
