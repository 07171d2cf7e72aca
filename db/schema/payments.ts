import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orderLines, orders } from './orders';
import { staffUsers } from './staff';

export const paymentMethod = pgEnum('payment_method', [
  'alipay',
  'wechat_pay',
  'unionpay',
  'bank_transfer',
  'cash_on_delivery',
]);

export const paymentStatus = pgEnum('payment_status', ['pending', 'succeeded', 'failed', 'closed']);

export type PaymentCheckout =
  | { kind: 'redirect'; url: string }
  | { kind: 'qr'; codeUrl: string }
  | { kind: 'form'; action: string; fields: Record<string, string> };

/**
 * A payment attempt. An order may have several; at most one succeeds. out_trade_no is what the
 * provider knows us by, unique per attempt.
 */
export const payments = pgTable(
  'payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    method: paymentMethod('method').notNull(),
    status: paymentStatus('status').notNull().default('pending'),
    outTradeNo: text('out_trade_no').notNull(),
    /** the provider's transaction id (trade_no, transaction_id, queryId) or a manual reference */
    providerTxnId: text('provider_txn_id'),
    /** the app / merchant id the attempt was created under; notifications must name the same one */
    merchantId: text('merchant_id'),
    /** how the buyer pays this attempt: a pay URL, a QR code's text, or a form to post (no secrets) */
    checkout: jsonb('checkout').$type<PaymentCheckout>(),
    amountCents: integer('amount_cents').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('CNY'),
    /** a success that arrived for an order that can no longer take it: owed back to the buyer */
    needsRefund: boolean('needs_refund').notNull().default(false),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('payments_out_trade_no_key').on(t.outTradeNo),
    // idempotency: one payment per provider transaction
    uniqueIndex('payments_provider_txn_key')
      .on(t.method, t.providerTxnId)
      .where(sql`${t.providerTxnId} is not null`),
    // payments of an order; at most one succeeded payment counts per order (a late or second success
    // is kept too, flagged needs_refund, so money taken is never lost)
    index('payments_order_idx').on(t.orderId),
    uniqueIndex('payments_one_success_per_order')
      .on(t.orderId)
      .where(sql`${t.status} = 'succeeded' and not ${t.needsRefund}`),
    // payments list by state and date; reconciliation of stale pending attempts
    index('payments_status_created_idx').on(t.status, t.createdAt.desc()),
    // the payments list without a state filter: keyset on (created_at, id), newest first
    index('payments_created_id_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);

/** Every notification a provider sent, as received, with what verification concluded. */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    method: paymentMethod('method').notNull(),
    kind: text('kind').notNull().default('payment'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    body: text('body').notNull(),
    isVerified: boolean('is_verified').notNull(),
    outcome: text('outcome').notNull(),
    error: text('error'),
    outTradeNo: text('out_trade_no'),
    providerTxnId: text('provider_txn_id'),
    paymentId: bigint('payment_id', { mode: 'number' }).references(() => payments.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // payment detail: the notifications of one attempt
    index('payment_notifications_out_trade_no_idx').on(t.outTradeNo),
    index('payment_notifications_received_idx').on(t.receivedAt.desc()),
  ],
);

export const refundStatus = pgEnum('refund_status', ['pending', 'succeeded', 'failed']);

export const refunds = pgTable(
  'refunds',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    paymentId: bigint('payment_id', { mode: 'number' })
      .notNull()
      .references(() => payments.id),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id),
    outRefundNo: text('out_refund_no').notNull(),
    providerRefundId: text('provider_refund_id'),
    amountCents: integer('amount_cents').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('CNY'),
    status: refundStatus('status').notNull().default('pending'),
    reason: text('reason').notNull(),
    afterSalesRequestId: bigint('after_sales_request_id', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('refunds_out_refund_no_key').on(t.outRefundNo),
    // refunds of an order / payment (refundable = paid - refunded)
    index('refunds_payment_idx').on(t.paymentId),
    index('refunds_order_idx').on(t.orderId),
  ],
);

/** Which lines (and how many units) a refund covers, for refunds by line. */
export const refundLines = pgTable(
  'refund_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    refundId: bigint('refund_id', { mode: 'number' })
      .notNull()
      .references(() => refunds.id),
    orderLineId: bigint('order_line_id', { mode: 'number' })
      .notNull()
      .references(() => orderLines.id),
    quantity: integer('quantity').notNull(),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [index('refund_lines_refund_idx').on(t.refundId)],
);

export type Payment = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type PaymentNotification = typeof paymentNotifications.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type NewRefund = typeof refunds.$inferInsert;
export type PaymentMethod = (typeof paymentMethod.enumValues)[number];

/**
 * A difference between the console and a provider found by reconciliation (paid there but not
 * here, amounts that differ, a refund in another state), kept until a person resolves it.
 */
export const reconciliationIssues = pgTable(
  'reconciliation_issues',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    method: paymentMethod('method').notNull(),
    paymentId: bigint('payment_id', { mode: 'number' }).references(() => payments.id),
    refundId: bigint('refund_id', { mode: 'number' }).references(() => refunds.id),
    orderId: bigint('order_id', { mode: 'number' }).references(() => orders.id),
    /** what we hold and what the provider answered, as shown to the person resolving it */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** one open issue per finding: the job runs every minute and must not repeat itself */
    dedupeKey: text('dedupe_key').notNull(),
    isResolved: boolean('is_resolved').notNull().default(false),
    resolvedBy: bigint('resolved_by', { mode: 'number' }).references(() => staffUsers.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reconciliation_issues_dedupe_key').on(t.dedupeKey),
    // the reconciliation page: open issues first, newest first
    index('reconciliation_issues_list_idx').on(t.isResolved, t.createdAt.desc()),
  ],
);

export type ReconciliationIssue = typeof reconciliationIssues.$inferSelect;
export type RefundStatus = (typeof refundStatus.enumValues)[number];
