import { and, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { signInAttempts, signInThrottles } from '@/db/schema/staff';

/** An address's attempts are counted in fixed windows of this length. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** From this many earlier attempts in the window on, every further attempt from the address waits first. */
export const DELAY_AFTER_FAILURES = 5;
/** From this many attempts in the window on, the address is refused outright until the window ends. */
export const REFUSE_AFTER_FAILURES = 20;
export const MAX_DELAY_MS = 8_000;

/** Failed attempts at one account (from any address) before each further failure locks it briefly. */
export const ACCOUNT_FREE_FAILURES = 5;
/** The first account lock; each further failure doubles it up to ACCOUNT_MAX_LOCK_MS. */
export const ACCOUNT_BASE_LOCK_MS = 15_000;
/** No failure locks an account for longer than this: an attacker cannot keep a person out for long. */
export const ACCOUNT_MAX_LOCK_MS = 5 * 60_000;
/** An account's failure count starts again after this long without a failure. */
export const ACCOUNT_RESET_MS = 60 * 60_000;
/** An address that signed in to the account this recently passes the account lock (not the address limit). */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

export type SignInThrottle =
  | { kind: 'allow'; delayMs: number; recentFailures: number }
  | { kind: 'refuse'; retryAfterMinutes: number; recentFailures: number };

/** 1s, 2s, 4s, then 8s for every attempt past the delay threshold. */
export function delayForFailures(failures: number): number {
  if (failures < DELAY_AFTER_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - DELAY_AFTER_FAILURES), MAX_DELAY_MS);
}

/** How long the account stays locked after its n-th consecutive failure: 15 s, 30 s, 1 min... capped at 5 min. */
export function accountLockMs(failures: number): number {
  if (failures <= ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_BASE_LOCK_MS * 2 ** (failures - ACCOUNT_FREE_FAILURES - 1), ACCOUNT_MAX_LOCK_MS);
}

const ipKey = (ip: string) => `ip:${ip}`;
const accountKey = (email: string) => `account:${email}`;
const minutesUntil = (at: number, now: Date) => Math.max(1, Math.ceil((at - now.getTime()) / 60_000));

/**
 * Counts one attempt from `ip` before its password is checked, in one statement: the row lock of
 * the upsert orders concurrent attempts, so the 21st of 60 parallel attempts sees 21. Attempts
 * count until the window ends; a success gives its own count back (forgiveSignIn).
 */
export async function reserveAddressAttempt(db: Database, ip: string, now: Date): Promise<SignInThrottle> {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const at = now.toISOString();
  const [row] = await db
    .insert(signInThrottles)
    .values({ key: ipKey(ip), count: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        count: sql`case when ${signInThrottles.windowStartedAt} <= ${windowStart}::timestamptz then 1 else ${signInThrottles.count} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottles.windowStartedAt} <= ${windowStart}::timestamptz then ${at}::timestamptz else ${signInThrottles.windowStartedAt} end`,
      },
    })
    .returning({ count: signInThrottles.count, windowStartedAt: signInThrottles.windowStartedAt });
  const earlier = row.count - 1;
  if (row.count > REFUSE_AFTER_FAILURES) {
    return {
      kind: 'refuse',
      retryAfterMinutes: minutesUntil(row.windowStartedAt.getTime() + FAILURE_WINDOW_MS, now),
      recentFailures: earlier,
    };
  }
  return { kind: 'allow', delayMs: delayForFailures(earlier), recentFailures: earlier };
}

/**
 * Counts one attempt at an account (from any address) unless it is locked: the conditional update
 * is the check, so of many parallel attempts only those before the lock pass. Every attempt counts
 * as a failure until it succeeds (forgiveSignIn resets the account). A locked account still lets in
 * an address that signed in to it recently, so an attacker elsewhere cannot keep its owner out.
 */
export async function reserveAccountAttempt(
  db: Database,
  email: string,
  ip: string,
  now: Date,
): Promise<SignInThrottle> {
  const key = accountKey(email);
  await db.insert(signInThrottles).values({ key, count: 0, windowStartedAt: now }).onConflictDoNothing();
  const stale = new Date(now.getTime() - ACCOUNT_RESET_MS).toISOString();
  const at = now.toISOString();
  const next = sql`(case when ${signInThrottles.windowStartedAt} <= ${stale}::timestamptz then 1 else ${signInThrottles.count} + 1 end)`;
  const lockSql = lockIntervalSql(next);
  const [row] = await db
    .update(signInThrottles)
    .set({
      count: next,
      // windowStartedAt here is "last failure": the count resets after an hour without one
      windowStartedAt: now,
      lockedUntil: sql`case when ${lockSql} > 0 then ${at}::timestamptz + ${lockSql} * interval '1 millisecond' end`,
    })
    .where(
      and(
        eq(signInThrottles.key, key),
        sql`(${signInThrottles.lockedUntil} is null or ${signInThrottles.lockedUntil} <= ${at}::timestamptz)`,
      ),
    )
    .returning({ count: signInThrottles.count });
  if (row) return { kind: 'allow', delayMs: 0, recentFailures: row.count - 1 };

  if (await isKnownAddress(db, email, ip, now)) return { kind: 'allow', delayMs: 0, recentFailures: 0 };
  const [locked] = await db
    .select({ count: signInThrottles.count, lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(eq(signInThrottles.key, key));
  return {
    kind: 'refuse',
    retryAfterMinutes: minutesUntil(locked?.lockedUntil?.getTime() ?? now.getTime(), now),
    recentFailures: locked?.count ?? 0,
  };
}

/** Rows removed per prune: a sign-in pays for a bounded delete, a backlog drains over a few attempts. */
export const PRUNE_BATCH = 500;

/**
 * Deletes throttle rows that no longer hold anything back: no failure for ACCOUNT_RESET_MS (an
 * address window or account count that old restarts at 1 anyway) and no lock still running; and
 * attempts older than KNOWN_ADDRESS_MS (the longest any check looks back). Runs on each sign-in
 * (prune on write), so the tables stay as large as the last hour's traffic, not all of history.
 */
export async function pruneSignInThrottles(db: Database, now: Date): Promise<{ throttles: number; attempts: number }> {
  const stale = new Date(now.getTime() - ACCOUNT_RESET_MS).toISOString();
  const at = now.toISOString();
  const throttles = await db
    .delete(signInThrottles)
    .where(
      inArray(
        signInThrottles.key,
        db
          .select({ key: signInThrottles.key })
          .from(signInThrottles)
          .where(
            and(
              lte(signInThrottles.windowStartedAt, sql`${stale}::timestamptz`),
              or(isNull(signInThrottles.lockedUntil), lte(signInThrottles.lockedUntil, sql`${at}::timestamptz`)),
            ),
          )
          .limit(PRUNE_BATCH),
      ),
    )
    .returning({ key: signInThrottles.key });
  const forgotten = new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString();
  const attempts = await db
    .delete(signInAttempts)
    .where(
      inArray(
        signInAttempts.id,
        db
          .select({ id: signInAttempts.id })
          .from(signInAttempts)
          .where(lt(signInAttempts.createdAt, sql`${forgotten}::timestamptz`))
          .limit(PRUNE_BATCH),
      ),
    )
    .returning({ id: signInAttempts.id });
  return { throttles: throttles.length, attempts: attempts.length };
}

/** accountLockMs in SQL, for the count the update is about to write. */
function lockIntervalSql(count: ReturnType<typeof sql>) {
  return sql`(case when ${count} <= ${ACCOUNT_FREE_FAILURES} then 0
    else least(${ACCOUNT_BASE_LOCK_MS}::bigint * power(2, least(${count} - ${ACCOUNT_FREE_FAILURES} - 1, 30))::bigint, ${ACCOUNT_MAX_LOCK_MS}) end)`;
}

async function isKnownAddress(db: Database, email: string, ip: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: signInAttempts.id })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, email),
        eq(signInAttempts.ip, ip),
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.createdAt, new Date(now.getTime() - KNOWN_ADDRESS_MS)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** After a success: the account starts afresh and the address gets this attempt back. */
export async function forgiveSignIn(db: Database, email: string, ip: string): Promise<void> {
  await db
    .update(signInThrottles)
    .set({ count: 0, lockedUntil: null })
    .where(eq(signInThrottles.key, accountKey(email)));
  await db
    .update(signInThrottles)
    .set({ count: sql`greatest(${signInThrottles.count} - 1, 0)` })
    .where(eq(signInThrottles.key, ipKey(ip)));
}
