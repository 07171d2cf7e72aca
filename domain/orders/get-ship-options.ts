import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { warehouses } from '@/db/schema/inventory';
import { carriers } from '@/db/schema/logistics';
import type { OrderDetail } from './get-order';

export interface ShipOptions {
  carriers: { id: number; name: string; nameEn: string }[];
  /** lines with units left to ship, and the warehouse that holds their reserved stock */
  lines: {
    id: number;
    name: string;
    skuCode: string;
    variant: string | null;
    warehouseId: number | null;
    warehouseName: string | null;
    remaining: number;
  }[];
}

/** What the ship dialog offers for an order: active carriers and each line's remaining units. */
export async function getShipOptions(db: Database, detail: OrderDetail): Promise<ShipOptions> {
  const warehouseIds = [...new Set(detail.lines.map((l) => l.warehouseId).filter((id): id is number => id !== null))];
  const [carrierRows, warehouseRows] = await Promise.all([
    db
      .select({ id: carriers.id, name: carriers.name, nameEn: carriers.nameEn })
      .from(carriers)
      .where(eq(carriers.isActive, true))
      .orderBy(asc(carriers.id)),
    warehouseIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: warehouses.id, name: warehouses.name })
          .from(warehouses)
          .where(inArray(warehouses.id, warehouseIds)),
  ]);
  const warehouseName = new Map(warehouseRows.map((w) => [w.id, w.name]));
  return {
    carriers: carrierRows,
    lines: detail.lines
      .map((line) => ({
        id: line.id,
        name: line.name,
        skuCode: line.skuCode,
        variant: line.variant,
        warehouseId: line.warehouseId,
        warehouseName: line.warehouseId === null ? null : (warehouseName.get(line.warehouseId) ?? null),
        remaining: line.quantity - (detail.shippedQuantities.get(line.id) ?? 0),
      }))
      .filter((line) => line.remaining > 0),
  };
}
