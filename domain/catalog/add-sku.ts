import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';
import { inTransaction } from '@/domain/shared/transaction';
import {
  MAX_THRESHOLD,
  MAX_WEIGHT_GRAMS,
  optionalText,
  V,
  wholeNumber,
  ZBarcodeFields,
  ZCheckbox,
  ZId,
  ZSkuCode,
  ZYuan,
} from './catalog-fields';
import { findTakenSkuKeys, recordPriceChange, withUniqueGuard } from './sku-records';

/** What a person sets on one SKU (adding one, or editing it). */
export const ZSkuFields = ZBarcodeFields.and(
  z.object({
    price: ZYuan,
    cost: ZYuan,
    weightGrams: wholeNumber(0, MAX_WEIGHT_GRAMS, 0),
    lowStockThreshold: wholeNumber(0, MAX_THRESHOLD, null),
    isActive: ZCheckbox,
  }),
);

export const ZAddSkuInput = ZSkuFields.and(
  z.object({
    productId: ZId,
    code: ZSkuCode,
    /** a value for each of the product's spec attributes */
    specValues: z.record(safeText(), safeText().trim().max(40, `${V}.tooLong`)).default({}),
    /** for a product without spec attributes: the variant's name as people read it */
    variant: optionalText(80),
  }),
);
export type TAddSkuInput = z.output<typeof ZAddSkuInput>;

export type AddSkuError = 'not_found' | 'code_taken' | 'barcode_taken' | 'variant_exists' | 'invalid';

/**
 * Adds one SKU to a product. With spec attributes, every attribute needs a value and the combination
 * must be new among the product's SKUs that are not archived. Failure codes: `not_found`, `invalid`
 * (fieldErrors), `code_taken`, `barcode_taken`, `variant_exists`.
 */
export async function addSku(
  db: Database,
  input: TAddSkuInput & { actor: Actor; now?: Date },
): Promise<Result<{ skuId: number }, AddSkuError>> {
  const now = input.now ?? new Date();
  const conflict = () =>
    fail('code_taken' as const, 'the code or barcode was taken meanwhile', { code: [`${V}.codeTaken`] });
  return withUniqueGuard(conflict, () =>
    inTransaction(db, async (tx) => {
      const [product] = await tx.select().from(products).where(eq(products.id, input.productId)).for('update');
      if (!product) return fail('not_found', `no product ${input.productId}`);
      const specValues: Record<string, string> = {};
      const missing: Record<string, string[]> = {};
      for (const attribute of product.specAttributes) {
        const value = input.specValues[attribute.name]?.trim() ?? '';
        if (value === '') missing[`specValues.${attribute.name}`] = [`${V}.specValue`];
        else specValues[attribute.name] = value;
      }
      if (Object.keys(missing).length > 0) return fail('invalid', 'every spec attribute needs a value', missing);
      const label = product.specAttributes.length > 0 ? Object.values(specValues).join(' / ') : input.variant;
      const siblings = await tx
        .select({ specValues: skus.specValues, variant: skus.variant, archivedAt: skus.archivedAt })
        .from(skus)
        .where(eq(skus.productId, product.id));
      if (siblings.some((s) => s.archivedAt === null && (s.variant ?? '') === (label ?? '')))
        return fail('variant_exists', `${label} exists`, { variant: [`${V}.variantExists`] }, { variant: label ?? '' });

      const taken = await findTakenSkuKeys(tx, { codes: [input.code], barcodes: input.barcode ? [input.barcode] : [] });
      if (taken.codes.size > 0)
        return fail('code_taken', `${input.code} is taken`, { code: [`${V}.codeTaken`] }, { codes: input.code });
      if (taken.barcodes.size > 0)
        return fail('barcode_taken', `${input.barcode} is taken`, { barcode: [`${V}.barcodeTaken`] });

      const [row] = await tx
        .insert(skus)
        .values({
          productId: product.id,
          code: input.code,
          name: product.name,
          variant: label,
          specValues,
          barcode: input.barcode,
          isBarcodeInternal: input.isBarcodeInternal,
          priceCents: input.price,
          costCents: input.cost,
          weightGrams: input.weightGrams,
          lowStockThreshold: input.lowStockThreshold,
          isActive: input.isActive,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: skus.id });
      await recordPriceChange(tx, {
        skuId: row.id,
        priceCents: input.price,
        costCents: input.cost,
        actor: input.actor,
        at: now,
      });
      await recordAudit(tx, {
        actorType: input.actor.type,
        actorId: input.actor.id,
        action: 'catalog.sku_create',
        targetType: 'sku',
        targetId: row.id,
        details: {
          productId: product.id,
          code: input.code,
          variant: label,
          barcode: input.barcode,
          priceCents: input.price,
          costCents: input.cost,
        },
        at: now,
      });
      return ok({ skuId: row.id });
    }),
  );
}
