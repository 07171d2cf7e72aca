/** What a person reads about a product or SKU: on sale (在售), off sale (停售), or archived (SKUs only). */
export const CATALOG_STATUSES = ['on_sale', 'off_sale', 'archived'] as const;
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];

/** A product's or SKU's status from its columns (archived wins: an archived SKU is never on sale). */
export function catalogStatus(record: { isActive: boolean; archivedAt?: Date | null }): CatalogStatus {
  if (record.archivedAt) return 'archived';
  return record.isActive ? 'on_sale' : 'off_sale';
}
