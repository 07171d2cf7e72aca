import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { skus } from '@/db/schema/catalog';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { ZId } from './catalog-fields';

export const ZArchiveSkuInput = z.object({ skuId: ZId });
export type TArchiveSkuInput = z.output<typeof ZArchiveSkuInput>;

/**
 * Archives a SKU: off sale for good, out of the catalog's pickers and the order form. The row stays,
 * since orders, the ledger and after-sales requests refer to it (SKUs are never deleted). Stock it
 * still holds stays on the books and can be adjusted away. Failure codes: `not_found`, `already_archived`.
 */
export async function archiveSku(
  db: Database,
  input: TArchiveSkuInput & { actor: Actor; now?: Date },
): Promise<Result<{ code: string }, 'not_found' | 'already_archived'>> {
  const now = input.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(skus)
      .set({ archivedAt: now, isActive: false, version: sql`${skus.version} + 1`, updatedAt: now })
      .where(and(eq(skus.id, input.skuId), isNull(skus.archivedAt)))
      .returning({ code: skus.code });
    if (!row) {
      const [exists] = await tx.select({ code: skus.code }).from(skus).where(eq(skus.id, input.skuId));
      return exists
        ? fail('already_archived', `${exists.code} is archived`, undefined, { code: exists.code })
        : fail('not_found', `no SKU ${input.skuId}`);
    }
    await recordAudit(tx, {
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: 'catalog.sku_archive',
      targetType: 'sku',
      targetId: input.skuId,
      details: { code: row.code },
      at: now,
    });
    return ok({ code: row.code });
  });
}
