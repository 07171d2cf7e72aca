import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { skus } from './catalog';
import { actorType, staffUsers } from './staff';

export const warehouses = pgTable(
  'warehouses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    province: text('province'),
    city: text('city'),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** ships parcels (its address and contact are the sender on labels); false: storage only */
    isShipping: boolean('is_shipping').notNull().default(true),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('warehouses_code_key').on(t.code)],
);

/**
 * Stock of one SKU in one warehouse. available = on_hand - reserved. The check constraint is the
 * last line against overselling: no statement can leave available below zero.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    skuId: bigint('sku_id', { mode: 'number' })
      .notNull()
      .references(() => skus.id),
    warehouseId: bigint('warehouse_id', { mode: 'number' })
      .notNull()
      .references(() => warehouses.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    /** bin location for pick lists, e.g. A-03-2 */
    location: text('location'),
    /** null: the SKU's threshold, then the store default */
    lowStockThreshold: integer('low_stock_threshold'),
    /** returned units kept out of sellable stock (after-sales inspection: damaged); not part of on_hand */
    nonSellable: integer('non_sellable').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.skuId, t.warehouseId] }),
    check('stock_levels_reserved_nonneg', sql`${t.reserved} >= 0`),
    check('stock_levels_available_nonneg', sql`${t.onHand} >= ${t.reserved}`),
    check('stock_levels_non_sellable_nonneg', sql`${t.nonSellable} >= 0`),
    // stock per warehouse page
    index('stock_levels_warehouse_idx').on(t.warehouseId),
  ],
);

export const stockMovementKind = pgEnum('stock_movement_kind', [
  'receive',
  'adjust',
  'reserve',
  'release',
  'ship',
  'return',
  'transfer_in',
  'transfer_out',
  // after-sales inspection: a returned unit back on sale / kept apart as damaged (non_sellable_delta)
  'restock',
  'damaged',
]);

/** The ledger: one row per change of a stock level, with the levels after it. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    skuId: bigint('sku_id', { mode: 'number' })
      .notNull()
      .references(() => skus.id),
    warehouseId: bigint('warehouse_id', { mode: 'number' })
      .notNull()
      .references(() => warehouses.id),
    kind: stockMovementKind('kind').notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    /** change of stock_levels.non_sellable (kind 'damaged') */
    nonSellableDelta: integer('non_sellable_delta').notNull().default(0),
    /**
     * The levels after the change. Null only for an order's reservation until its transaction
     * commits: the deferred trigger stock_movements_reserve_at_commit applies it then and fills
     * these in (see domain/inventory/reserve-at-commit.ts).
     */
    onHandAfter: integer('on_hand_after'),
    reservedAfter: integer('reserved_after'),
    /** per-unit cost for receipts (turnover / COGS) */
    unitCostCents: integer('unit_cost_cents'),
    orderId: bigint('order_id', { mode: 'number' }),
    documentType: text('document_type'),
    documentId: text('document_id'),
    actorType: actorType('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'stock_movements_levels_after',
      sql`(${t.onHandAfter} is not null and ${t.reservedAfter} is not null) or ${t.kind} = 'reserve'`,
    ),
    // ledger of one SKU, newest first
    index('stock_movements_sku_idx').on(t.skuId, t.warehouseId, t.id),
    // movements of one order (cancel releases what it reserved)
    index('stock_movements_order_idx').on(t.orderId),
    // turnover and velocity: shipments over a date range
    index('stock_movements_kind_time_idx').on(t.kind, t.createdAt),
  ],
);

/** A low-stock alert stays open until stock is replenished or a person acknowledges it. */
export const lowStockAlerts = pgTable(
  'low_stock_alerts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    skuId: bigint('sku_id', { mode: 'number' })
      .notNull()
      .references(() => skus.id),
    warehouseId: bigint('warehouse_id', { mode: 'number' })
      .notNull()
      .references(() => warehouses.id),
    availableAtAlert: integer('available_at_alert').notNull(),
    threshold: integer('threshold').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: bigint('acknowledged_by', { mode: 'number' }).references(() => staffUsers.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    // at most one open alert per SKU and warehouse
    uniqueIndex('low_stock_alerts_open_key')
      .on(t.skuId, t.warehouseId)
      .where(sql`${t.resolvedAt} is null and ${t.acknowledgedAt} is null`),
  ],
);

export const goodsReceipts = pgTable(
  'goods_receipts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    number: text('number').notNull(),
    warehouseId: bigint('warehouse_id', { mode: 'number' })
      .notNull()
      .references(() => warehouses.id),
    supplier: text('supplier'),
    note: text('note'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
  },
  (t) => [uniqueIndex('goods_receipts_number_key').on(t.number)],
);

export const goodsReceiptLines = pgTable(
  'goods_receipt_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    receiptId: bigint('receipt_id', { mode: 'number' })
      .notNull()
      .references(() => goodsReceipts.id),
    skuId: bigint('sku_id', { mode: 'number' })
      .notNull()
      .references(() => skus.id),
    quantity: integer('quantity').notNull(),
    unitCostCents: integer('unit_cost_cents'),
  },
  (t) => [index('goods_receipt_lines_receipt_idx').on(t.receiptId)],
);

export type Warehouse = typeof warehouses.$inferSelect;
export type StockLevel = typeof stockLevels.$inferSelect;
export type StockMovement = typeof stockMovements.$inferSelect;
export type NewStockMovement = typeof stockMovements.$inferInsert;
export type LowStockAlert = typeof lowStockAlerts.$inferSelect;
