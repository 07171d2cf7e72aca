import { asc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { warehouses } from '@/db/schema';

export interface WarehouseOption {
  id: number;
  code: string;
  name: string;
  isActive: boolean;
}

/** Every warehouse, active first, for filters and the receive form. */
export async function listWarehouses(db: Database): Promise<WarehouseOption[]> {
  const rows = await db
    .select({ id: warehouses.id, code: warehouses.code, name: warehouses.name, isActive: warehouses.isActive })
    .from(warehouses)
    .orderBy(asc(warehouses.code));
  return rows.sort((a, b) => Number(b.isActive) - Number(a.isActive));
}
