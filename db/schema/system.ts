import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
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

/**
 * An import's life: uploaded -> checking (the dry run) -> checked -> running (the commit) ->
 * completed; failed (the file could not be read) and cancelled end it early.
 */
export const importStatus = pgEnum('import_status', [
  'uploaded',
  'checking',
  'checked',
  'running',
  'completed',
  'failed',
  'cancelled',
]);

/** The counts a dry run finds: what a commit would do. */
export interface ImportSummary {
  orders: number;
  newOrders: number;
  identical: number;
  statusDiffers: number;
  ordersWithErrors: number;
  historical: number;
  /** ours -> theirs for orders already imported with another status (first 200) */
  differences: { externalRef: string; number: string; ours: string; theirs: string }[];
}

/**
 * A batch import of orders from a file (Taobao: its order file and item file). The bytes live in
 * import_file_chunks so any app instance can run or resume it; the job holding it beats
 * heartbeat_at, and a stale heartbeat lets another take it over.
 */
export const importBatches = pgTable('import_batches', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  fileName: text('file_name').notNull(),
  itemFileName: text('item_file_name'),
  fileBytes: bigint('file_bytes', { mode: 'number' }).notNull().default(0),
  /** the same bytes uploaded again while this one is still going are refused */
  fileSha256: text('file_sha256'),
  /** template | shopify | taobao | pinduoduo, 'unknown' until the header row is read */
  format: text('format').notNull(),
  encoding: text('encoding'),
  // no default: a new enum value cannot be used in the transaction that adds it, and migrations share one
  status: importStatus('status').notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  rowsDone: integer('rows_done').notNull().default(0),
  failedRows: integer('failed_rows').notNull().default(0),
  ordersCreated: integer('orders_created').notNull().default(0),
  /** the last file row the commit has written (orders are whole: a restart resumes after it) */
  cursorRow: integer('cursor_row').notNull().default(0),
  summary: jsonb('summary').$type<ImportSummary>(),
  failure: text('failure'),
  cancelRequested: boolean('cancel_requested').notNull().default(false),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** An uploaded file's bytes in 1 MB pieces, in order (file_no 0: the order file, 1: Taobao's item file). */
export const importFileChunks = pgTable(
  'import_file_chunks',
  {
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    fileNo: smallint('file_no').notNull(),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.fileNo, t.seq] })],
);

/** What is wrong with a row of an import, where: the file's row number and its own column header. */
export const importRowErrors = pgTable(
  'import_row_errors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    column: text('column').notNull(),
    code: text('code').notNull(),
    value: text('value'),
    externalRef: text('external_ref'),
  },
  (t) => [index('import_row_errors_batch_row_idx').on(t.batchId, t.row)],
);

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
export type ImportBatch = typeof importBatches.$inferSelect;
export type StorefrontVisit = typeof storefrontVisits.$inferSelect;
