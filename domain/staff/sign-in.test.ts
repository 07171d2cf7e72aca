import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, signInAttempts, signInThrottles, staffSessions, staffUsers } from '@/db/schema/staff';
import type { Clock } from '@/domain/shared/clock';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { findActiveSession } from './find-active-session';
import { revokeStaffSession } from './revoke-staff-session';
import { signInStaff } from './sign-in';
import { ACCOUNT_FREE_FAILURES, REFUSE_AFTER_FAILURES } from './sign-in-throttle';
import { fakeClock, insertStaffForTest, TEST_AUTH_SECRET } from './testing-helpers';

const PASSWORD = 'correct horse battery';
let handle: DatabaseHandle;
let ipCounter = 0;
// each test signs in from its own address so throttling state never leaks between tests
const freshIp = () => `10.0.0.${++ipCounter}`;

beforeAll(async () => {
  handle = await openTestDatabase();
  await insertStaffForTest(handle.db, {
    email: 'ops@example.com',
    password: PASSWORD,
    role: 'operations',
    name: 'Ops',
  });
  await insertStaffForTest(handle.db, {
    email: 'gone@example.com',
    password: PASSWORD,
    role: 'viewer',
    isActive: false,
  });
});
afterAll(async () => {
  await handle?.close();
});

describe(`signInStaff (${testDatabaseKind})`, () => {
  let clock: ReturnType<typeof fakeClock>;
  beforeEach(() => {
    clock = fakeClock();
  });

  it('signs in with the right password, case-insensitive email, and opens a live session', async () => {
    const ip = freshIp();
    const result = await signInStaff(
      handle.db,
      { email: '  OPS@Example.com ', password: PASSWORD, ip, userAgent: 'vitest', authSecret: TEST_AUTH_SECRET },
      clock,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.staff).toMatchObject({ email: 'ops@example.com', role: 'operations', name: 'Ops' });
    expect(result.data.expiresAt.getTime()).toBeGreaterThan(clock.now().getTime());

    const session = await findActiveSession(handle.db, result.data.sessionId, clock.now());
    expect(session?.staff.email).toBe('ops@example.com');
    const [row] = await handle.db.select().from(staffSessions).where(eq(staffSessions.id, result.data.sessionId));
    expect(row).toMatchObject({ ip, userAgent: 'vitest', revokedAt: null });
    const [user] = await handle.db.select().from(staffUsers).where(eq(staffUsers.email, 'ops@example.com'));
    expect(user.lastSignInAt?.toISOString()).toBe(clock.now().toISOString());
    const [audit] = await handle.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'staff.sign_in', actorId: user.id });
  });

  it('answers a wrong password and an unknown email with the same generic failure', async () => {
    const wrong = await signInStaff(
      handle.db,
      { email: 'ops@example.com', password: 'nope nope nope', ip: freshIp(), authSecret: TEST_AUTH_SECRET },
      clock,
    );
    const unknown = await signInStaff(
      handle.db,
      { email: 'nobody@example.com', password: PASSWORD, ip: freshIp(), authSecret: TEST_AUTH_SECRET },
      clock,
    );
    expect(wrong).toEqual({ ok: false, code: 'invalid_credentials', message: 'The email or password is incorrect.' });
    expect(unknown).toEqual(wrong);
    const failures = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.sign_in_failed'))
      .orderBy(auditLog.id);
    expect(failures.slice(-2).map((f) => f.details)).toEqual([
      { reason: 'wrong_password', email: 'ops@example.com' },
      { reason: 'unknown_email', email: 'nobody@example.com' },
    ]);
  });

  it('refuses a disabled account with the same generic failure even with the right password', async () => {
    const result = await signInStaff(
      handle.db,
      { email: 'gone@example.com', password: PASSWORD, ip: freshIp(), authSecret: TEST_AUTH_SECRET },
      clock,
    );
    expect(result).toEqual({ ok: false, code: 'invalid_credentials', message: 'The email or password is incorrect.' });
  });

  it('ends a session on sign-out and after expiry', async () => {
    const result = await signInStaff(
      handle.db,
      { email: 'ops@example.com', password: PASSWORD, ip: freshIp(), authSecret: TEST_AUTH_SECRET },
      clock,
    );
    if (!result.ok) throw new Error('sign-in failed');
    const later = new Date(result.data.expiresAt.getTime() + 1);
    expect(await findActiveSession(handle.db, result.data.sessionId, later)).toBeNull();
    expect(await revokeStaffSession(handle.db, result.data.sessionId, clock.now())).toBe(true);
    expect(await findActiveSession(handle.db, result.data.sessionId, clock.now())).toBeNull();
    expect(await findActiveSession(handle.db, 'not-a-session', clock.now())).toBeNull();
  });

  it('delays after 5 attempts from one address, refuses after 20 whatever the password, and lets the address back in after the window', async () => {
    const ip = freshIp();
    const attempt = (email: string, password = 'wrong password!') =>
      signInStaff(handle.db, { email, password, ip, authSecret: TEST_AUTH_SECRET }, clock);
    for (let i = 0; i < 5; i++) {
      expect((await attempt(`guess${i}@example.com`)).ok).toBe(false);
    }
    expect(clock.sleeps).toEqual([]);
    for (let i = 5; i < 20; i++) await attempt(`guess${i}@example.com`);
    expect(clock.sleeps).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000,
    ]);

    // the 21st attempt is refused without checking the password, even the right one
    const refused = await attempt('ops@example.com', PASSWORD);
    if (refused.ok || refused.code !== 'throttled')
      throw new Error(`expected throttled, got ${JSON.stringify(refused)}`);
    expect(refused.retryAfterMinutes).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterMinutes).toBeLessThanOrEqual(15);
    const [{ count }] = await handle.db
      .select({ count: sql<number>`count(*)::int` })
      .from(signInAttempts)
      .where(eq(signInAttempts.ip, ip));
    expect(count).toBe(20); // refusals are not checked, so not logged

    // another address is not affected
    expect(
      (
        await signInStaff(
          handle.db,
          { email: 'ops@example.com', password: PASSWORD, ip: freshIp(), authSecret: TEST_AUTH_SECRET },
          clock,
        )
      ).ok,
    ).toBe(true);

    clock.advance(refused.retryAfterMinutes * 60_000);
    clock.sleeps.length = 0;
    expect((await attempt('ops@example.com', PASSWORD)).ok).toBe(true);
    expect(clock.sleeps).toEqual([]);
  });

  it('gives a successful attempt back to its address', async () => {
    const ip = freshIp();
    const attempt = (email: string, password = 'wrong password!') =>
      signInStaff(handle.db, { email, password, ip, authSecret: TEST_AUTH_SECRET }, clock);
    for (let i = 0; i < 4; i++) await attempt(`x${i}@example.com`);
    expect((await attempt('ops@example.com', PASSWORD)).ok).toBe(true);
    expect(clock.sleeps).toEqual([]);
    // 4 failures counted: the next attempt is the 5th and does not wait, the one after waits
    await attempt('x4@example.com');
    expect(clock.sleeps).toEqual([]);
    await attempt('x5@example.com');
    expect(clock.sleeps).toEqual([1000]);
  });

  it('locks an account briefly after 5 failures from anywhere, doubling up to 5 minutes, and lets its known addresses in', async () => {
    await insertStaffForTest(handle.db, { email: 'target@example.com', password: PASSWORD, role: 'viewer' });
    const knownIp = freshIp();
    expect(
      (
        await signInStaff(
          handle.db,
          { email: 'target@example.com', password: PASSWORD, ip: knownIp, authSecret: TEST_AUTH_SECRET },
          clock,
        )
      ).ok,
    ).toBe(true);
    const guess = (password = 'wrong password!') =>
      signInStaff(
        handle.db,
        { email: 'target@example.com', password, ip: freshIp(), authSecret: TEST_AUTH_SECRET },
        clock,
      );

    for (let i = 0; i < 5; i++) expect(await guess()).toMatchObject({ code: 'invalid_credentials' });
    // the 6th failure is checked and locks the account for 15 s
    expect(await guess()).toMatchObject({ code: 'invalid_credentials' });
    expect(await guess(PASSWORD)).toMatchObject({ code: 'throttled', retryAfterMinutes: 1 });
    clock.advance(15_000);
    const locks: number[] = [];
    for (let i = 0; i < 7; i++) {
      expect(await guess()).toMatchObject({ code: 'invalid_credentials' });
      const [row] = await handle.db
        .select()
        .from(signInThrottles)
        .where(eq(signInThrottles.key, 'account:target@example.com'));
      const lockMs = row.lockedUntil!.getTime() - clock.now().getTime();
      locks.push(lockMs);
      expect(await guess()).toMatchObject({ code: 'throttled' });
      clock.advance(lockMs);
    }
    expect(locks).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000]);

    // while locked, the owner's usual address still gets in, and the success clears the lock
    await guess();
    expect(await guess(PASSWORD)).toMatchObject({ code: 'throttled' });
    expect(
      (
        await signInStaff(
          handle.db,
          { email: 'target@example.com', password: PASSWORD, ip: knownIp, authSecret: TEST_AUTH_SECRET },
          clock,
        )
      ).ok,
    ).toBe(true);
    expect((await guess(PASSWORD)).ok).toBe(true);
  });

  it('counts 60 parallel wrong passwords for one account from one address one by one: 6 checked, 54 throttled', async () => {
    await insertStaffForTest(handle.db, { email: 'burst@example.com', password: PASSWORD, role: 'viewer' });
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        signInStaff(
          handle.db,
          { email: 'burst@example.com', password: 'wrong password!', ip, authSecret: TEST_AUTH_SECRET },
          frozenClock(),
        ),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(ACCOUNT_FREE_FAILURES + 1);
    expect(codes.filter((c) => c === 'throttled')).toHaveLength(60 - ACCOUNT_FREE_FAILURES - 1);
    const [{ count }] = await handle.db
      .select({ count: sql<number>`count(*)::int` })
      .from(signInAttempts)
      .where(eq(signInAttempts.ip, ip));
    expect(count).toBe(ACCOUNT_FREE_FAILURES + 1);
  });

  it('counts 60 parallel attempts at different accounts from one address: 20 checked, 40 throttled', async () => {
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        signInStaff(
          handle.db,
          { email: `spray${i}@example.com`, password: 'wrong password!', ip, authSecret: TEST_AUTH_SECRET },
          frozenClock(),
        ),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(REFUSE_AFTER_FAILURES);
    expect(codes.filter((c) => c === 'throttled')).toHaveLength(60 - REFUSE_AFTER_FAILURES);
  });
});

describe(`sign-in throttle pruning (${testDatabaseKind})`, () => {
  it('deletes throttle rows idle for an hour and attempts older than 30 days on the next sign-in, keeping live ones', async () => {
    const now = new Date('2026-04-01T09:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const HOUR = 60 * 60_000;
    await handle.db.insert(signInThrottles).values([
      { key: 'ip:192.0.2.1', count: 3, windowStartedAt: ago(2 * HOUR) },
      { key: 'account:old@example.com', count: 9, windowStartedAt: ago(2 * HOUR), lockedUntil: ago(HOUR) },
      { key: 'ip:192.0.2.2', count: 3, windowStartedAt: ago(10 * 60_000) },
      { key: 'account:locked@example.com', count: 9, windowStartedAt: ago(2 * HOUR), lockedUntil: ago(-60_000) },
    ]);
    await handle.db.insert(signInAttempts).values([
      { ip: '192.0.2.3', email: 'a@example.com', succeeded: true, createdAt: ago(31 * 24 * HOUR) },
      { ip: '192.0.2.4', email: 'b@example.com', succeeded: true, createdAt: ago(29 * 24 * HOUR) },
    ]);
    await signInStaff(
      handle.db,
      { email: 'ops@example.com', password: 'wrong', ip: '192.0.2.9', userAgent: 't', authSecret: TEST_AUTH_SECRET },
      fakeClock(now),
    );
    const keys = (await handle.db.select({ key: signInThrottles.key }).from(signInThrottles)).map((r) => r.key);
    expect(keys).not.toContain('ip:192.0.2.1');
    expect(keys).not.toContain('account:old@example.com');
    expect(keys).toEqual(expect.arrayContaining(['ip:192.0.2.2', 'account:locked@example.com', 'ip:192.0.2.9']));
    const ips = (await handle.db.select({ ip: signInAttempts.ip }).from(signInAttempts)).map((r) => r.ip);
    expect(ips).not.toContain('192.0.2.3');
    expect(ips).toEqual(expect.arrayContaining(['192.0.2.4', '192.0.2.9']));
  });
});

/** A clock standing still whose sleeps return at once: parallel attempts all happen "now". */
function frozenClock(): Clock {
  const now = new Date('2026-03-02T09:00:00Z');
  return { now: () => now, sleep: async () => {} };
}
