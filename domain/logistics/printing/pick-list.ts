import type { PrintBatch, PrintWarehouse } from './load-print-batch';

/** One SKU to take from one bin, with the orders its units go to. No personal data: pickers need none. */
export interface PickListSku {
  skuCode: string;
  name: string;
  variant: string | null;
  totalQuantity: number;
  orders: { number: string; quantity: number }[];
}

export interface PickListLocation {
  /** null: the SKU has no bin recorded in this warehouse */
  location: string | null;
  skus: PickListSku[];
}

export interface PickListWarehouse {
  /** null for lines that reserved no warehouse's stock */
  warehouse: PrintWarehouse | null;
  locations: PickListLocation[];
  totalQuantity: number;
}

export interface PickList {
  warehouses: PickListWarehouse[];
  orderCount: number;
  totalQuantity: number;
}

// bins sort as people walk them: A-2 before A-10
const binOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Batch picking: the units still to ship across the run, by warehouse, then bin, then SKU, with
 * the total to take and how many go to each order. Units already shipped are not picked again.
 */
export function buildPickList(batch: PrintBatch): PickList {
  const byWarehouse = new Map<number | null, Map<string | null, Map<string, PickListSku>>>();
  const orderNumbers = new Set<string>();
  for (const order of batch.orders) {
    for (const line of order.lines) {
      const remaining = line.quantity - line.shippedQuantity;
      if (remaining <= 0) continue;
      orderNumbers.add(order.number);
      const locations = byWarehouse.get(line.warehouseId) ?? new Map<string | null, Map<string, PickListSku>>();
      byWarehouse.set(line.warehouseId, locations);
      const skus = locations.get(line.location) ?? new Map<string, PickListSku>();
      locations.set(line.location, skus);
      const sku = skus.get(line.skuCode) ?? {
        skuCode: line.skuCode,
        name: line.name,
        variant: line.variant,
        totalQuantity: 0,
        orders: [],
      };
      skus.set(line.skuCode, sku);
      sku.totalQuantity += remaining;
      const previous = sku.orders.find((o) => o.number === order.number);
      if (previous) previous.quantity += remaining;
      else sku.orders.push({ number: order.number, quantity: remaining });
    }
  }

  const warehouses: PickListWarehouse[] = [...byWarehouse]
    .map(([warehouseId, locations]) => {
      const locationList = [...locations]
        .map(([location, skus]) => ({
          location,
          skus: [...skus.values()].sort((a, b) => binOrder.compare(a.skuCode, b.skuCode)),
        }))
        .sort((a, b) => compareBins(a.location, b.location));
      return {
        warehouse: warehouseId === null ? null : (batch.warehouses.get(warehouseId) ?? null),
        locations: locationList,
        totalQuantity: locationList.reduce((sum, l) => sum + l.skus.reduce((s, sku) => s + sku.totalQuantity, 0), 0),
      };
    })
    .sort((a, b) => compareBins(a.warehouse?.code ?? null, b.warehouse?.code ?? null));

  return {
    warehouses,
    orderCount: orderNumbers.size,
    totalQuantity: warehouses.reduce((sum, w) => sum + w.totalQuantity, 0),
  };
}

/** Bins in walking order; unknown bins (null) last, where a picker looks them up. */
function compareBins(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return binOrder.compare(a, b);
}
