import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { safeText } from '@/domain/shared/safe-text';
import { queryRows, type Database } from '@/db/client';
import type { AfterSalesKind, AfterSalesStatus } from '@/db/schema/after-sales';
import { shanghaiDayStart } from '@/domain/orders/list-orders';
import { AFTER_SALES_KINDS, AFTER_SALES_STATUSES } from './after-sales-status';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Each filter once, strictly (the REST API refuses a bad value); the queue's URL drops bad ones instead. */
const FILTER_FIELDS = {
  kind: z.enum(AFTER_SALES_KINDS),
  status: z.enum(AFTER_SALES_STATUSES),
  /** a reason code on any of the request's lines */
  reason: safeText().trim().min(1).max(40),
  overdue: z.enum(['1']),
  /** open requests whose deadline falls within the next 24 hours (not yet overdue) */
  due: z.enum(['1']),
  /** created on or after / on or before this day (YYYY-MM-DD, China time) */
  from: safeText().regex(DAY),
  to: safeText().regex(DAY),
  /** order number, recipient phone or return tracking number */
  q: safeText().trim().min(1).max(60),
  /** keyset cursor: "<overdue 0|1>.<created_at ISO>.<id>" of the last row shown */
  after: safeText()
    .max(80)
    .regex(/^[01]\.[0-9T:.\-Z+]+\.\d+$/),
};
type FilterField = keyof typeof FILTER_FIELDS;
export const AFTER_SALES_FILTER_NAMES = Object.keys(FILTER_FIELDS) as FilterField[];

/** The filters checked strictly: every field optional, unknown fields refused. */
export const ZAfterSalesQuery = z.strictObject(FILTER_FIELDS).partial();

/** The queue's filters, as they live in the URL (every field optional; bad values are dropped). */
export const ZAfterSalesFilters = z.object({
  kind: FILTER_FIELDS.kind.optional().catch(undefined),
  status: FILTER_FIELDS.status.optional().catch(undefined),
  reason: FILTER_FIELDS.reason.optional().catch(undefined),
  overdue: FILTER_FIELDS.overdue.optional().catch(undefined),
  due: FILTER_FIELDS.due.optional().catch(undefined),
  from: FILTER_FIELDS.from.optional().catch(undefined),
  to: FILTER_FIELDS.to.optional().catch(undefined),
  q: FILTER_FIELDS.q.optional().catch(undefined),
  after: FILTER_FIELDS.after.optional().catch(undefined),
} satisfies Record<FilterField, z.ZodType>);
export type TAfterSalesFilters = z.infer<typeof ZAfterSalesFilters>;

export interface AfterSalesRow {
  id: number;
  number: string;
  kind: AfterSalesKind;
  status: AfterSalesStatus;
  orderId: number;
  orderNumber: string;
  shipName: string;
  units: number;
  refundProposedCents: number | null;
  currency: string;
  returnTrackingNumber: string | null;
  deadlineAt: Date | null;
  overdueAt: Date | null;
  createdAt: Date;
}

export const AFTER_SALES_PAGE_SIZE = 50;

/** The queue's order: overdue requests first, then newest (after_sales_queue_idx, scanned backwards). */
const IS_OVERDUE = sql`(r.overdue_at is not null)`;

/**
 * The queue's one statement for these filters (the benchmark replays it raw). A search looks each
 * kind of reference up by its own index (request number, return tracking number, order number,
 * recipient phone) and the list takes those ids, instead of one OR across the join.
 */
export function buildAfterSalesListQuery(filters: TAfterSalesFilters): SQL {
  const where: SQL[] = [sql`true`];
  if (filters.kind) where.push(sql`r.kind = ${filters.kind}`);
  if (filters.status) where.push(sql`r.status = ${filters.status}`);
  if (filters.overdue) where.push(sql`r.overdue_at is not null`);
  if (filters.due)
    where.push(
      sql`r.overdue_at is null and r.deadline_at is not null and r.deadline_at <= now() + interval '24 hours'`,
    );
  if (filters.reason)
    where.push(
      sql`exists (select 1 from after_sales_lines rl where rl.request_id = r.id and rl.reason_code = ${filters.reason})`,
    );
  if (filters.from) where.push(sql`r.created_at >= ${shanghaiDayStart(filters.from).toISOString()}::timestamptz`);
  if (filters.to) {
    const end = new Date(shanghaiDayStart(filters.to).getTime() + 86_400_000);
    where.push(sql`r.created_at < ${end.toISOString()}::timestamptz`);
  }
  if (filters.q) {
    const q = filters.q.toUpperCase();
    where.push(sql`r.id = any(array(
      select s.id from after_sales_requests s where s.number = ${q}
      union all select s.id from after_sales_requests s where s.return_tracking_number = ${q}
      union all select s.id from after_sales_requests s join orders so on so.id = s.order_id
        where so.number = ${q} or so.ship_phone = ${filters.q}))`);
  }
  if (filters.after) {
    const [flag, ...rest] = filters.after.split('.');
    const id = Number(rest.pop());
    const createdAt = rest.join('.');
    where.push(sql`(${IS_OVERDUE}, r.created_at, r.id) < (${flag === '1'}, ${createdAt}::timestamptz, ${id})`);
  }
  return sql`
    select r.id, r.number, r.kind, r.status, r.order_id, o.number as order_number, o.ship_name, o.currency,
      r.refund_proposed_cents, r.return_tracking_number, r.deadline_at, r.overdue_at, r.created_at,
      (select coalesce(sum(al.quantity), 0) from after_sales_lines al where al.request_id = r.id)::int as units
    from after_sales_requests r join orders o on o.id = r.order_id
    where ${sql.join(where, sql` and `)}
    order by ${IS_OVERDUE} desc, r.created_at desc, r.id desc
    limit ${AFTER_SALES_PAGE_SIZE + 1}`;
}

/**
 * The after-sales queue: overdue requests first, then newest first, keyset pages of 50 on
 * (overdue, created_at, id) so deep pages cost what the first does.
 */
export async function listAfterSales(
  db: Database,
  filters: TAfterSalesFilters,
): Promise<{ rows: AfterSalesRow[]; next: string | null }> {
  const rows = await queryRows<Record<string, unknown>>(db, buildAfterSalesListQuery(filters));
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  const mapped: AfterSalesRow[] = rows.slice(0, AFTER_SALES_PAGE_SIZE).map((r) => ({
    id: Number(r.id),
    number: String(r.number),
    kind: r.kind as AfterSalesKind,
    status: r.status as AfterSalesStatus,
    orderId: Number(r.order_id),
    orderNumber: String(r.order_number),
    shipName: String(r.ship_name),
    units: Number(r.units),
    refundProposedCents: r.refund_proposed_cents === null ? null : Number(r.refund_proposed_cents),
    currency: String(r.currency),
    returnTrackingNumber: (r.return_tracking_number as string | null) ?? null,
    deadlineAt: date(r.deadline_at),
    overdueAt: date(r.overdue_at),
    createdAt: date(r.created_at)!,
  }));
  const last = mapped.at(-1);
  const next =
    rows.length > AFTER_SALES_PAGE_SIZE && last
      ? `${last.overdueAt ? 1 : 0}.${last.createdAt.toISOString()}.${last.id}`
      : null;
  return { rows: mapped, next };
}
