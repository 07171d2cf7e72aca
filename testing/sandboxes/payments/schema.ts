import { sql } from 'drizzle-orm';
import { bigint, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';

/**
 * The sandbox's own books, in its own Postgres schema: never part of the production schema or its
 * migrations. The tables are created (idempotently) the first time a sandbox touches a database.
 */
const sandbox = pgSchema('payments_sandbox');

/** What each "provider" was asked to collect and what the buyer did on its pay page. */
export const sandboxTrades = sandbox.table('trades', {
  /** unguessable, as a real provider's trade token: it is the cashier page's address */
  id: text('id').primaryKey(),
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
  /** what the merchant's webhook answered to the last notification */
  lastNotifyAnswer: text('last_notify_answer'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  paidAt: timestamp('paid_at', { withTimezone: true }),
});
export type SandboxTransaction = typeof sandboxTrades.$inferSelect;

/** Refunds the sandbox accepted (idempotent on out_refund_no; a trade's refunds never above its total). */
export const sandboxRefunds = sandbox.table('refunds', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  method: text('method').notNull(),
  outTradeNo: text('out_trade_no').notNull(),
  outRefundNo: text('out_refund_no').notNull(),
  providerRefundId: text('provider_refund_id').notNull(),
  amountCents: integer('amount_cents').notNull(),
  status: text('status').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type SandboxRefund = typeof sandboxRefunds.$inferSelect;

const DDL = [
  sql`create schema if not exists payments_sandbox`,
  sql`create table if not exists payments_sandbox.trades (
    id text primary key, provider text not null, merchant_id text not null, out_trade_no text not null, trade_no text,
    amount_cents integer not null, currency text not null default 'CNY', subject text not null, status text not null default 'open',
    notify_url text not null, return_url text, last_notify_answer text,
    created_at timestamptz not null default now(), paid_at timestamptz)`,
  // the query endpoints look a trade up by merchant order number
  sql`create unique index if not exists trades_provider_out_trade_no_key on payments_sandbox.trades (provider, out_trade_no)`,
  sql`create table if not exists payments_sandbox.refunds (
    id bigint generated always as identity primary key, method text not null, out_trade_no text not null, out_refund_no text not null,
    provider_refund_id text not null, amount_cents integer not null, status text not null, created_at timestamptz not null default now())`,
  // a resent refund request with the same out_refund_no is the same refund
  sql`create unique index if not exists refunds_out_refund_no_key on payments_sandbox.refunds (method, out_refund_no)`,
  sql`create index if not exists refunds_trade_idx on payments_sandbox.refunds (method, out_trade_no)`,
];

const ready = new WeakMap<object, Promise<void>>();

async function createTables(db: Database): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      for (const statement of DDL) await db.execute(statement);
      return;
    } catch (error) {
      // two servers creating the schema at once: one of them loses the race on the catalog; the second try finds it
      if (attempt >= 3) throw error;
    }
  }
}

/** Creates the sandbox's tables once per database handle (idempotent DDL, safe on PGlite and PostgreSQL). */
export function ensureSandboxTables(db: Database): Promise<void> {
  let promise = ready.get(db);
  if (!promise) {
    promise = createTables(db);
    promise.catch(() => ready.delete(db));
    ready.set(db, promise);
  }
  return promise;
}
