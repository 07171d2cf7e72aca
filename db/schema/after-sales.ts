import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { skus } from './catalog';
import { warehouses } from './inventory';
import { orderLines, orders } from './orders';
import { actorType, staffUsers } from './staff';

/** refund only 仅退款, return and refund 退货退款, exchange 换货, reship 补发 */
export const afterSalesKind = pgEnum('after_sales_kind', ['refund_only', 'return_refund', 'exchange', 'reship']);

/** The statuses of domain/after-sales/after-sales-status.ts; the transitions per kind live there. */
export const afterSalesStatus = pgEnum('after_sales_status', [
  'requested',
  'approved',
  'rejected',
  'awaiting_return',
  'return_in_transit',
  'received',
  'inspected',
  'refunding',
  'replacement_shipped',
  'completed',
  'cancelled',
  'closed',
]);

/** Feeds request numbers (AS + date + sequence). */
export const afterSalesNumberSeq = pgSequence('after_sales_number_seq', { startWith: 1000 });

/**
 * An after-sales request (售后单) of one order. Money is integer fen in the order's currency.
 * `deadlineAt` is when the current waiting status runs out (the sweep acts on it), `overdueAt`
 * when a passed deadline was flagged for a person instead.
 */
export const afterSalesRequests = pgTable(
  'after_sales_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    number: text('number').notNull(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    kind: afterSalesKind('kind').notNull(),
    status: afterSalesStatus('status').notNull().default('requested'),
    customerNote: text('customer_note'),
    /** what the buyer is told when rejected */
    rejectReason: text('reject_reason'),
    /** proposed from the lines (and inspection), finance may lower it */
    refundProposedCents: integer('refund_proposed_cents'),
    restockingFeeCents: integer('restocking_fee_cents').notNull().default(0),
    /** the refund row of domain/payments sent for this request (the last one; a failed one may be replaced) */
    refundId: bigint('refund_id', { mode: 'number' }),
    refundError: text('refund_error'),
    returnCarrierId: bigint('return_carrier_id', { mode: 'number' }),
    returnTrackingNumber: text('return_tracking_number'),
    returnShippedAt: timestamp('return_shipped_at', { withTimezone: true }),
    returnDeliveredAt: timestamp('return_delivered_at', { withTimezone: true }),
    returnSubscribedAt: timestamp('return_subscribed_at', { withTimezone: true }),
    /** exchange / reship: the outbound parcel (a shipment of the order, marked as replacement) */
    replacementShipmentId: bigint('replacement_shipment_id', { mode: 'number' }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('after_sales_number_key').on(t.number),
    check('after_sales_restocking_fee_nonneg', sql`${t.restockingFeeCents} >= 0`),
    // requests of an order (order page, what may still be requested)
    index('after_sales_order_idx').on(t.orderId),
    // queue by status, newest first (keyset on created_at, id)
    index('after_sales_status_idx').on(t.status, t.createdAt.desc(), t.id.desc()),
    // queue default view, newest first
    index('after_sales_created_idx').on(t.createdAt.desc(), t.id.desc()),
    // the queue's order: overdue first, then newest (scanned backwards; keyset on the same three)
    index('after_sales_queue_idx').on(sql`(overdue_at is not null)`, t.createdAt, t.id),
    // the deadline sweep and "overdue first": open requests by deadline
    index('after_sales_deadline_idx')
      .on(t.deadlineAt)
      .where(sql`${t.deadlineAt} is not null`),
    // receive screen: find a request by its return tracking number
    index('after_sales_return_tracking_idx')
      .on(t.returnTrackingNumber)
      .where(sql`${t.returnTrackingNumber} is not null`),
  ],
);

/**
 * A line of a request: how many units of one order line, why, and what became of them. Inspection
 * splits the received units into restocked / damaged / scrapped; missing = quantity - received.
 */
export const afterSalesLines = pgTable(
  'after_sales_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => afterSalesRequests.id),
    orderLineId: bigint('order_line_id', { mode: 'number' })
      .notNull()
      .references(() => orderLines.id),
    quantity: integer('quantity').notNull(),
    /** a code of the after_sales_reasons setting */
    reasonCode: text('reason_code').notNull(),
    /** the reason's seller-fault flag when requested (the setting may change later) */
    isSellerFault: boolean('is_seller_fault').notNull().default(false),
    note: text('note'),
    /** exchange / reship: the SKU sent (default the line's) and the warehouse its reservation holds */
    replacementSkuId: bigint('replacement_sku_id', { mode: 'number' }).references(() => skus.id),
    replacementWarehouseId: bigint('replacement_warehouse_id', { mode: 'number' }).references(() => warehouses.id),
    /** refund-only: units given up before they shipped (their reservation released; the order no longer ships them) */
    releasedQuantity: integer('released_quantity').notNull().default(0),
    receivedQuantity: integer('received_quantity'),
    restockedQuantity: integer('restocked_quantity').notNull().default(0),
    damagedQuantity: integer('damaged_quantity').notNull().default(0),
    scrappedQuantity: integer('scrapped_quantity').notNull().default(0),
    restockWarehouseId: bigint('restock_warehouse_id', { mode: 'number' }).references(() => warehouses.id),
  },
  (t) => [
    check('after_sales_lines_quantity_positive', sql`${t.quantity} > 0`),
    check(
      'after_sales_lines_dispositions',
      sql`${t.restockedQuantity} + ${t.damagedQuantity} + ${t.scrappedQuantity} <= coalesce(${t.receivedQuantity}, 0)
    and coalesce(${t.receivedQuantity}, 0) <= ${t.quantity}`,
    ),
    index('after_sales_lines_request_idx').on(t.requestId),
    // how much of an order line is already requested
    index('after_sales_lines_order_line_idx').on(t.orderLineId),
  ],
);

/** The request timeline: every transition and note (who, what, when, from, to). */
export const afterSalesEvents = pgTable(
  'after_sales_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => afterSalesRequests.id),
    /** created, status_changed, return_parcel, inspection, refund, refund_failed, overdue, note */
    kind: text('kind').notNull(),
    fromStatus: afterSalesStatus('from_status'),
    toStatus: afterSalesStatus('to_status'),
    actorType: actorType('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name'),
    message: text('message'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // timeline of a request
    index('after_sales_events_request_idx').on(t.requestId, t.id),
  ],
);

export type AfterSalesRequest = typeof afterSalesRequests.$inferSelect;
export type AfterSalesLine = typeof afterSalesLines.$inferSelect;
export type AfterSalesEvent = typeof afterSalesEvents.$inferSelect;
export type AfterSalesKind = (typeof afterSalesKind.enumValues)[number];
export type AfterSalesStatus = (typeof afterSalesStatus.enumValues)[number];
