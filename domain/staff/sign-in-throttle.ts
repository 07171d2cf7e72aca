import { and, asc, eq, gt, exists, not } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { signInAttempts } from '@/db/schema/staff';

/** Failures older than this no longer count against an address. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** From this many recent failures on, every further attempt waits first. */
export const DELAY_AFTER_FAILURES = 5;
/** From this many recent failures on, attempts are refused outright until old ones age out. */
export const REFUSE_AFTER_FAILURES = 20;
export const MAX_DELAY_MS = 8_000;

export type SignInThrottle =
  | { kind: 'allow'; delayMs: number; recentFailures: number }
  | { kind: 'refuse'; retryAfterMinutes: number; recentFailures: number };

/** 1s, 2s, 4s, then 8s for every attempt past the delay threshold. */
export function delayForFailures(failures: number): number {
  if (failures < DELAY_AFTER_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - DELAY_AFTER_FAILURES), MAX_DELAY_MS);
}

/**
 * How an attempt from `ip` must be treated. Counts failures from that address in the window,
 * except failures for an email that later signed in successfully from the same address: one
 * person's mistyped password is forgiven by their success, other emails' failures are not.
 */
export async function getSignInThrottle(db: Database, ip: string, now: Date): Promise<SignInThrottle> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const later = alias(signInAttempts, 'later_success');
  const failures = await db
    .select({ createdAt: signInAttempts.createdAt })
    .from(signInAttempts)
    .where(and(
      eq(signInAttempts.ip, ip),
      eq(signInAttempts.succeeded, false),
      gt(signInAttempts.createdAt, since),
      not(exists(db.select({ one: later.id }).from(later).where(and(
        eq(later.ip, signInAttempts.ip),
        eq(later.email, signInAttempts.email),
        eq(later.succeeded, true),
        gt(later.createdAt, signInAttempts.createdAt),
      )))),
    ))
    .orderBy(asc(signInAttempts.createdAt));

  const count = failures.length;
  if (count >= REFUSE_AFTER_FAILURES) {
    // attempts resume once enough of the oldest failures leave the window to drop below the limit
    const unlockAt = failures[count - REFUSE_AFTER_FAILURES].createdAt.getTime() + FAILURE_WINDOW_MS;
    const retryAfterMinutes = Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000));
    return { kind: 'refuse', retryAfterMinutes, recentFailures: count };
  }
  return { kind: 'allow', delayMs: delayForFailures(count), recentFailures: count };
}
