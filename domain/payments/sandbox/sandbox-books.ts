import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { sandboxTransactions, type SandboxTransaction } from '@/db/schema/payment-sandbox';
import type { ProviderMethod } from '../payment-methods-config';

/** The sandbox's record of what a merchant asked it to collect (first request wins, as at a real provider). */
export async function recordSandboxTrade(db: Database, input: {
  provider: ProviderMethod; merchantId: string; outTradeNo: string; amountCents: number; subject: string; notifyUrl: string; returnUrl: string | null;
}): Promise<{ ok: true; trade: SandboxTransaction } | { ok: false; reason: 'different_amount' }> {
  await db.insert(sandboxTransactions).values(input).onConflictDoNothing();
  const [trade] = await db.select().from(sandboxTransactions)
    .where(and(eq(sandboxTransactions.provider, input.provider), eq(sandboxTransactions.outTradeNo, input.outTradeNo)));
  // a provider refuses the same out_trade_no with other terms (Alipay ACQ.CONTEXT_INCONSISTENT)
  if (trade.amountCents !== input.amountCents || trade.merchantId !== input.merchantId) return { ok: false, reason: 'different_amount' };
  return { ok: true, trade };
}

export async function findSandboxTrade(db: Database, provider: ProviderMethod, outTradeNo: string): Promise<SandboxTransaction | undefined> {
  const [trade] = await db.select().from(sandboxTransactions)
    .where(and(eq(sandboxTransactions.provider, provider), eq(sandboxTransactions.outTradeNo, outTradeNo)));
  return trade;
}

export async function getSandboxTrade(db: Database, id: number): Promise<SandboxTransaction | undefined> {
  const [trade] = await db.select().from(sandboxTransactions).where(eq(sandboxTransactions.id, id));
  return trade;
}

/** Provider-shaped transaction ids: Alipay 28 digits, WeChat Pay 28 digits (4200...), UnionPay queryId 21 digits. */
function newTradeNo(provider: ProviderMethod, at: Date): string {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  if (provider === 'alipay') return `${day}22001${digits(15)}`;
  if (provider === 'wechat_pay') return `4200${digits(6)}${day}${digits(10)}`;
  return `${digits(21)}`;
}

/** The buyer paid or failed: an open trade is settled once; a settled one stays as it is. */
export async function settleSandboxTrade(db: Database, id: number, outcome: 'paid' | 'failed' | 'closed', now = new Date()): Promise<SandboxTransaction | undefined> {
  const [current] = await db.select().from(sandboxTransactions).where(eq(sandboxTransactions.id, id));
  if (!current) return undefined;
  const [settled] = await db.update(sandboxTransactions).set({
    status: outcome, tradeNo: current.tradeNo ?? newTradeNo(current.provider as ProviderMethod, now), paidAt: outcome === 'paid' ? now : null,
  }).where(and(eq(sandboxTransactions.id, id), eq(sandboxTransactions.status, 'open'))).returning();
  return settled ?? (await getSandboxTrade(db, id));
}

export async function noteNotifyAnswer(db: Database, id: number, answer: string): Promise<void> {
  await db.update(sandboxTransactions).set({ lastNotifyAnswer: sql`${answer.slice(0, 200)}` }).where(eq(sandboxTransactions.id, id));
}
