import { and, desc, eq, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import {
  carriers,
  logisticsPushLog,
  shipmentExceptions,
  shipmentLines,
  shipmentStatus,
  shipments,
  trackingEvents,
} from '@/db/schema/logistics';
import { warehouses } from '@/db/schema/inventory';
import { orderLines, orders } from '@/db/schema/orders';

export const ZShipmentListFilters = z.object({
  carrier: z.coerce.number().int().positive().optional(),
  status: z.enum(shipmentStatus.enumValues).optional(),
  /** "1": only shipments with an open exception */
  exceptions: z.literal('1').optional(),
  /** keyset: shipments with a smaller id than this (the next page) */
  before: z.coerce.number().int().positive().optional(),
});
export type TShipmentListFilters = z.infer<typeof ZShipmentListFilters>;

export const SHIPMENTS_PAGE_SIZE = 50;

const listColumns = {
  id: shipments.id,
  orderId: shipments.orderId,
  orderNumber: orders.number,
  trackingNumber: shipments.trackingNumber,
  status: shipments.status,
  hasException: shipments.hasException,
  shippedAt: shipments.shippedAt,
  deliveredAt: shipments.deliveredAt,
  lastTrackedAt: shipments.lastTrackedAt,
  carrierId: shipments.carrierId,
  carrierCode: carriers.code,
  carrierName: carriers.name,
  carrierNameEn: carriers.nameEn,
  warehouseName: warehouses.name,
  shipProvince: orders.shipProvince,
  shipCity: orders.shipCity,
};

/** Shipments newest first, filtered by carrier, status, open exceptions; keyset pages on id. */
export async function listShipments(db: Database, filters: TShipmentListFilters) {
  const where: SQL[] = [];
  if (filters.carrier) where.push(eq(shipments.carrierId, filters.carrier));
  if (filters.status) where.push(eq(shipments.status, filters.status));
  if (filters.exceptions) where.push(eq(shipments.hasException, true));
  if (filters.before) where.push(lt(shipments.id, filters.before));
  const rows = await db
    .select(listColumns)
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(carriers, eq(carriers.id, shipments.carrierId))
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(shipments.id))
    .limit(SHIPMENTS_PAGE_SIZE + 1);
  return {
    shipments: rows.slice(0, SHIPMENTS_PAGE_SIZE),
    nextBefore: rows.length > SHIPMENTS_PAGE_SIZE ? rows[SHIPMENTS_PAGE_SIZE - 1].id : null,
  };
}

/** Tracking timelines of some shipments, newest event first. */
export async function listTrackingEvents(db: Database, shipmentIds: readonly number[]) {
  if (shipmentIds.length === 0) return new Map<number, (typeof trackingEvents.$inferSelect)[]>();
  const rows = await db
    .select()
    .from(trackingEvents)
    .where(inArray(trackingEvents.shipmentId, [...shipmentIds]))
    .orderBy(desc(trackingEvents.occurredAt), desc(trackingEvents.id));
  const byShipment = new Map<number, (typeof trackingEvents.$inferSelect)[]>();
  for (const row of rows) byShipment.set(row.shipmentId, [...(byShipment.get(row.shipmentId) ?? []), row]);
  return byShipment;
}

/** A shipment with its parcel lines, timeline, exceptions and the pushes received for it. */
export async function getShipment(db: Database, id: number) {
  const [shipment] = await db
    .select({
      ...listColumns,
      trackingSubscribedAt: shipments.trackingSubscribedAt,
      trackingUrlTemplate: carriers.trackingUrlTemplate,
      orderStatus: orders.status,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(carriers, eq(carriers.id, shipments.carrierId))
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
    .where(eq(shipments.id, id));
  if (!shipment) return null;
  const [lines, events, exceptions, pushes] = await Promise.all([
    db
      .select({
        orderLineId: shipmentLines.orderLineId,
        quantity: shipmentLines.quantity,
        skuCode: orderLines.skuCode,
        name: orderLines.name,
        variant: orderLines.variant,
      })
      .from(shipmentLines)
      .innerJoin(orderLines, eq(orderLines.id, shipmentLines.orderLineId))
      .where(eq(shipmentLines.shipmentId, id)),
    listTrackingEvents(db, [id]),
    db
      .select()
      .from(shipmentExceptions)
      .where(eq(shipmentExceptions.shipmentId, id))
      .orderBy(desc(shipmentExceptions.raisedAt)),
    db
      .select()
      .from(logisticsPushLog)
      .where(eq(logisticsPushLog.shipmentId, id))
      .orderBy(desc(logisticsPushLog.receivedAt))
      .limit(20),
  ]);
  return { shipment, lines, events: events.get(id) ?? [], exceptions, pushes };
}

/** Open exceptions, oldest first: the work list of whoever handles problem parcels. */
export async function listOpenExceptions(db: Database, limit = 200) {
  return db
    .select({
      id: shipmentExceptions.id,
      kind: shipmentExceptions.kind,
      description: shipmentExceptions.description,
      raisedAt: shipmentExceptions.raisedAt,
      shipmentId: shipments.id,
      trackingNumber: shipments.trackingNumber,
      status: shipments.status,
      orderId: orders.id,
      orderNumber: orders.number,
      carrierName: carriers.name,
      carrierNameEn: carriers.nameEn,
      shipName: orders.shipName,
    })
    .from(shipmentExceptions)
    .innerJoin(shipments, eq(shipments.id, shipmentExceptions.shipmentId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(carriers, eq(carriers.id, shipments.carrierId))
    .where(isNull(shipmentExceptions.resolvedAt))
    .orderBy(shipmentExceptions.raisedAt)
    .limit(limit);
}

/** Active carriers for filters and forms. */
export async function listActiveCarriers(db: Database) {
  return db
    .select({ id: carriers.id, code: carriers.code, name: carriers.name, nameEn: carriers.nameEn })
    .from(carriers)
    .where(eq(carriers.isActive, true))
    .orderBy(carriers.id);
}
