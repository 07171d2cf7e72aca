import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import { settings, skus, stockLevels } from '@/db/schema';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { syncLowStockAlerts } from './sync-low-stock-alerts';
import { LOW_STOCK_DEFAULT_KEY } from './threshold';

export { getLowStockDefaultThreshold } from './threshold';

export const MAX_THRESHOLD = 1_000_000;

/**
 * Where a threshold is set: the store default, one SKU (all its warehouses unless overridden), or
 * one SKU in one warehouse. `threshold: null` removes a SKU or warehouse override so it inherits.
 */
export const ZSetThreshold = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('store'), threshold: z.number().int().min(0).max(MAX_THRESHOLD) }),
  z.object({
    scope: z.literal('sku'),
    skuId: z.number().int().positive(),
    threshold: z.number().int().min(0).max(MAX_THRESHOLD).nullable(),
  }),
  z.object({
    scope: z.literal('level'),
    skuId: z.number().int().positive(),
    warehouseId: z.number().int().positive(),
    threshold: z.number().int().min(0).max(MAX_THRESHOLD).nullable(),
  }),
]);
export type TSetThreshold = z.infer<typeof ZSetThreshold>;

/** Failure codes: `not_found` (no such SKU, or no stock row for it in that warehouse). */
export type SetThresholdError = 'not_found';

/**
 * Sets a low-stock threshold and, in the same transaction, raises or resolves the alerts the new
 * threshold implies (raising a SKU's threshold above its available stock raises an alert at once).
 */
export async function setLowStockThreshold(
  db: Database,
  input: TSetThreshold & { actor: Actor; now?: Date },
): Promise<Result<{ raised: number; resolved: number }, SetThresholdError>> {
  const now = input.now ?? new Date();
  return inTransaction(db, async (tx) => {
    if (input.scope === 'store') {
      await tx
        .insert(settings)
        .values({
          key: LOW_STOCK_DEFAULT_KEY,
          value: input.threshold,
          updatedAt: now,
          updatedBy: staffIdOf(input.actor),
        })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: input.threshold, updatedAt: now, updatedBy: staffIdOf(input.actor) },
        });
    } else if (input.scope === 'sku') {
      const updated = await tx
        .update(skus)
        .set({ lowStockThreshold: input.threshold })
        .where(eq(skus.id, input.skuId))
        .returning({ id: skus.id });
      if (updated.length === 0) return fail('not_found', `no SKU ${input.skuId}`);
      // the alert sync below reads these levels; lock them in key order as stock changes do
      await queryRows(
        tx,
        sql`select 1 from stock_levels where sku_id = ${input.skuId} order by warehouse_id for update`,
      );
    } else {
      const updated = await tx
        .update(stockLevels)
        .set({ lowStockThreshold: input.threshold })
        .where(and(eq(stockLevels.skuId, input.skuId), eq(stockLevels.warehouseId, input.warehouseId)))
        .returning({ skuId: stockLevels.skuId });
      if (updated.length === 0)
        return fail('not_found', `SKU ${input.skuId} has no stock in warehouse ${input.warehouseId}`);
    }
    await recordAudit(tx, {
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: 'inventory.set_threshold',
      targetType: input.scope === 'store' ? 'settings' : 'sku',
      targetId: input.scope === 'store' ? LOW_STOCK_DEFAULT_KEY : input.skuId,
      details: { ...input, actor: undefined, now: undefined },
      at: now,
    });
    const scope =
      input.scope === 'store'
        ? {}
        : input.scope === 'sku'
          ? { skuId: input.skuId }
          : { skuId: input.skuId, warehouseId: input.warehouseId };
    return ok(await syncLowStockAlerts(tx, scope));
  });
}

function staffIdOf(actor: Actor): number | null {
  return actor.type === 'staff' ? actor.id : null;
}
