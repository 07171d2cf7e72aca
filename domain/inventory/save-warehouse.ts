import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { warehouses, type Warehouse } from '@/db/schema/inventory';
import type { Actor } from '@/domain/shared/actor';
import { isUniqueViolation } from '@/domain/shared/database-errors';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { ZWarehouseCode, ZWarehouseFields } from './warehouse-input';

export const ZSaveWarehouseInput = ZWarehouseFields.extend({
  /** omitted: a new warehouse */
  warehouseId: z
    .union([z.literal(''), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  /** only for a new warehouse */
  code: z.union([z.literal(''), ZWarehouseCode]).optional(),
});
export type TSaveWarehouseInput = z.output<typeof ZSaveWarehouseInput>;

/**
 * Creates a warehouse (active) or changes one's name, address, contact and whether it ships. The code
 * cannot change: stock, orders and labels name it. Deactivating has its own rules (set-warehouse-active.ts).
 * Failure codes: `code_required`, `code_taken`, `not_found`.
 */
export async function saveWarehouse(
  db: Database,
  input: TSaveWarehouseInput & { actor: Actor },
): Promise<Result<Warehouse, 'code_required' | 'code_taken' | 'not_found'>> {
  const values = {
    name: input.name,
    province: input.province,
    city: input.city,
    address: input.address,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    isShipping: input.isShipping,
  };
  const taken = (code: string) =>
    fail(
      'code_taken' as const,
      `warehouse ${code} exists`,
      { code: ['inventory.warehouses.validation.codeTaken'] },
      { code },
    );
  try {
    return await inTransaction(db, async (tx) => {
      let row: Warehouse | undefined;
      if (input.warehouseId === undefined) {
        if (!input.code)
          return fail('code_required', 'a new warehouse needs a code', {
            code: ['inventory.warehouses.validation.code'],
          });
        [row] = await tx
          .insert(warehouses)
          .values({ code: input.code, ...values })
          .onConflictDoNothing({ target: warehouses.code })
          .returning();
        if (!row) return taken(input.code);
      } else {
        [row] = await tx.update(warehouses).set(values).where(eq(warehouses.id, input.warehouseId)).returning();
        if (!row) return fail('not_found', `no warehouse ${input.warehouseId}`);
      }
      await recordAudit(tx, {
        actorType: input.actor.type,
        actorId: input.actor.id,
        action: input.warehouseId === undefined ? 'warehouse.create' : 'warehouse.update',
        targetType: 'warehouse',
        targetId: row.id,
        details: { code: row.code, ...values },
      });
      return ok(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken(input.code || '');
    throw error;
  }
}
