import type { PrintBatch, PrintWarehouse, ShipTo } from './load-print-batch';

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
  /** null until the parcel has shipped; the label leaves a blank */
  trackingNumber: string | null;
  sender: PrintWarehouse | null;
  recipient: ShipTo;
  /** units in this parcel */
  quantity: number;
}

/**
 * Labels of a print run: one per shipped parcel (its carrier and tracking number), and one per
 * warehouse for units not shipped yet, with the carrier chosen for this print run, else the one
 * the order was assigned (carrier rules), else none, and a blank number.
 */
export function buildShippingLabels(batch: PrintBatch, plannedCarrier: LabelCarrier | null): ShippingLabel[] {
  const labels: ShippingLabel[] = [];
  for (const order of batch.orders) {
    for (const shipment of order.shipments) {
      labels.push({
        key: `shipment-${shipment.id}`,
        orderNumber: order.number,
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        sender: batch.warehouses.get(shipment.warehouseId) ?? null,
        recipient: order.shipTo,
        quantity: shipment.quantity,
      });
    }
    const unshippedByWarehouse = new Map<number | null, number>();
    for (const line of order.lines) {
      const remaining = line.quantity - line.shippedQuantity;
      if (remaining > 0)
        unshippedByWarehouse.set(line.warehouseId, (unshippedByWarehouse.get(line.warehouseId) ?? 0) + remaining);
    }
    for (const [warehouseId, quantity] of unshippedByWarehouse) {
      labels.push({
        key: `order-${order.id}-${warehouseId ?? 'none'}`,
        orderNumber: order.number,
        carrier: plannedCarrier ?? order.assignedCarrier,
        trackingNumber: null,
        sender: warehouseId === null ? null : (batch.warehouses.get(warehouseId) ?? null),
        recipient: order.shipTo,
        quantity,
      });
    }
  }
  return labels;
}
