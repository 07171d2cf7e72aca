import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import { skus } from '@/db/schema/catalog';
import { syncLowStockAlerts } from '@/domain/inventory/sync-low-stock-alerts';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { V, ZId } from './catalog-fields';
import { ZSkuFields } from './add-sku';
import { findTakenSkuKeys, recordPriceChange, withUniqueGuard } from './sku-records';

export const ZUpdateSkuInput = ZSkuFields.and(
  z.object({
    skuId: ZId,
    /** the version the form was loaded at */
    version: z.coerce.number().int().positive(),
  }),
);
export type TUpdateSkuInput = z.output<typeof ZUpdateSkuInput>;

export type UpdateSkuError = 'not_found' | 'archived' | 'stale' | 'barcode_taken';

/**
 * Changes a SKU's barcode, price, cost, weight, low-stock threshold and on/off sale, if nobody saved it
 * since the form was loaded. A new price or cost is added to the SKU's history (orders keep their own
 * snapshot, so past margins stay as they were); a new threshold raises or resolves its alerts.
 * Failure codes: `not_found`, `archived` (archived SKUs are not edited), `stale`, `barcode_taken`.
 */
export async function updateSku(
  db: Database,
  input: TUpdateSkuInput & { actor: Actor; now?: Date },
): Promise<Result<{ version: number }, UpdateSkuError>> {
  const now = input.now ?? new Date();
  const conflict = () =>
    fail('barcode_taken' as const, 'the barcode was taken meanwhile', { barcode: [`${V}.barcodeTaken`] });
  return withUniqueGuard(conflict, () =>
    inTransaction(db, async (tx) => {
      const [before] = await tx.select().from(skus).where(eq(skus.id, input.skuId)).for('update');
      if (!before) return fail('not_found', `no SKU ${input.skuId}`);
      if (before.archivedAt)
        return fail('archived', `SKU ${before.code} is archived`, undefined, { code: before.code });
      if (before.version !== input.version)
        return fail('stale', `SKU ${before.code} changed since version ${input.version}`, undefined, {
          code: before.code,
        });
      if (input.barcode && input.barcode !== before.barcode) {
        const taken = await findTakenSkuKeys(tx, { codes: [], barcodes: [input.barcode], exceptSkuId: before.id });
        if (taken.barcodes.size > 0)
          return fail('barcode_taken', `${input.barcode} is taken`, { barcode: [`${V}.barcodeTaken`] });
      }
      const changes = {
        barcode: input.barcode,
        isBarcodeInternal: input.barcode ? input.isBarcodeInternal : false,
        priceCents: input.price,
        costCents: input.cost,
        weightGrams: input.weightGrams,
        lowStockThreshold: input.lowStockThreshold,
        isActive: input.isActive,
      };
      const [row] = await tx
        .update(skus)
        .set({ ...changes, version: sql`${skus.version} + 1`, updatedAt: now })
        .where(and(eq(skus.id, before.id), eq(skus.version, input.version)))
        .returning({ version: skus.version });
      if (!row) return fail('stale', `SKU ${before.code} changed`, undefined, { code: before.code });
      if (before.priceCents !== input.price || before.costCents !== input.cost)
        await recordPriceChange(tx, {
          skuId: before.id,
          priceCents: input.price,
          costCents: input.cost,
          previous: { priceCents: before.priceCents, costCents: before.costCents },
          actor: input.actor,
          at: now,
        });
      if (before.lowStockThreshold !== input.lowStockThreshold) {
        // the alert sync reads these levels; lock them in key order as stock changes do
        await queryRows(
          tx,
          sql`select 1 from stock_levels where sku_id = ${before.id} order by warehouse_id for update`,
        );
        await syncLowStockAlerts(tx, { skuId: before.id });
      }
      const changed = Object.fromEntries(
        Object.entries(changes).filter(([key, value]) => before[key as keyof typeof changes] !== value),
      );
      await recordAudit(tx, {
        actorType: input.actor.type,
        actorId: input.actor.id,
        action: 'catalog.sku_update',
        targetType: 'sku',
        targetId: before.id,
        details: {
          code: before.code,
          before: Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof typeof changes]])),
          after: changed,
        },
        at: now,
      });
      return ok({ version: row.version });
    }),
  );
}
