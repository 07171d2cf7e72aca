import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { findCategory } from './categories';
import { V, ZId } from './catalog-fields';
import { ZProductFields } from './create-product';

export const ZUpdateProductInput = ZProductFields.extend({
  productId: ZId,
  /** the version the form was loaded at */
  version: z.coerce.number().int().positive(),
});
export type TUpdateProductInput = z.output<typeof ZUpdateProductInput>;

/**
 * Changes a product's name, category, brand, description and on/off sale, if nobody changed it since
 * the form was loaded. A renamed product renames its SKUs (orders keep the name they were placed with).
 * Failure codes: `not_found`, `category_not_found`, `stale` (someone saved first: reload).
 */
export async function updateProduct(
  db: Database,
  input: TUpdateProductInput & { actor: Actor; now?: Date },
): Promise<Result<{ version: number }, 'not_found' | 'category_not_found' | 'stale'>> {
  const now = input.now ?? new Date();
  const category = await findCategory(db, input.categoryId);
  if (!category)
    return fail('category_not_found', `no category ${input.categoryId}`, { categoryId: [`${V}.category`] });
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(products).where(eq(products.id, input.productId)).for('update');
    if (!before) return fail('not_found', `no product ${input.productId}`);
    const changes = {
      name: input.name,
      category: category.path,
      categoryId: category.id,
      brand: input.brand,
      description: input.description,
      isActive: input.isActive,
    };
    const [row] = await tx
      .update(products)
      .set({ ...changes, version: sql`${products.version} + 1`, updatedAt: now })
      .where(and(eq(products.id, input.productId), eq(products.version, input.version)))
      .returning({ version: products.version });
    if (!row) return fail('stale', `product ${input.productId} changed since version ${input.version}`);
    if (before.name !== input.name)
      await tx.update(skus).set({ name: input.name, updatedAt: now }).where(eq(skus.productId, input.productId));
    await recordAudit(tx, {
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: 'catalog.product_update',
      targetType: 'product',
      targetId: input.productId,
      details: {
        before: {
          name: before.name,
          category: before.category,
          brand: before.brand,
          description: before.description,
          isActive: before.isActive,
        },
        after: { ...changes, categoryId: undefined },
      },
      at: now,
    });
    return ok({ version: row.version });
  });
}
