import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { skus } from '@/db/schema/catalog';
import { stockLevels, warehouses } from '@/db/schema/inventory';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';
import { inTransaction } from '@/domain/shared/transaction';
import { ZBinLocation } from './warehouse-input';

export const ZSetBinLocationInput = z.object({
  warehouseId: z.coerce.number().int().positive(),
  skuCode: safeText()
    .trim()
    .toUpperCase()
    .min(1, 'inventory.validation.skuRequired')
    .max(64, 'inventory.validation.skuRequired'),
  /** blank clears the SKU's bin in this warehouse */
  location: ZBinLocation,
});
export type TSetBinLocationInput = z.output<typeof ZSetBinLocationInput>;

/**
 * Sets where a SKU sits in a warehouse (库位, e.g. A-03-2), which pick lists sort by; blank clears it.
 * A SKU without stock there yet gets an empty stock row to carry the bin (no quantity changes, so no
 * ledger row). Failure codes: `sku_not_found`, `warehouse_not_found`, `sku_archived`.
 */
export async function setBinLocation(
  db: Database,
  input: TSetBinLocationInput & { actor: Actor },
): Promise<
  Result<{ skuId: number; location: string | null }, 'sku_not_found' | 'warehouse_not_found' | 'sku_archived'>
> {
  return inTransaction(db, async (tx) => {
    const [sku] = await tx
      .select({ id: skus.id, archivedAt: skus.archivedAt })
      .from(skus)
      .where(eq(skus.code, input.skuCode));
    if (!sku)
      return fail(
        'sku_not_found',
        `no SKU ${input.skuCode}`,
        { skuCode: ['inventory.errors.sku_not_found'] },
        { code: input.skuCode },
      );
    const [warehouse] = await tx
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(eq(warehouses.id, input.warehouseId));
    if (!warehouse) return fail('warehouse_not_found', `no warehouse ${input.warehouseId}`);
    const [existing] = await tx
      .select({ location: stockLevels.location })
      .from(stockLevels)
      .where(and(eq(stockLevels.skuId, sku.id), eq(stockLevels.warehouseId, warehouse.id)));
    if (!existing && sku.archivedAt)
      return fail('sku_archived', `${input.skuCode} is archived`, {
        skuCode: ['inventory.warehouses.validation.archived'],
      });
    await tx
      .insert(stockLevels)
      .values({ skuId: sku.id, warehouseId: warehouse.id, location: input.location })
      .onConflictDoUpdate({
        target: [stockLevels.skuId, stockLevels.warehouseId],
        set: { location: input.location, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: 'inventory.set_bin',
      targetType: 'sku',
      targetId: sku.id,
      details: { warehouseId: warehouse.id, before: existing?.location ?? null, after: input.location },
    });
    return ok({ skuId: sku.id, location: input.location });
  });
}
