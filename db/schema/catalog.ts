import { bigint, boolean, char, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const products = pgTable('products', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  brand: text('brand'),
  description: text('description'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
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
    barcode: text('barcode'),
    priceCents: integer('price_cents').notNull(),
    costCents: integer('cost_cents').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('CNY'),
    weightGrams: integer('weight_grams').notNull().default(0),
    /** null: use the store default threshold */
    lowStockThreshold: integer('low_stock_threshold'),
    leadTimeDays: integer('lead_time_days').notNull().default(7),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // SKU lookup by code (order entry, import, search)
    uniqueIndex('skus_code_key').on(t.code),
    index('skus_product_idx').on(t.productId),
  ],
);

export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type Sku = typeof skus.$inferSelect;
export type NewSku = typeof skus.$inferInsert;
