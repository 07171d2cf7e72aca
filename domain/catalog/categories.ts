import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { productCategories } from '@/db/schema/catalog';
import type { Actor } from '@/domain/shared/actor';
import { isUniqueViolation } from '@/domain/shared/database-errors';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';
import { MAX_CATEGORY_DEPTH } from './category-depth';
import { V, ZId } from './catalog-fields';

export { MAX_CATEGORY_DEPTH };

export interface CategoryOption {
  id: number;
  parentId: number | null;
  name: string;
  /** names from the top down: "服饰 / 上装" */
  path: string;
  depth: number;
}

/** The whole tree, depth first, each category after its parent, siblings by name. */
export async function listCategories(db: Database): Promise<CategoryOption[]> {
  const rows = await db
    .select({ id: productCategories.id, parentId: productCategories.parentId, name: productCategories.name })
    .from(productCategories)
    .orderBy(asc(productCategories.name), asc(productCategories.id));
  const children = new Map<number | null, typeof rows>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const out: CategoryOption[] = [];
  const visit = (parentId: number | null, prefix: string, depth: number) => {
    for (const row of children.get(parentId) ?? []) {
      const path = prefix ? `${prefix} / ${row.name}` : row.name;
      out.push({ ...row, path, depth });
      visit(row.id, path, depth + 1);
    }
  };
  visit(null, '', 0);
  return out;
}

export const ZCreateCategoryInput = z.object({
  name: safeText().trim().min(1, `${V}.categoryName`).max(40, `${V}.categoryName`),
  parentId: z
    .union([z.literal(''), ZId])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
});
export type TCreateCategoryInput = z.output<typeof ZCreateCategoryInput>;

/** Failure codes: `parent_not_found`, `too_deep` (past MAX_CATEGORY_DEPTH), `name_taken` (same name under the parent). */
export async function createCategory(
  db: Database,
  input: TCreateCategoryInput & { actor: Actor },
): Promise<Result<CategoryOption, 'parent_not_found' | 'too_deep' | 'name_taken'>> {
  const tree = await listCategories(db);
  const parent = input.parentId === null ? null : tree.find((c) => c.id === input.parentId);
  if (parent === undefined) return fail('parent_not_found', `no category ${input.parentId}`);
  if (parent && parent.depth + 1 >= MAX_CATEGORY_DEPTH)
    return fail('too_deep', 'categories go three levels deep', undefined, { max: MAX_CATEGORY_DEPTH });
  if (tree.some((c) => c.parentId === input.parentId && c.name === input.name))
    return fail('name_taken', `${input.name} exists`, { name: [`${V}.categoryTaken`] }, { name: input.name });
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(productCategories)
        .values({ name: input.name, parentId: input.parentId })
        .returning();
      await recordAudit(tx as unknown as Database, {
        actorType: input.actor.type,
        actorId: input.actor.id,
        action: 'catalog.category_create',
        targetType: 'product_category',
        targetId: row.id,
        details: { name: row.name, parentId: row.parentId },
      });
      return ok({
        id: row.id,
        parentId: row.parentId,
        name: row.name,
        path: parent ? `${parent.path} / ${row.name}` : row.name,
        depth: parent ? parent.depth + 1 : 0,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return fail('name_taken', `${input.name} exists`, { name: [`${V}.categoryTaken`] }, { name: input.name });
    throw error;
  }
}

/** One category with its path, or undefined. */
export async function findCategory(db: Database, id: number): Promise<CategoryOption | undefined> {
  const [exists] = await db
    .select({ id: productCategories.id })
    .from(productCategories)
    .where(eq(productCategories.id, id));
  if (!exists) return undefined;
  return (await listCategories(db)).find((c) => c.id === id);
}
