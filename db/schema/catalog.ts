import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { actorType } from './staff';

/** The category tree: a category under its parent (null: a top-level category). */
export const productCategories = pgTable(
  'product_categories',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => productCategories.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one name per level of the tree (the category picker and the import look a name up under its parent)
    uniqueIndex('product_categories_parent_name_key').on(sql`coalesce(${t.parentId}, 0)`, t.name),
  ],
);

/** A spec attribute of a product and the values its SKUs are generated from (颜色: 红, 蓝). */
export interface SpecAttribute {
  name: string;
  values: string[];
}

export const products = pgTable('products', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  /** the category's path as shown (服饰 / T恤), kept beside category_id for lists and snapshots */
  category: text('category').notNull(),
  categoryId: bigint('category_id', { mode: 'number' }).references(() => productCategories.id),
  brand: text('brand'),
  description: text('description'),
  /** on sale (在售) or off sale (停售) */
  isActive: boolean('is_active').notNull().default(true),
  specAttributes: jsonb('spec_attributes').$type<SpecAttribute[]>().notNull().default([]),
  /** optimistic version: an edit names the version it started from */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A sellable variant. Prices and costs are integer minor units (fen) in `currency`. */
export const skus = pgTable(
  'skus',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    variant: text('variant'),
    /** the SKU's value of each of its product's spec attributes ({颜色: 红, 尺码: M}) */
    specValues: jsonb('spec_values').$type<Record<string, string>>().notNull().default({}),
    barcode: text('barcode'),
    /** the barcode is the store's own code, not an EAN-13 / UPC-A (no check digit to verify) */
    isBarcodeInternal: boolean('is_barcode_internal').notNull().default(false),
    priceCents: integer('price_cents').notNull(),
    costCents: integer('cost_cents').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('CNY'),
    weightGrams: integer('weight_grams').notNull().default(0),
    /** null: use the store default threshold */
    lowStockThreshold: integer('low_stock_threshold'),
    leadTimeDays: integer('lead_time_days').notNull().default(7),
    /** on sale; an archived SKU is never on sale again */
    isActive: boolean('is_active').notNull().default(true),
    /** archived: out of the catalog and the pickers for good (kept: orders and the ledger refer to it) */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // SKU lookup by code (order entry, import, search)
    uniqueIndex('skus_code_key').on(t.code),
    // scanner lookups by barcode; a barcode names one SKU
    uniqueIndex('skus_barcode_key')
      .on(t.barcode)
      .where(sql`${t.barcode} is not null`),
    index('skus_product_idx').on(t.productId),
    check('skus_price_nonneg', sql`${t.priceCents} >= 0 and ${t.costCents} >= 0`),
    check('skus_archived_inactive', sql`${t.archivedAt} is null or not ${t.isActive}`),
  ],
);

/** Price and cost of a SKU over time: one row per change (and one for the first price), with who and when. */
export const skuPriceChanges = pgTable(
  'sku_price_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    skuId: bigint('sku_id', { mode: 'number' })
      .notNull()
      .references(() => skus.id),
    priceCents: integer('price_cents').notNull(),
    costCents: integer('cost_cents').notNull(),
    /** null on the first row */
    previousPriceCents: integer('previous_price_cents'),
    previousCostCents: integer('previous_cost_cents'),
    actorType: actorType('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a SKU's price history, newest first
    index('sku_price_changes_sku_idx').on(t.skuId, t.id),
  ],
);

export type ProductCategory = typeof productCategories.$inferSelect;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type Sku = typeof skus.$inferSelect;
export type NewSku = typeof skus.$inferInsert;
export type SkuPriceChange = typeof skuPriceChanges.$inferSelect;
