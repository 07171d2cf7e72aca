import type { PrintBatch, ShipTo } from './load-print-batch';

export interface PackingSlipItem {
  skuCode: string;
  name: string;
  variant: string | null;
  /** units ordered */
  quantity: number;
  /** units already sent in earlier parcels */
  shippedQuantity: number;
  location: string | null;
}

/** One slip per order: goes in the parcel, so it carries the ship-to and the buyer's note. */
export interface PackingSlip {
  orderId: number;
  orderNumber: string;
  placedAt: Date;
  shipTo: ShipTo;
  buyerNote: string | null;
  items: PackingSlipItem[];
  totalQuantity: number;
  /** units still to pack (ordered minus already shipped) */
  toPackQuantity: number;
}

/** The packing slips of a print run, in the run's order. */
export function buildPackingSlips(batch: PrintBatch): PackingSlip[] {
  return batch.orders.map((order) => {
    const items = order.lines.map((line) => ({
      skuCode: line.skuCode,
      name: line.name,
      variant: line.variant,
      quantity: line.quantity,
      shippedQuantity: line.shippedQuantity,
      location: line.location,
    }));
    return {
      orderId: order.id,
      orderNumber: order.number,
      placedAt: order.placedAt,
      shipTo: order.shipTo,
      buyerNote: order.buyerNote,
      items,
      totalQuantity: items.reduce((sum, item) => sum + item.quantity, 0),
      toPackQuantity: items.reduce((sum, item) => sum + Math.max(0, item.quantity - item.shippedQuantity), 0),
    };
  });
}
