import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { recomputeCustomers, recomputeDays } from './rollup-sql';
import { arrayLiteral, storeDay } from './store-day';

/** The analytics rollups' cursor in change_log_cursors. */
export const ANALYTICS_CONSUMER = 'analytics';

/** How many change rows one transaction applies; the job loops over batches. */
const BATCH_ROWS = 2_000;
/** Batches one job run applies at most, so a backlog never holds the scheduler for long. */
const MAX_BATCHES = 50;

export interface RefreshResult {
  /** change rows applied */
  changes: number;
  /** store days recomputed (a day counted once per batch) */
  days: number;
  customers: number;
  /** true when there was no cursor yet and everything was rebuilt */
  rebuilt: boolean;
}

/**
 * Brings the rollups up to date with the change record (the `refresh_analytics` job, and the Analytics page before
 * it reads).
 *
 * Why a transaction id and not the row id is the watermark: ids come from a sequence when the row is written, not
 * when it commits, so a transaction that wrote id 10 may commit after another's id 11 was read; a watermark of 11
 * would skip 10 forever. Instead each run reads the oldest transaction of this database still running (readHorizon),
 * applies only rows of transactions older than that (all finished: committed and visible, or rolled back and gone)
 * in (xid, id) order, and keeps the last (xid, id) applied. A row written later always comes from a transaction at
 * or above that horizon, so it sorts after the cursor. The price: a long transaction in this database delays the
 * rollups (never loses a change).
 *
 * With `skipIfBusy` (the page) a run already under way is not waited for.
 */
export async function refreshAnalyticsRollups(
  db: Database,
  options: { skipIfBusy?: boolean; maxBatches?: number } = {},
): Promise<RefreshResult> {
  const total: RefreshResult = { changes: 0, days: 0, customers: 0, rebuilt: false };
  for (let batch = 0; batch < (options.maxBatches ?? MAX_BATCHES); batch += 1) {
    const step = await db.transaction(async (tx) => applyOneBatch(tx as unknown as Database, options.skipIfBusy));
    total.changes += step.changes;
    total.days += step.days;
    total.customers += step.customers;
    total.rebuilt ||= step.rebuilt;
    if (step.rebuilt || step.changes < BATCH_ROWS) break;
  }
  return total;
}

async function applyOneBatch(tx: Database, skipIfBusy = false): Promise<RefreshResult> {
  const none = { changes: 0, days: 0, customers: 0, rebuilt: false };
  // the cursor row is the lock: two instances never apply the same batch. A new cursor (last_id -1) asks for a
  // rebuild first: the base tables may hold orders from before the change record existed.
  await tx.execute(
    sql`insert into change_log_cursors (consumer, xid, last_id) values (${ANALYTICS_CONSUMER}, '0'::xid8, -1)
        on conflict (consumer) do nothing`,
  );
  const [cursor] = await queryRows<{ xid: string; last_id: string }>(
    tx,
    sql`select xid::text as xid, last_id::text as last_id from change_log_cursors
        where consumer = ${ANALYTICS_CONSUMER} for update ${skipIfBusy ? sql`skip locked` : sql``}`,
  );
  if (!cursor) return none; // another run holds it
  if (cursor.last_id === '-1') {
    await rebuildInTransaction(tx);
    return { ...none, rebuilt: true };
  }
  const horizon = await readHorizon(tx);
  const rows = await queryRows<{
    id: string;
    xid: string;
    entity: string;
    order_ids: string;
    customer_ids: string | null;
  }>(
    tx,
    sql`select id::text as id, xid::text as xid, entity, order_ids::text as order_ids, customer_ids::text as customer_ids
        from change_log
        where (xid, id) > (${cursor.xid}::xid8, ${cursor.last_id}::bigint) and xid < ${horizon}::xid8
        order by xid, id
        limit ${BATCH_ROWS}`,
  );
  if (rows.length === 0) return none;

  // a refund moves only the days refunds completed on; any other change also the day its order was placed and the
  // order's customer (the refund days too: the order's channel, province or payment method may have changed)
  const orderIds = new Set<number>();
  const refundedOrderIds = new Set<number>();
  const customerIds = new Set<number>();
  for (const row of rows) {
    for (const id of parseIds(row.order_ids)) (row.entity === 'refunds' ? refundedOrderIds : orderIds).add(id);
    for (const id of parseIds(row.customer_ids)) customerIds.add(id);
  }
  const orderList = arrayLiteral([...orderIds]);
  const refundOrderList = arrayLiteral([...orderIds, ...refundedOrderIds]);
  const touched = await queryRows<{ day: string | null; customer_id: string | null }>(
    tx,
    sql`select to_char(${storeDay(sql`o.placed_at`)}, 'YYYY-MM-DD') as day, o.customer_id::text as customer_id
        from orders o where o.id = any(${orderList}::bigint[])
        union
        select to_char(${storeDay(sql`r.completed_at`)}, 'YYYY-MM-DD'), null
        from refunds r where r.order_id = any(${refundOrderList}::bigint[]) and r.completed_at is not null`,
  );
  const days = new Set<string>();
  for (const row of touched) {
    if (row.day) days.add(row.day);
    if (row.customer_id) customerIds.add(Number(row.customer_id));
  }
  await recomputeDays(tx, [...days].sort());
  await recomputeCustomers(tx, [...customerIds]);
  const last = rows[rows.length - 1];
  await tx.execute(
    sql`update change_log_cursors set xid = ${last.xid}::xid8, last_id = ${last.id}::bigint, updated_at = now()
        where consumer = ${ANALYTICS_CONSUMER}`,
  );
  return { changes: rows.length, days: days.size, customers: customerIds.size, rebuilt: false };
}

/**
 * Recomputes every rollup from the base tables (`npm run analytics:rebuild`) and moves the cursor to the oldest
 * running transaction: every change of an older one is in what was just read; a younger one's rows sort after the
 * cursor and are applied again by the next refresh (recomputing is idempotent).
 */
export async function rebuildAnalyticsRollups(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await t.execute(
      sql`insert into change_log_cursors (consumer, xid, last_id) values (${ANALYTICS_CONSUMER}, '0'::xid8, -1)
          on conflict (consumer) do nothing`,
    );
    await t.execute(sql`select 1 from change_log_cursors where consumer = ${ANALYTICS_CONSUMER} for update`);
    await rebuildInTransaction(t);
  });
  // fresh statistics, so the reports' plans fit the new row counts at once
  await db.execute(
    sql`analyze analytics_daily_orders, analytics_daily_sku_sales, analytics_daily_refunds, analytics_customers, analytics_customer_days`,
  );
}

async function rebuildInTransaction(tx: Database): Promise<void> {
  // read before the base tables: whatever committed before this is surely in what the rebuild reads
  const horizon = await readHorizon(tx);
  await recomputeDays(tx, 'all');
  await recomputeCustomers(tx, 'all');
  await tx.execute(
    sql`insert into change_log_cursors (consumer, xid, last_id) values (${ANALYTICS_CONSUMER}, ${horizon}::xid8, 0)
        on conflict (consumer) do update set xid = excluded.xid, last_id = 0, updated_at = now()`,
  );
}

/**
 * The oldest transaction of THIS database still running, or the next transaction id when none is: every change
 * row of an older transaction is final. The snapshot's own xmin would do, but xids are server-wide, so a long
 * transaction in another database on the same server (a bulk load, a backup) would hold the rollups back. A
 * transaction has an xid only once it writes, and writing locks the relation until it ends: the running xids of
 * the snapshot whose transaction holds a relation lock in this database are this database's writers (joined on
 * virtualtransaction, which prepared transactions keep too).
 */
async function readHorizon(tx: Database): Promise<string> {
  const [{ horizon }] = await queryRows<{ horizon: string }>(
    tx,
    sql`select coalesce(
          (select min(x) from pg_snapshot_xip(pg_current_snapshot()) x
           where (x::text::bigint % 4294967296) in (
             select t.transactionid::text::bigint from pg_locks t
             where t.locktype = 'transactionid' and t.virtualtransaction in (
               select r.virtualtransaction from pg_locks r
               where r.locktype = 'relation'
                 and r.database = (select oid from pg_database where datname = current_database())))),
          pg_snapshot_xmax(pg_current_snapshot()))::text as horizon`,
  );
  return horizon;
}

function parseIds(text: string | null): number[] {
  if (!text || text === '{}') return [];
  return text
    .slice(1, -1)
    .split(',')
    .filter((part) => part !== 'NULL')
    .map(Number);
}
