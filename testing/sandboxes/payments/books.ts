import { randomBytes, randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { isSafeText } from '@/domain/shared/safe-text';
import {
  ensureSandboxTables,
  sandboxRefunds,
  sandboxTrades,
  type SandboxRefund,
  type SandboxTransaction,
} from './schema';

export type { SandboxRefund, SandboxTransaction } from './schema';

/** A trade token as a provider hands one out: 144 random bits, URL-safe, never sequential. */
export function newSandboxTradeId(): string {
  return randomBytes(18).toString('base64url');
}

export const SANDBOX_TRADE_ID = /^[A-Za-z0-9_-]{24}$/;

/** The sandbox's record of what a merchant asked it to collect (first request wins, as at a real provider). */
export async function recordSandboxTrade(
  db: Database,
  input: {
    provider: ProviderMethod;
    merchantId: string;
    outTradeNo: string;
    amountCents: number;
    subject: string;
    notifyUrl: string;
    returnUrl: string | null;
  },
): Promise<{ ok: true; trade: SandboxTransaction } | { ok: false; reason: 'different_amount' }> {
  await ensureSandboxTables(db);
  await db
    .insert(sandboxTrades)
    .values({ id: newSandboxTradeId(), ...input })
    .onConflictDoNothing();
  const [trade] = await db
    .select()
    .from(sandboxTrades)
    .where(and(eq(sandboxTrades.provider, input.provider), eq(sandboxTrades.outTradeNo, input.outTradeNo)));
  // a provider refuses the same out_trade_no with other terms (Alipay ACQ.CONTEXT_INCONSISTENT)
  if (trade.amountCents !== input.amountCents || trade.merchantId !== input.merchantId)
    return { ok: false, reason: 'different_amount' };
  return { ok: true, trade };
}

export async function findSandboxTrade(
  db: Database,
  provider: ProviderMethod,
  outTradeNo: string,
): Promise<SandboxTransaction | undefined> {
  // an id PostgreSQL cannot even compare (U+0000) names no trade, as at the provider
  if (!isSafeText(outTradeNo)) return undefined;
  await ensureSandboxTables(db);
  const [trade] = await db
    .select()
    .from(sandboxTrades)
    .where(and(eq(sandboxTrades.provider, provider), eq(sandboxTrades.outTradeNo, outTradeNo)));
  return trade;
}

export async function getSandboxTrade(db: Database, id: string): Promise<SandboxTransaction | undefined> {
  if (!SANDBOX_TRADE_ID.test(id)) return undefined;
  await ensureSandboxTables(db);
  const [trade] = await db.select().from(sandboxTrades).where(eq(sandboxTrades.id, id));
  return trade;
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/** Provider-shaped transaction ids: Alipay 28 digits, WeChat Pay 28 digits (4200...), UnionPay queryId 21 digits. */
function newTradeNo(provider: ProviderMethod, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  if (provider === 'alipay') return `${day}22001${digits(15)}`;
  if (provider === 'wechat_pay') return `4200${digits(6)}${day}${digits(10)}`;
  return digits(21);
}

/** The buyer paid or failed: an open trade is settled once; a settled one stays as it is. */
export async function settleSandboxTrade(
  db: Database,
  id: string,
  outcome: 'paid' | 'failed' | 'closed',
  now = new Date(),
): Promise<SandboxTransaction | undefined> {
  const current = await getSandboxTrade(db, id);
  if (!current) return undefined;
  const [settled] = await db
    .update(sandboxTrades)
    .set({
      status: outcome,
      tradeNo: current.tradeNo ?? newTradeNo(current.provider as ProviderMethod, now),
      paidAt: outcome === 'paid' ? now : null,
    })
    .where(and(eq(sandboxTrades.id, id), eq(sandboxTrades.status, 'open')))
    .returning();
  return settled ?? (await getSandboxTrade(db, id));
}

export async function noteNotifyAnswer(db: Database, id: string, answer: string): Promise<void> {
  await db
    .update(sandboxTrades)
    .set({ lastNotifyAnswer: answer.slice(0, 200) })
    .where(eq(sandboxTrades.id, id));
}

// ---- refunds ----

/** A refund reason containing this makes the sandbox refuse the refund, to try the failure path. */
export const SANDBOX_FAIL_MARK = 'SANDBOX_FAIL';

/** A provider-style id: prefix + digits. */
export function sandboxId(prefix: string, count = 20): string {
  return `${prefix}${digits(count)}`;
}

/** The refund the sandbox already holds under this out_refund_no (a resend), if any. */
export async function findSandboxRefund(
  db: Database,
  method: ProviderMethod,
  outRefundNo: string,
): Promise<SandboxRefund | undefined> {
  if (!isSafeText(outRefundNo)) return undefined;
  await ensureSandboxTables(db);
  const [row] = await db
    .select()
    .from(sandboxRefunds)
    .where(and(eq(sandboxRefunds.method, method), eq(sandboxRefunds.outRefundNo, outRefundNo)));
  return row;
}

/** Refunded so far for a trade (refunds the sandbox did not refuse). */
export async function refundedForTrade(db: Database, method: ProviderMethod, outTradeNo: string): Promise<number> {
  await ensureSandboxTables(db);
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${sandboxRefunds.amountCents}), 0)` })
    .from(sandboxRefunds)
    .where(
      and(
        eq(sandboxRefunds.method, method),
        eq(sandboxRefunds.outTradeNo, outTradeNo),
        sql`${sandboxRefunds.status} in ('SUCCESS', 'PROCESSING', '00')`,
      ),
    );
  return Number(row?.total ?? 0);
}

/** Records a refund once per out_refund_no; a concurrent resend gets the first one back. */
export async function recordSandboxRefund(
  db: Database,
  row: Omit<SandboxRefund, 'id' | 'createdAt'>,
): Promise<{ refund: SandboxRefund; isNew: boolean }> {
  await ensureSandboxTables(db);
  const [inserted] = await db.insert(sandboxRefunds).values(row).onConflictDoNothing().returning();
  if (inserted) return { refund: inserted, isNew: true };
  const existing = await findSandboxRefund(db, row.method as ProviderMethod, row.outRefundNo);
  if (!existing) throw new Error('sandbox refund vanished');
  return { refund: existing, isNew: false };
}
