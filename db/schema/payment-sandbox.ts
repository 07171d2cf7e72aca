import {
  bigint, integer, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The built-in provider sandbox's own books: what each "provider" was asked to collect and what
 * the buyer did on its pay page. Status queries are answered from here, never from our payments.
 */
export const sandboxTransactions = pgTable('sandbox_transactions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  provider: text('provider').notNull(),
  merchantId: text('merchant_id').notNull(),
  outTradeNo: text('out_trade_no').notNull(),
  /** the provider's transaction id, assigned when the buyer pays */
  tradeNo: text('trade_no'),
  amountCents: integer('amount_cents').notNull(),
  currency: text('currency').notNull().default('CNY'),
  subject: text('subject').notNull(),
  /** open (waiting for the buyer), paid, failed, closed */
  status: text('status').notNull().default('open'),
  notifyUrl: text('notify_url').notNull(),
  returnUrl: text('return_url'),
  /** what our webhook answered to the last notification */
  lastNotifyAnswer: text('last_notify_answer'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  paidAt: timestamp('paid_at', { withTimezone: true }),
}, (t) => [
  // the query endpoints look a trade up by merchant order number
  uniqueIndex('sandbox_transactions_provider_out_trade_no_key').on(t.provider, t.outTradeNo),
]);

export type SandboxTransaction = typeof sandboxTransactions.$inferSelect;
