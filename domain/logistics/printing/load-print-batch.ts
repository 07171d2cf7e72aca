import { and, asc, eq, exists, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { stockLevels, warehouses } from '@/db/schema/inventory';
import { carriers, shipmentLines, shipments, waybills } from '@/db/schema/logistics';
import { orderLines, orders, type OrderStatus } from '@/db/schema/orders';
import type { TShipTo } from '@/domain/orders/order-input';
import { SHIPPABLE_STATUSES } from '@/domain/orders/order-status';
import { MAX_PRINT_ORDERS, type PrintSelection } from './print-params';

/** The sender on a label: the warehouse the parcel leaves from (its own address and contact). */
export interface PrintWarehouse {
  id: number;
  code: string;
  name: string;
  province: string | null;
  city: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export interface PrintOrderLine {
  id: number;
  skuId: number | null;
  skuCode: string;
  name: string;
  variant: string | null;
  quantity: number;
  shippedQuantity: number;
  warehouseId: number | null;
  /** the bin the SKU sits in at that warehouse (stock_levels.location) */
  location: string | null;
}

export interface PrintShipment {
  id: number;
  warehouseId: number;
  carrier: { code: string; name: string; nameEn: string };
  trackingNumber: string;
  shippedAt: Date;
  quantity: number;
}

/** The parcel's address, the same shape order entry produces. */
export type ShipTo = TShipTo;

export interface PrintOrder {
  id: number;
  number: string;
  status: OrderStatus;
  placedAt: Date;
  buyerNote: string | null;
  shipTo: ShipTo;
  lines: PrintOrderLine[];
  shipments: PrintShipment[];
  /** the carrier the auto-assignment rules (or a person) chose for what is not shipped yet */
  assignedCarrier: { code: string; name: string; nameEn: string } | null;
  /** e-waybills taken for parcels not shipped yet, by the warehouse they leave from */
  waybills: PrintWaybill[];
  /** cash on delivery: the amount the courier collects (the order's total), else null */
  cashOnDelivery: { amountCents: number; currency: string } | null;
  /**
   * Every parcel of the order, whatever this run prints: its shipments (oldest first), then one per
   * warehouse still holding unshipped units (`warehouse-<id>`). A label is "parcel n of m" from it.
   */
  parcelKeys: string[];
}

/** An e-waybill assigned to a parcel not shipped yet: its number and the carrier's label elements. */
export interface PrintWaybill {
  warehouseId: number;
  carrier: { code: string; name: string; nameEn: string };
  trackingNumber: string;
  /** 大头笔 */
  sortingCode: string | null;
  /** 集包地 */
  packageCenter: string | null;
}

/** An order in the selection that may not ship (per ORDER_TRANSITIONS): listed, never printed. */
export interface SkippedPrintOrder {
  id: number;
  number: string;
  status: OrderStatus;
}

/** Everything the pick list, packing slips and labels of one print run need. */
export interface PrintBatch {
  /** oldest first, the order people pick and pack in */
  orders: PrintOrder[];
  warehouses: Map<number, PrintWarehouse>;
  /** selected ids with no order behind them */
  missingOrderIds: number[];
  /** selected orders whose status does not let them ship (cancelled, unpaid, already shipped ...) */
  skipped: SkippedPrintOrder[];
  /** a warehouse run with more orders awaiting shipment than one run takes */
  hasMore: boolean;
  /** set for a warehouse run: only that warehouse's lines and parcels are printed */
  warehouseId: number | null;
}

/** Orders that still have something to pick and pack: the statuses the transition table lets ship. */
export const AWAITING_SHIPMENT: readonly OrderStatus[] = SHIPPABLE_STATUSES;

/** The key of a parcel not shipped yet: one per warehouse its unshipped units leave from. */
export function plannedParcelKey(warehouseId: number | null): string {
  return `warehouse-${warehouseId ?? 'none'}`;
}

/**
 * Loads a print run in six queries whatever its size (orders; lines with their bin; shipments;
 * shipped quantities; e-waybills; warehouses), so 500 orders cost the same round trips as one.
 */
export async function loadPrintBatch(db: Database, selection: PrintSelection): Promise<PrintBatch> {
  const orderColumns = {
    id: orders.id,
    number: orders.number,
    status: orders.status,
    placedAt: orders.placedAt,
    buyerNote: orders.buyerNote,
    isCashOnDelivery: orders.isCashOnDelivery,
    totalCents: orders.totalCents,
    currency: orders.currency,
    shipName: orders.shipName,
    shipPhone: orders.shipPhone,
    shipProvince: orders.shipProvince,
    shipCity: orders.shipCity,
    shipDistrict: orders.shipDistrict,
    shipStreet: orders.shipStreet,
    shipPostalCode: orders.shipPostalCode,
    assignedCarrierCode: carriers.code,
    assignedCarrierName: carriers.name,
    assignedCarrierNameEn: carriers.nameEn,
  };
  const warehouseId = selection.kind === 'warehouse' ? selection.warehouseId : null;
  const orderRows =
    selection.kind === 'orders'
      ? await db
          .select(orderColumns)
          .from(orders)
          .leftJoin(carriers, eq(carriers.id, orders.assignedCarrierId))
          .where(inArray(orders.id, selection.orderIds))
          .orderBy(asc(orders.placedAt), asc(orders.id))
      : await db
          .select(orderColumns)
          .from(orders)
          .leftJoin(carriers, eq(carriers.id, orders.assignedCarrierId))
          .where(
            and(
              inArray(orders.status, AWAITING_SHIPMENT),
              isNull(orders.archivedAt),
              exists(
                db
                  .select({ one: sql`1` })
                  .from(orderLines)
                  .where(and(eq(orderLines.orderId, orders.id), eq(orderLines.warehouseId, selection.warehouseId))),
              ),
            ),
          )
          .orderBy(asc(orders.placedAt), asc(orders.id))
          .limit(MAX_PRINT_ORDERS + 1);
  const hasMore = orderRows.length > MAX_PRINT_ORDERS;
  const found = new Set(orderRows.map((o) => o.id));
  const missingOrderIds = selection.kind === 'orders' ? selection.orderIds.filter((id) => !found.has(id)) : [];
  const kept = orderRows.slice(0, MAX_PRINT_ORDERS).filter((o) => AWAITING_SHIPMENT.includes(o.status));
  const skipped = orderRows
    .filter((o) => !AWAITING_SHIPMENT.includes(o.status))
    .map((o) => ({ id: o.id, number: o.number, status: o.status }));
  const orderIds = kept.map((o) => o.id);
  if (orderIds.length === 0)
    return { orders: [], warehouses: new Map(), missingOrderIds, skipped, hasMore, warehouseId };

  const [lineRows, shipmentRows, shippedRows, waybillRows] = await Promise.all([
    db
      .select({
        id: orderLines.id,
        orderId: orderLines.orderId,
        skuId: orderLines.skuId,
        skuCode: orderLines.skuCode,
        name: orderLines.name,
        variant: orderLines.variant,
        quantity: orderLines.quantity,
        warehouseId: orderLines.warehouseId,
        location: stockLevels.location,
      })
      .from(orderLines)
      .leftJoin(
        stockLevels,
        and(eq(stockLevels.skuId, orderLines.skuId), eq(stockLevels.warehouseId, orderLines.warehouseId)),
      )
      .where(inArray(orderLines.orderId, orderIds))
      .orderBy(asc(orderLines.orderId), asc(orderLines.id)),
    db
      .select({
        id: shipments.id,
        orderId: shipments.orderId,
        warehouseId: shipments.warehouseId,
        trackingNumber: shipments.trackingNumber,
        shippedAt: shipments.shippedAt,
        carrierCode: carriers.code,
        carrierName: carriers.name,
        carrierNameEn: carriers.nameEn,
      })
      .from(shipments)
      .innerJoin(carriers, eq(carriers.id, shipments.carrierId))
      .where(inArray(shipments.orderId, orderIds))
      .orderBy(asc(shipments.shippedAt), asc(shipments.id)),
    db
      .select({
        shipmentId: shipmentLines.shipmentId,
        orderLineId: shipmentLines.orderLineId,
        quantity: shipmentLines.quantity,
      })
      .from(shipmentLines)
      .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
      .where(inArray(shipments.orderId, orderIds)),
    db
      .select({
        orderId: waybills.orderId,
        warehouseId: waybills.warehouseId,
        trackingNumber: waybills.trackingNumber,
        sortingCode: waybills.sortingCode,
        packageCenter: waybills.packageCenter,
        carrierCode: carriers.code,
        carrierName: carriers.name,
        carrierNameEn: carriers.nameEn,
      })
      .from(waybills)
      .innerJoin(carriers, eq(carriers.id, waybills.carrierId))
      .where(and(inArray(waybills.orderId, orderIds), eq(waybills.status, 'assigned'))),
  ]);
  const waybillsByOrder = new Map<number, PrintWaybill[]>();
  for (const row of waybillRows) {
    if (!row.trackingNumber) continue;
    const list = waybillsByOrder.get(row.orderId) ?? [];
    list.push({
      warehouseId: row.warehouseId,
      trackingNumber: row.trackingNumber,
      sortingCode: row.sortingCode,
      packageCenter: row.packageCenter,
      carrier: { code: row.carrierCode, name: row.carrierName, nameEn: row.carrierNameEn },
    });
    waybillsByOrder.set(row.orderId, list);
  }

  const shippedByLine = new Map<number, number>();
  const unitsByShipment = new Map<number, number>();
  for (const row of shippedRows) {
    shippedByLine.set(row.orderLineId, (shippedByLine.get(row.orderLineId) ?? 0) + row.quantity);
    unitsByShipment.set(row.shipmentId, (unitsByShipment.get(row.shipmentId) ?? 0) + row.quantity);
  }
  // parcels are counted over the whole order; a warehouse run then keeps only its own lines and parcels
  const parcelKeysByOrder = new Map<number, string[]>();
  for (const row of shipmentRows) {
    const keys = parcelKeysByOrder.get(row.orderId) ?? [];
    keys.push(`shipment-${row.id}`);
    parcelKeysByOrder.set(row.orderId, keys);
  }
  const plannedByOrder = new Map<number, Set<number | null>>();
  for (const line of lineRows) {
    if (line.quantity - (shippedByLine.get(line.id) ?? 0) <= 0) continue;
    const planned = plannedByOrder.get(line.orderId) ?? new Set<number | null>();
    planned.add(line.warehouseId);
    plannedByOrder.set(line.orderId, planned);
  }
  for (const [orderId, planned] of plannedByOrder) {
    const keys = parcelKeysByOrder.get(orderId) ?? [];
    const ids = [...planned].sort((a, b) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER));
    keys.push(...ids.map(plannedParcelKey));
    parcelKeysByOrder.set(orderId, keys);
  }

  const warehouseIds = new Set<number>();
  const linesByOrder = new Map<number, PrintOrderLine[]>();
  for (const { orderId, ...line } of lineRows) {
    if (warehouseId !== null && line.warehouseId !== warehouseId) continue;
    if (line.warehouseId !== null) warehouseIds.add(line.warehouseId);
    const list = linesByOrder.get(orderId) ?? [];
    list.push({ ...line, shippedQuantity: shippedByLine.get(line.id) ?? 0 });
    linesByOrder.set(orderId, list);
  }
  const shipmentsByOrder = new Map<number, PrintShipment[]>();
  for (const row of shipmentRows) {
    if (warehouseId !== null && row.warehouseId !== warehouseId) continue;
    warehouseIds.add(row.warehouseId);
    const list = shipmentsByOrder.get(row.orderId) ?? [];
    list.push({
      id: row.id,
      warehouseId: row.warehouseId,
      trackingNumber: row.trackingNumber,
      shippedAt: row.shippedAt,
      carrier: { code: row.carrierCode, name: row.carrierName, nameEn: row.carrierNameEn },
      quantity: unitsByShipment.get(row.id) ?? 0,
    });
    shipmentsByOrder.set(row.orderId, list);
  }

  const warehouseRows =
    warehouseIds.size === 0
      ? []
      : await db
          .select({
            id: warehouses.id,
            code: warehouses.code,
            name: warehouses.name,
            province: warehouses.province,
            city: warehouses.city,
            address: warehouses.address,
            contactName: warehouses.contactName,
            contactPhone: warehouses.contactPhone,
          })
          .from(warehouses)
          .where(inArray(warehouses.id, [...warehouseIds]));

  return {
    orders: kept.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      placedAt: o.placedAt,
      buyerNote: o.buyerNote,
      shipTo: {
        name: o.shipName,
        phone: o.shipPhone,
        province: o.shipProvince,
        city: o.shipCity,
        district: o.shipDistrict,
        street: o.shipStreet,
        postalCode: o.shipPostalCode,
      },
      lines: linesByOrder.get(o.id) ?? [],
      shipments: shipmentsByOrder.get(o.id) ?? [],
      assignedCarrier:
        o.assignedCarrierCode === null
          ? null
          : { code: o.assignedCarrierCode, name: o.assignedCarrierName!, nameEn: o.assignedCarrierNameEn! },
      cashOnDelivery: o.isCashOnDelivery ? { amountCents: o.totalCents, currency: o.currency } : null,
      parcelKeys: parcelKeysByOrder.get(o.id) ?? [],
      waybills: waybillsByOrder.get(o.id) ?? [],
    })),
    warehouses: new Map(warehouseRows.map((w) => [w.id, w])),
    missingOrderIds,
    skipped,
    hasMore,
    warehouseId,
  };
}
