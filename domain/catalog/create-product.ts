import { z } from 'zod';
import type { Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';
import { inTransaction } from '@/domain/shared/transaction';
import { findCategory } from './categories';
import {
  MAX_THRESHOLD,
  MAX_WEIGHT_GRAMS,
  optionalText,
  V,
  wholeNumber,
  ZCheckbox,
  ZId,
  ZSkuCode,
  ZYuan,
} from './catalog-fields';
import { findTakenSkuKeys, recordPriceChange, withUniqueGuard } from './sku-records';
import { countVariants, generateVariants, MAX_GENERATED_VARIANTS, parseSpecValues } from './variants';

/** The product fields a person edits (create and edit share them). */
export const ZProductFields = z.object({
  name: safeText().trim().min(1, `${V}.productName`).max(120, `${V}.productName`),
  categoryId: ZId,
  brand: optionalText(60),
  description: optionalText(2000),
  isActive: ZCheckbox,
});

const ZSpecAttribute = z
  .object({
    name: safeText().trim().max(20, `${V}.attributeName`),
    /** the values as typed: "红, 蓝" */
    values: safeText().trim().max(500, `${V}.tooLong`).transform(parseSpecValues),
  })
  .superRefine((attribute, ctx) => {
    // a row left blank is dropped; a half-filled one is an error
    if (attribute.name === '' && attribute.values.length > 0)
      ctx.addIssue({ code: 'custom', path: ['name'], message: `${V}.attributeName` });
    if (attribute.name !== '' && attribute.values.length === 0)
      ctx.addIssue({ code: 'custom', path: ['values'], message: `${V}.attributeValues` });
  });

export const ZCreateProductInput = ZProductFields.extend({
  /** the SKU codes are this code and the variant's number: BASE-01 */
  baseCode: ZSkuCode,
  attributes: z
    .array(ZSpecAttribute)
    .max(3)
    .default([])
    .transform((list) => list.filter((a) => a.name !== '' || a.values.length > 0)),
  price: ZYuan,
  cost: ZYuan,
  weightGrams: wholeNumber(0, MAX_WEIGHT_GRAMS, 0),
  lowStockThreshold: wholeNumber(0, MAX_THRESHOLD, null),
}).superRefine((input, ctx) => {
  const names = new Set<string>();
  input.attributes.forEach((attribute, index) => {
    if (names.has(attribute.name))
      ctx.addIssue({ code: 'custom', path: ['attributes', index, 'name'], message: `${V}.attributeRepeated` });
    names.add(attribute.name);
  });
  if (countVariants(input.attributes) > MAX_GENERATED_VARIANTS)
    ctx.addIssue({ code: 'custom', path: ['attributes'], message: `${V}.tooManyVariants` });
});
export type TCreateProductInput = z.output<typeof ZCreateProductInput>;

export type CreateProductError = 'category_not_found' | 'code_taken';

/**
 * Creates a product and its SKUs, one per combination of the spec attributes' values (颜色 x 尺码),
 * coded BASE-01, BASE-02 ..., all at the given price and cost; each SKU's first price starts its
 * history. One transaction: a taken code leaves nothing behind. Failure codes: `category_not_found`,
 * `code_taken` (params.codes lists them).
 */
export async function createProduct(
  db: Database,
  input: TCreateProductInput & { actor: Actor; now?: Date },
): Promise<Result<{ productId: number; skuIds: number[] }, CreateProductError>> {
  const now = input.now ?? new Date();
  const category = await findCategory(db, input.categoryId);
  if (!category)
    return fail('category_not_found', `no category ${input.categoryId}`, { categoryId: [`${V}.category`] });
  const variants = generateVariants(input.attributes, input.baseCode);
  const conflict = () =>
    fail('code_taken', 'a SKU code was taken meanwhile', { baseCode: [`${V}.codeTaken`] }, { codes: '' });
  return withUniqueGuard(conflict, () =>
    inTransaction(db, async (tx) => {
      const taken = await findTakenSkuKeys(tx, { codes: variants.map((v) => v.code), barcodes: [] });
      if (taken.codes.size > 0) {
        const codes = [...taken.codes].join(', ');
        return fail('code_taken', `SKU codes taken: ${codes}`, { baseCode: [`${V}.codeTaken`] }, { codes });
      }
      const [product] = await tx
        .insert(products)
        .values({
          name: input.name,
          category: category.path,
          categoryId: category.id,
          brand: input.brand,
          description: input.description,
          isActive: input.isActive,
          specAttributes: input.attributes,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: products.id });
      const rows = await tx
        .insert(skus)
        .values(
          variants.map((variant) => ({
            productId: product.id,
            code: variant.code,
            name: input.name,
            variant: variant.label || null,
            specValues: variant.specValues,
            priceCents: input.price,
            costCents: input.cost,
            weightGrams: input.weightGrams,
            lowStockThreshold: input.lowStockThreshold,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: skus.id, code: skus.code });
      for (const row of rows)
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
        action: 'catalog.product_create',
        targetType: 'product',
        targetId: product.id,
        details: {
          name: input.name,
          category: category.path,
          skus: rows.map((r) => r.code),
          priceCents: input.price,
          costCents: input.cost,
        },
        at: now,
      });
      return ok({ productId: product.id, skuIds: rows.map((r) => r.id) });
    }),
  );
}
