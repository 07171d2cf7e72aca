import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, skuPriceChanges, skus, type Product, type Sku, type SkuPriceChange } from '@/db/schema/catalog';

/** How many price changes the product page shows per SKU. */
export const PRICE_HISTORY_LIMIT = 20;

export interface ProductDetail {
  product: Product;
  /** archived last, then by code */
  skus: Sku[];
  /** per SKU id, newest first */
  priceHistory: Record<number, SkuPriceChange[]>;
}

/** A product with all its SKUs and their recent price and cost changes; null when there is none. */
export async function getProduct(db: Database, productId: number): Promise<ProductDetail | null> {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  if (!product) return null;
  const rows = await db.select().from(skus).where(eq(skus.productId, productId)).orderBy(asc(skus.code));
  rows.sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
  const history: Record<number, SkuPriceChange[]> = {};
  if (rows.length > 0) {
    const changes = await db
      .select()
      .from(skuPriceChanges)
      .where(
        inArray(
          skuPriceChanges.skuId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(desc(skuPriceChanges.id));
    for (const change of changes) {
      const list = (history[change.skuId] ??= []);
      if (list.length < PRICE_HISTORY_LIMIT) list.push(change);
    }
  }
  return { product, skus: rows, priceHistory: history };
}
