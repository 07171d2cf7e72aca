import {
  bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { skus } from './catalog';
import { orderLines, orders } from './orders';
import { actorType, staffUsers } from './staff';

export const afterSalesKind = pgEnum('after_sales_kind', ['return', 'exchange', 'refund_only']);

export const afterSalesStatus = pgEnum('after_sales_status', [
  'requested', 'approved', 'rejected', 'awaiting_return', 'received', 'refunding', 'completed', 'cancelled',
]);

export const afterSalesRequests = pgTable('after_sales_requests', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  number: text('number').notNull(),
  orderId: bigint('order_id', { mode: 'number' }).notNull().references(() => orders.id),
  kind: afterSalesKind('kind').notNull(),
  status: afterSalesStatus('status').notNull().default('requested'),
  reason: text('reason').notNull(),
  customerNote: text('customer_note'),
  refundAmountCents: integer('refund_amount_cents').notNull().default(0),
  returnTrackingNumber: text('return_tracking_number'),
  createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('after_sales_number_key').on(t.number),
  // after-sales of an order
  index('after_sales_order_idx').on(t.orderId),
  // after-sales queue by status
  index('after_sales_status_idx').on(t.status, t.createdAt.desc()),
]);

export const afterSalesLines = pgTable('after_sales_lines', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => afterSalesRequests.id),
  orderLineId: bigint('order_line_id', { mode: 'number' }).notNull().references(() => orderLines.id),
  quantity: integer('quantity').notNull(),
  /** put returned units back into sellable stock */
  restock: boolean('restock').notNull().default(true),
  /** for exchanges: the SKU sent instead */
  exchangeSkuId: bigint('exchange_sku_id', { mode: 'number' }).references(() => skus.id),
}, (t) => [index('after_sales_lines_request_idx').on(t.requestId)]);

export const afterSalesEvents = pgTable('after_sales_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => afterSalesRequests.id),
  fromStatus: afterSalesStatus('from_status'),
  toStatus: afterSalesStatus('to_status'),
  actorType: actorType('actor_type').notNull(),
  actorId: bigint('actor_id', { mode: 'number' }),
  message: text('message'),
  details: jsonb('details').$type<Record<string, unknown>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('after_sales_events_request_idx').on(t.requestId, t.id)]);

export type AfterSalesRequest = typeof afterSalesRequests.$inferSelect;
export type AfterSalesLine = typeof afterSalesLines.$inferSelect;
