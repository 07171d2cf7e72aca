import { and, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { skuPriceChanges, skus } from '@/db/schema/catalog';
import type { Actor } from '@/domain/shared/actor';
import { isUniqueViolation } from '@/domain/shared/database-errors';
import type { Fail } from '@/domain/shared/result';

/**
 * Which of these SKU codes and barcodes another SKU already has (archived ones too: a code or
 * barcode is never reused, since old orders and labels still name it).
 */
export async function findTakenSkuKeys(
  db: Database,
  keys: { codes: readonly string[]; barcodes: readonly string[]; exceptSkuId?: number },
): Promise<{ codes: Set<string>; barcodes: Set<string> }> {
  const codes = [...new Set(keys.codes)];
  const barcodes = [...new Set(keys.barcodes)];
  if (codes.length === 0 && barcodes.length === 0) return { codes: new Set(), barcodes: new Set() };
  const match = or(
    codes.length ? inArray(skus.code, codes) : sql`false`,
    barcodes.length ? inArray(skus.barcode, barcodes) : sql`false`,
  );
  const rows = await db
    .select({ code: skus.code, barcode: skus.barcode })
    .from(skus)
    .where(keys.exceptSkuId ? and(match, ne(skus.id, keys.exceptSkuId)) : match);
  return {
    codes: new Set(rows.map((r) => r.code).filter((c) => codes.includes(c))),
    barcodes: new Set(rows.map((r) => r.barcode).filter((b): b is string => b !== null && barcodes.includes(b))),
  };
}

/** Appends a row to a SKU's price and cost history (inside the change's transaction). */
export async function recordPriceChange(
  db: Database,
  change: {
    skuId: number;
    priceCents: number;
    costCents: number;
    previous?: { priceCents: number; costCents: number };
    actor: Actor;
    at: Date;
  },
): Promise<void> {
  await db.insert(skuPriceChanges).values({
    skuId: change.skuId,
    priceCents: change.priceCents,
    costCents: change.costCents,
    previousPriceCents: change.previous?.priceCents ?? null,
    previousCostCents: change.previous?.costCents ?? null,
    actorType: change.actor.type,
    actorId: change.actor.id,
    actorName: change.actor.name,
    changedAt: change.at,
  });
}

/**
 * Runs a write whose codes and barcodes were checked first; if another write took one between the
 * check and the insert, the unique index refuses it and the person gets `conflict()`, not an error page.
 */
export async function withUniqueGuard<T, C extends string>(
  conflict: () => Fail<C>,
  write: () => Promise<T>,
): Promise<T | Fail<C>> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return conflict();
    throw error;
  }
}
