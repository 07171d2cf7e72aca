import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { paymentMethod, payments, paymentStatus, type PaymentMethod } from '@/db/schema/payments';
import { shanghaiDayStart } from '@/domain/orders/list-orders';
import { ZDay, type RejectedParam, type SearchParamsInput } from '@/domain/orders/order-list-filters';

/**
 * The payments list's filters as they travel in the URL (?method=alipay&state=succeeded&from=...)
 * and the list itself: newest attempts first, keyset pages on (created_at, id).
 */
export const PAYMENT_METHODS = paymentMethod.enumValues;
export const PAYMENT_STATES = paymentStatus.enumValues;
export const PAYMENTS_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

const ZCursor = z.object({
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: z.number().int().positive(),
});

export const ZPaymentListFilters = z.object({
  method: z.enum(PAYMENT_METHODS).optional(),
  state: z.enum(PAYMENT_STATES).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  cursor: ZCursor.optional(),
});
export type TPaymentListFilters = z.infer<typeof ZPaymentListFilters>;

export function encodePaymentCursor(cursor: z.infer<typeof ZCursor>): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

function decodePaymentCursor(value: string): z.infer<typeof ZCursor> | null {
  try {
    const parts: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 2) return null;
    const parsed = ZCursor.safeParse({ createdAt: parts[0], id: parts[1] });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Parses untrusted search params; a bad value is dropped and returned in `rejected` for a message. */
export function parsePaymentListParams(params: SearchParamsInput): {
  filters: TPaymentListFilters;
  rejected: RejectedParam[];
} {
  const rejected: RejectedParam[] = [];
  const read = (name: string): string | undefined => {
    const raw = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const single = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    rejected.push({ param: name, value: raw.slice(0, 120), reason: 'invalid' });
    return undefined;
  };
  const method = single('method', z.enum(PAYMENT_METHODS));
  const state = single('state', z.enum(PAYMENT_STATES));
  const from = single('from', ZDay);
  let to = single('to', ZDay);
  if (from && to && from > to) {
    rejected.push({ param: 'to', value: to, reason: 'reversed_range' });
    to = undefined;
  }
  const rawCursor = read('cursor');
  const cursor = rawCursor && rawCursor.length <= 200 ? decodePaymentCursor(rawCursor) : null;
  if (rawCursor && !cursor) rejected.push({ param: 'cursor', value: rawCursor.slice(0, 120), reason: 'invalid' });
  return { filters: ZPaymentListFilters.parse({ method, state, from, to, cursor: cursor ?? undefined }), rejected };
}

/** The filters as search params (links), with a cursor when given. */
export function paymentListSearchParams(filters: TPaymentListFilters, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.method) params.set('method', filters.method);
  if (filters.state) params.set('state', filters.state);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (cursor) params.set('cursor', cursor);
  return params;
}

export interface PaymentListRow {
  id: number;
  orderId: number;
  orderNumber: string;
  method: PaymentMethod;
  status: (typeof PAYMENT_STATES)[number];
  outTradeNo: string;
  providerTxnId: string | null;
  amountCents: number;
  currency: string;
  /** pending + succeeded refunds of this payment */
  refundedCents: number;
  needsRefund: boolean;
  createdAt: Date;
  paidAt: Date | null;
}

const createdAtKey = sql<string>`to_char(${payments.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One page of payments (newest first) and the cursor of the next page, if any. */
export async function listPayments(
  db: Database,
  filters: TPaymentListFilters,
  pageSize = PAYMENTS_PAGE_SIZE,
): Promise<{ rows: PaymentListRow[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filters.method) conditions.push(eq(payments.method, filters.method));
  if (filters.state) conditions.push(eq(payments.status, filters.state));
  if (filters.from) conditions.push(gte(payments.createdAt, shanghaiDayStart(filters.from)));
  if (filters.to) conditions.push(lt(payments.createdAt, new Date(shanghaiDayStart(filters.to).getTime() + DAY_MS)));
  if (filters.cursor)
    conditions.push(
      sql`(${payments.createdAt}, ${payments.id}) < (${filters.cursor.createdAt}::timestamptz, ${filters.cursor.id}::bigint)`,
    );
  const rows = await db
    .select({
      id: payments.id,
      orderId: payments.orderId,
      orderNumber: orders.number,
      method: payments.method,
      status: payments.status,
      outTradeNo: payments.outTradeNo,
      providerTxnId: payments.providerTxnId,
      amountCents: payments.amountCents,
      currency: payments.currency,
      refundedCents: sql<number>`(select coalesce(sum(r.amount_cents), 0)::int from refunds r where r.payment_id = ${payments.id} and r.status <> 'failed')`,
      needsRefund: payments.needsRefund,
      createdAt: payments.createdAt,
      paidAt: payments.paidAt,
      createdAtKey,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(sql`${payments.createdAt} desc nulls last`, sql`${payments.id} desc nulls last`)
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({ ...withoutKey(row), refundedCents: Number(row.refundedCents) })),
    nextCursor:
      rows.length > pageSize && last ? encodePaymentCursor({ createdAt: last.createdAtKey, id: last.id }) : null,
  };
}

function withoutKey<T extends { createdAtKey: string }>(row: T): Omit<T, 'createdAtKey'> {
  const copy: Partial<T> = { ...row };
  delete copy.createdAtKey;
  return copy as Omit<T, 'createdAtKey'>;
}
