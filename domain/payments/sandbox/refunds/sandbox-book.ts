import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { PaymentMethod } from '@/db/schema/payments';
import { sandboxRefunds, type SandboxRefund } from '@/db/schema/payments';
import type { GatewayRequest, GatewayResponse } from '@/domain/payments/refunds/providers/types';

/** What a sandbox endpoint answers, and the notification it sends afterwards (if the provider does). */
export interface SandboxExchange {
  response: GatewayResponse;
  notification?: GatewayRequest;
}

/** A refund reason containing this makes the sandbox refuse the refund, to try the failure path. */
export const SANDBOX_FAIL_MARK = 'SANDBOX_FAIL';

/** A provider-style id: prefix + digits. */
export function sandboxId(prefix: string, digits = 20): string {
  let id = prefix;
  while (id.length < prefix.length + digits) id += String(randomInt(10));
  return id;
}

/** The refund the sandbox already holds under this out_refund_no (a resend), if any. */
export async function findSandboxRefund(db: Database, method: PaymentMethod, outRefundNo: string): Promise<SandboxRefund | undefined> {
  const [row] = await db.select().from(sandboxRefunds).where(and(eq(sandboxRefunds.method, method), eq(sandboxRefunds.outRefundNo, outRefundNo)));
  return row;
}

/** Refunded so far for a trade (refunds the sandbox did not refuse). */
export async function refundedForTrade(db: Database, method: PaymentMethod, outTradeNo: string): Promise<number> {
  const [row] = await db.select({ total: sql<string>`coalesce(sum(${sandboxRefunds.amountCents}), 0)` }).from(sandboxRefunds)
    .where(and(eq(sandboxRefunds.method, method), eq(sandboxRefunds.outTradeNo, outTradeNo), sql`${sandboxRefunds.status} in ('SUCCESS', 'PROCESSING')`));
  return Number(row?.total ?? 0);
}

/** Records a refund once per out_refund_no; a concurrent resend gets the first one back. */
export async function recordSandboxRefund(db: Database, row: Omit<SandboxRefund, 'id' | 'createdAt'>): Promise<{ refund: SandboxRefund; isNew: boolean }> {
  const [inserted] = await db.insert(sandboxRefunds).values(row).onConflictDoNothing().returning();
  if (inserted) return { refund: inserted, isNew: true };
  const existing = await findSandboxRefund(db, row.method, row.outRefundNo);
  if (!existing) throw new Error('sandbox refund vanished');
  return { refund: existing, isNew: false };
}

export const header = (headers: Record<string, string>, name: string) => {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
};
