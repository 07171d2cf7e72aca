import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { orderSource } from './orders';

/** PostgreSQL's 64-bit transaction id (pg_current_xact_id()), carried as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * The change record: every statement that changes orders, order lines, payments or refunds appends ONE row here
 * from a statement-level trigger (migration 0010's hand-written tail), in the same transaction as the change.
 * Readers (the analytics rollups; later outbound webhooks) consume it by transaction id, never by id alone: see
 * domain/analytics/refresh-rollups.ts for why.
 */
export const changeLog = pgTable(
  'change_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** the writing transaction (top level, savepoints included) */
    xid: xid8('xid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    /** the table changed: orders, order_lines, payments, refunds */
    entity: text('entity').notNull(),
    /** INSERT, UPDATE or DELETE */
    op: text('op').notNull(),
    /** the orders the statement touched */
    orderIds: bigint('order_ids', { mode: 'number' }).array().notNull(),
    /** for changes of orders: their customers, before and after (an edit may move an order to another customer) */
    customerIds: bigint('customer_ids', { mode: 'number' }).array(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // consumers read (xid, id) above their watermark and below the oldest running transaction
    index('change_log_xid_idx').on(t.xid, t.id),
  ],
);

/** How far each consumer of the change record has read: everything at or below (xid, last_id) is applied. */
export const changeLogCursors = pgTable('change_log_cursors', {
  consumer: text('consumer').primaryKey(),
  xid: xid8('xid').notNull(),
  lastId: bigint('last_id', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Daily order facts: one row per store day (Asia/Shanghai) x currency x channel x province x payment method,
 * over orders that are not cancelled, by the day they were placed. Money in minor units.
 */
export const analyticsDailyOrders = pgTable(
  'analytics_daily_orders',
  {
    day: date('day', { mode: 'string' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    source: orderSource('source').notNull(),
    province: text('province').notNull(),
    /** the method of the order's succeeded payment, or 'none' while it has none */
    paymentMethod: text('payment_method').notNull(),
    orders: integer('orders').notNull(),
    units: bigint('units', { mode: 'number' }).notNull(),
    grossCents: bigint('gross_cents', { mode: 'number' }).notNull(),
    discountCents: bigint('discount_cents', { mode: 'number' }).notNull(),
    shippingCents: bigint('shipping_cents', { mode: 'number' }).notNull(),
    taxCents: bigint('tax_cents', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.currency, t.source, t.province, t.paymentMethod] })],
);

/** Daily SKU facts: units and gross per store day x currency x SKU code x channel x province (orders not cancelled). */
export const analyticsDailySkuSales = pgTable(
  'analytics_daily_sku_sales',
  {
    day: date('day', { mode: 'string' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    skuCode: text('sku_code').notNull(),
    source: orderSource('source').notNull(),
    province: text('province').notNull(),
    units: bigint('units', { mode: 'number' }).notNull(),
    grossCents: bigint('gross_cents', { mode: 'number' }).notNull(),
    lineDiscountCents: bigint('line_discount_cents', { mode: 'number' }).notNull(),
    costCents: bigint('cost_cents', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.currency, t.skuCode, t.source, t.province] })],
);

/**
 * Daily refund facts: succeeded refunds by the store day they completed (Shopify's "returns are counted on the
 * day they were refunded"), with the dimensions of their order.
 */
export const analyticsDailyRefunds = pgTable(
  'analytics_daily_refunds',
  {
    day: date('day', { mode: 'string' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    source: orderSource('source').notNull(),
    province: text('province').notNull(),
    paymentMethod: text('payment_method').notNull(),
    refunds: integer('refunds').notNull(),
    refundCents: bigint('refund_cents', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.currency, t.source, t.province, t.paymentMethod] })],
);

/** Each customer's lifetime figures over orders not cancelled: first order, count, money spent (order totals). */
export const analyticsCustomers = pgTable(
  'analytics_customers',
  {
    customerId: bigint('customer_id', { mode: 'number' }).primaryKey(),
    firstOrderAt: timestamp('first_order_at', { withTimezone: true }).notNull(),
    firstOrderDay: date('first_order_day', { mode: 'string' }).notNull(),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true }).notNull(),
    orders: integer('orders').notNull(),
    totalSpentCents: bigint('total_spent_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    // new customers in a period
    index('analytics_customers_first_day_idx').on(t.firstOrderDay),
  ],
);

/** Orders per customer per store day (not cancelled): distinct and returning customers of a period. */
export const analyticsCustomerDays = pgTable(
  'analytics_customer_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    orders: integer('orders').notNull(),
    /** the customer's order day before this one (null: this is the first), and the one after (null: the last) */
    prevDay: date('prev_day', { mode: 'string' }),
    nextDay: date('next_day', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.customerId] }),
    // customers and returning customers of a period (sales-report.ts): one index-only range scan, no grouping
    index('analytics_customer_days_window_idx').on(t.day, t.prevDay, t.nextDay, t.orders),
    // recomputing one customer's days
    index('analytics_customer_days_customer_idx').on(t.customerId),
  ],
);

export type ChangeLogRow = typeof changeLog.$inferSelect;
