import {
  plannedParcelKey,
  type PrintBatch,
  type PrintOrder,
  type PrintWarehouse,
  type ShipTo,
} from './load-print-batch';

export interface LabelCarrier {
  code: string;
  name: string;
  nameEn: string;
}

/**
 * One parcel's label. The recipient's full address and phone are on it because the courier needs
 * them; nothing else about the buyer is.
 */
export interface ShippingLabel {
  /** stable key: the shipment id, or order id and warehouse for a parcel not shipped yet */
  key: string;
  orderNumber: string;
  /** null: no carrier chosen yet, the label leaves a blank to write it in */
  carrier: LabelCarrier | null;
  /** the shipment's number, else the e-waybill's; null: the label leaves a blank */
  trackingNumber: string | null;
  /** 大头笔 and 集包地 from the carrier's e-waybill answer */
  sortingCode: string | null;
  packageCenter: string | null;
  sender: PrintWarehouse | null;
  recipient: ShipTo;
  /** units in this parcel */
  quantity: number;
  /** parcel n of m of the order (m > 1 when the order leaves from several warehouses or in several parcels) */
  parcel: { index: number; count: number };
  /**
   * Cash on delivery (代收货款): the courier collects the order's total with its first parcel
   * (amountCents); the order's other parcels say so and collect nothing (amountCents 0).
   */
  cashOnDelivery: { amountCents: number; currency: string; collectedWithParcel: number } | null;
}

function parcelOf(order: PrintOrder, key: string) {
  const index = order.parcelKeys.indexOf(key);
  return { index: index + 1, count: order.parcelKeys.length };
}

function cashOnDeliveryOf(order: PrintOrder, parcelIndex: number): ShippingLabel['cashOnDelivery'] {
  if (!order.cashOnDelivery) return null;
  return {
    amountCents: parcelIndex === 1 ? order.cashOnDelivery.amountCents : 0,
    currency: order.cashOnDelivery.currency,
    collectedWithParcel: 1,
  };
}

/**
 * Labels of a print run: one per shipped parcel (its carrier and tracking number), and one per
 * warehouse for units not shipped yet: with its e-waybill's carrier, number and sorting codes when
 * one was taken, else the carrier chosen for this print run, else the one the order was assigned
 * (carrier rules), else none, and a blank number. An order's labels come in
 * parcel order, each saying which parcel of how many it is.
 */
export function buildShippingLabels(batch: PrintBatch, plannedCarrier: LabelCarrier | null): ShippingLabel[] {
  const labels: ShippingLabel[] = [];
  for (const order of batch.orders) {
    const orderLabels: ShippingLabel[] = [];
    for (const shipment of order.shipments) {
      const parcel = parcelOf(order, `shipment-${shipment.id}`);
      orderLabels.push({
        key: `shipment-${shipment.id}`,
        orderNumber: order.number,
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        sortingCode: null,
        packageCenter: null,
        sender: batch.warehouses.get(shipment.warehouseId) ?? null,
        recipient: order.shipTo,
        quantity: shipment.quantity,
        parcel,
        cashOnDelivery: cashOnDeliveryOf(order, parcel.index),
      });
    }
    const unshippedByWarehouse = new Map<number | null, number>();
    for (const line of order.lines) {
      const remaining = line.quantity - line.shippedQuantity;
      if (remaining > 0)
        unshippedByWarehouse.set(line.warehouseId, (unshippedByWarehouse.get(line.warehouseId) ?? 0) + remaining);
    }
    for (const [warehouseId, quantity] of unshippedByWarehouse) {
      const parcel = parcelOf(order, plannedParcelKey(warehouseId));
      // a waybill taken for this parcel fixes its carrier and number: a reprint shows the same ones
      const waybill = order.waybills.find((w) => w.warehouseId === warehouseId);
      orderLabels.push({
        key: `order-${order.id}-${warehouseId ?? 'none'}`,
        orderNumber: order.number,
        carrier: waybill?.carrier ?? plannedCarrier ?? order.assignedCarrier,
        trackingNumber: waybill?.trackingNumber ?? null,
        sortingCode: waybill?.sortingCode ?? null,
        packageCenter: waybill?.packageCenter ?? null,
        sender: warehouseId === null ? null : (batch.warehouses.get(warehouseId) ?? null),
        recipient: order.shipTo,
        quantity,
        parcel,
        cashOnDelivery: cashOnDeliveryOf(order, parcel.index),
      });
    }
    labels.push(...orderLabels.sort((a, b) => a.parcel.index - b.parcel.index));
  }
  return labels;
}
