import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';

/**
 * The sandbox aggregator's own tables, in its own Postgres schema: the production schema and its
 * migrations know nothing of them. {@link ensureSandboxTables} creates them on first use.
 */
export const kuaidi100Sandbox = pgSchema('kuaidi100_sandbox');

/** A parcel subscribed to the offline Kuaidi100 stand-in, and the script it plays. */
export const kuaidi100SandboxParcels = kuaidi100Sandbox.table(
  'parcels',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    company: text('company').notNull(),
    number: text('number').notNull(),
    callbackUrl: text('callback_url').notNull(),
    salt: text('salt').notNull(),
    /** delivered, refused or problem: chosen by the tracking number's last digit */
    script: text('script').notNull(),
    subscribedAt: timestamp('subscribed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('parcels_number_key').on(t.company, t.number)],
);

/** The pushes the sandbox owes, one per step of a parcel's script, swept when due. */
export const kuaidi100SandboxPushes = kuaidi100Sandbox.table(
  'pushes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    parcelId: bigint('parcel_id', { mode: 'number' })
      .notNull()
      .references(() => kuaidi100SandboxParcels.id),
    step: integer('step').notNull(),
    /** the Kuaidi100 state this step reports */
    stateCode: integer('state_code').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** a sender holds the push until then (a lease, so a crashed sender's push is retried) */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('pushes_step_key').on(t.parcelId, t.step),
    // the sender sweep: unsent pushes by due time
    index('pushes_due_idx')
      .on(t.dueAt)
      .where(sql`${t.sentAt} is null`),
  ],
);

// the same tables as above, as idempotent DDL (PGlite and PostgreSQL alike), one statement each
const DDL = [
  'create schema if not exists kuaidi100_sandbox',
  `create table if not exists kuaidi100_sandbox.parcels (
    id bigint primary key generated always as identity, company text not null, number text not null,
    callback_url text not null, salt text not null, script text not null,
    subscribed_at timestamptz not null default now())`,
  'create unique index if not exists parcels_number_key on kuaidi100_sandbox.parcels (company, number)',
  `create table if not exists kuaidi100_sandbox.pushes (
    id bigint primary key generated always as identity,
    parcel_id bigint not null references kuaidi100_sandbox.parcels (id), step integer not null,
    state_code integer not null, due_at timestamptz not null, locked_until timestamptz,
    attempts integer not null default 0, sent_at timestamptz, last_error text)`,
  'create unique index if not exists pushes_step_key on kuaidi100_sandbox.pushes (parcel_id, step)',
  'create index if not exists pushes_due_idx on kuaidi100_sandbox.pushes (due_at) where sent_at is null',
];

// an arbitrary constant: servers starting together create the schema one after another
const DDL_LOCK_KEY = 73_100_042;

const ready = new WeakMap<Database, Promise<void>>();

/** Creates the sandbox's schema and tables when missing; once per database object, safe to race. */
export function ensureSandboxTables(db: Database): Promise<void> {
  let pending = ready.get(db);
  if (!pending) {
    pending = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${DDL_LOCK_KEY})`);
      for (const statement of DDL) await tx.execute(sql.raw(statement));
    });
    // a failed attempt is not remembered: the next call tries again
    pending.catch(() => ready.delete(db));
    ready.set(db, pending);
  }
  return pending;
}
