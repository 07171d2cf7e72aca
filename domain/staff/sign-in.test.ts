import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, signInAttempts, staffSessions, staffUsers } from '@/db/schema/staff';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { findActiveSession } from './find-active-session';
import { revokeStaffSession } from './revoke-staff-session';
import { signInStaff } from './sign-in';
import { FAILURE_WINDOW_MS } from './sign-in-throttle';
import { fakeClock, insertStaffForTest } from './testing-helpers';

const PASSWORD = 'correct horse battery';
let handle: DatabaseHandle;
let ipCounter = 0;
// each test signs in from its own address so throttling state never leaks between tests
const freshIp = () => `10.0.0.${++ipCounter}`;

beforeAll(async () => {
  handle = await openTestDatabase();
  await insertStaffForTest(handle.db, { email: 'ops@example.com', password: PASSWORD, role: 'operations', name: 'Ops' });
  await insertStaffForTest(handle.db, { email: 'gone@example.com', password: PASSWORD, role: 'viewer', isActive: false });
});
afterAll(async () => { await handle?.close(); });

describe(`signInStaff (${testDatabaseKind})`, () => {
  let clock: ReturnType<typeof fakeClock>;
  beforeEach(() => { clock = fakeClock(); });

  it('signs in with the right password, case-insensitive email, and opens a live session', async () => {
    const ip = freshIp();
    const result = await signInStaff(handle.db, { email: '  OPS@Example.com ', password: PASSWORD, ip, userAgent: 'vitest' }, clock);
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
    const wrong = await signInStaff(handle.db, { email: 'ops@example.com', password: 'nope nope nope', ip: freshIp() }, clock);
    const unknown = await signInStaff(handle.db, { email: 'nobody@example.com', password: PASSWORD, ip: freshIp() }, clock);
    expect(wrong).toEqual({ ok: false, code: 'invalid_credentials', message: 'The email or password is incorrect.' });
    expect(unknown).toEqual(wrong);
    const failures = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'staff.sign_in_failed')).orderBy(auditLog.id);
    expect(failures.slice(-2).map((f) => f.details)).toEqual([
      { reason: 'wrong_password', email: 'ops@example.com' },
      { reason: 'unknown_email', email: 'nobody@example.com' },
    ]);
  });

  it('refuses a disabled account with the same generic failure even with the right password', async () => {
    const result = await signInStaff(handle.db, { email: 'gone@example.com', password: PASSWORD, ip: freshIp() }, clock);
    expect(result).toEqual({ ok: false, code: 'invalid_credentials', message: 'The email or password is incorrect.' });
  });

  it('ends a session on sign-out and after expiry', async () => {
    const result = await signInStaff(handle.db, { email: 'ops@example.com', password: PASSWORD, ip: freshIp() }, clock);
    if (!result.ok) throw new Error('sign-in failed');
    const later = new Date(result.data.expiresAt.getTime() + 1);
    expect(await findActiveSession(handle.db, result.data.sessionId, later)).toBeNull();
    expect(await revokeStaffSession(handle.db, result.data.sessionId, clock.now())).toBe(true);
    expect(await findActiveSession(handle.db, result.data.sessionId, clock.now())).toBeNull();
    expect(await findActiveSession(handle.db, 'not-a-session', clock.now())).toBeNull();
  });

  it('delays after 5 failures from one address, refuses after 20, and lets the address back in later', async () => {
    const ip = freshIp();
    const attempt = (email: string, password = 'wrong password!') => signInStaff(handle.db, { email, password, ip }, clock);
    for (let i = 0; i < 5; i++) {
      expect((await attempt(`guess${i}@example.com`)).ok).toBe(false);
    }
    expect(clock.sleeps).toEqual([]);
    for (let i = 5; i < 20; i++) await attempt(`guess${i}@example.com`);
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000]);

    // the 21st attempt is refused without checking the password, even the right one
    const refused = await attempt('ops@example.com', PASSWORD);
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.code !== 'throttled') throw new Error(`expected throttled, got ${JSON.stringify(refused)}`);
    expect(refused.retryAfterMinutes).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterMinutes).toBeLessThanOrEqual(15);
    const [{ count }] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(signInAttempts).where(eq(signInAttempts.ip, ip));
    expect(count).toBe(20); // refusals are not recorded

    // another address is not affected
    expect((await signInStaff(handle.db, { email: 'ops@example.com', password: PASSWORD, ip: freshIp() }, clock)).ok).toBe(true);

    clock.advance(refused.retryAfterMinutes * 60_000);
    const after = await attempt('ops@example.com', PASSWORD);
    expect(after.ok).toBe(true);

    clock.advance(FAILURE_WINDOW_MS);
    clock.sleeps.length = 0;
    await attempt('guess0@example.com');
    expect(clock.sleeps).toEqual([]);
  });

  it('lets a success forgive only that email\'s failures from the address', async () => {
    const ip = freshIp();
    const attempt = async (email: string, password = 'wrong password!') => {
      clock.advance(1000);
      return signInStaff(handle.db, { email, password, ip }, clock);
    };
    for (let i = 0; i < 3; i++) await attempt('ops@example.com', 'typo typo typo');
    await attempt('other1@example.com');
    await attempt('other2@example.com');
    // five failures: the successful attempt itself still waits
    expect((await attempt('ops@example.com', PASSWORD)).ok).toBe(true);
    expect(clock.sleeps).toEqual([1000]);
    // ops's three failures are forgiven, the two other-email failures still count: 2, 3, 4 -> no wait; 5 -> wait
    await attempt('x1@example.com');
    await attempt('x2@example.com');
    await attempt('x3@example.com');
    expect(clock.sleeps).toEqual([1000]);
    await attempt('x4@example.com');
    expect(clock.sleeps).toEqual([1000, 1000]);
  });
});
