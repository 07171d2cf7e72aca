import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { staffUsers } from './staff';

/** Store settings (auto-review rules, timeouts, default thresholds...), one JSON value per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: bigint('updated_by', { mode: 'number' }).references(() => staffUsers.id),
});

/** When each background job last ran, shown in Settings. */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastResult: jsonb('last_result'),
  lastError: text('last_error'),
});

export const importStatus = pgEnum('import_status', ['running', 'completed', 'failed']);

/** A batch import of orders from a file; rows are applied idempotently by external reference. */
export const importBatches = pgTable('import_batches', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  fileName: text('file_name').notNull(),
  format: text('format').notNull(),
  status: importStatus('status').notNull().default('running'),
  totalRows: integer('total_rows').notNull().default(0),
  importedRows: integer('imported_rows').notNull().default(0),
  failedRows: integer('failed_rows').notNull().default(0),
  errors: jsonb('errors').$type<{ row: number; message: string }[]>(),
  createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** Storefront visits, the denominator of conversion (buyers / visitors). */
export const storefrontVisits = pgTable(
  'storefront_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    visitorId: text('visitor_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id),
    channel: text('channel').notNull().default('web'),
    landingPath: text('landing_path'),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // visitors per day for conversion
    index('storefront_visits_time_idx').on(t.visitedAt),
  ],
);

export type Setting = typeof settings.$inferSelect;
export type JobRun = typeof jobRuns.$inferSelect;
export type StorefrontVisit = typeof storefrontVisits.$inferSelect;
