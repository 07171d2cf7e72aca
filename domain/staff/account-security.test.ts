import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, staffSessions, staffUsers } from '@/db/schema/staff';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { updateSecuritySettings } from '@/domain/settings/update-security-settings';
import { changeOwnPassword } from './change-own-password';
import { findActiveSession, TOUCH_INTERVAL_MS } from './find-active-session';
import { endOwnSession, listOwnSessions } from './own-sessions';
import { passwordProblem } from './password-policy';
import { resetStaffPassword } from './reset-staff-password';
import { signInStaff } from './sign-in';
import { fakeClock, insertStaffForTest, TEST_AUTH_SECRET } from './testing-helpers';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from './two-factor-setup';

const PASSWORD = 'correct horse battery';
let handle: DatabaseHandle;
let adminId: number;
let ipCounter = 0;
const freshIp = () => `10.9.0.${++ipCounter}`;

beforeAll(async () => {
  handle = await openTestDatabase();
  adminId = await insertStaffForTest(handle.db, { email: 'boss@example.com', password: PASSWORD, role: 'admin' });
});
afterAll(async () => {
  await handle?.close();
});

async function signIn(email: string, password = PASSWORD, code?: string, clock = fakeClock(new Date())) {
  return signInStaff(
    handle.db,
    { email, password, code, ip: freshIp(), userAgent: 'Firefox on Linux', authSecret: TEST_AUTH_SECRET },
    clock,
  );
}
async function lastAudit() {
  const [row] = await handle.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

describe('password strength', () => {
  it('refuses short, common and email-like passwords with the reason', () => {
    expect(passwordProblem('short')).toBe('passwordTooShort');
    expect(passwordProblem('Password123')).toBe('passwordCommon');
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('passwordCommon');
    expect(passwordProblem('li.wei@shop.cn!!', 'li.wei@shop.cn')).toBe('passwordContainsEmail');
    expect(passwordProblem('my-name-is-liwei-2026', 'liwei@shop.cn')).toBe('passwordContainsEmail');
    expect(passwordProblem('tea kettle on the stove', 'liwei@shop.cn')).toBeNull();
  });
});

describe(`changing passwords (${testDatabaseKind})`, () => {
  it("changes one's own password only with the current one, ends the other sessions and audits it", async () => {
    const id = await insertStaffForTest(handle.db, {
      email: 'chen@example.com',
      password: PASSWORD,
      role: 'operations',
    });
    const here = await signIn('chen@example.com');
    const elsewhere = await signIn('chen@example.com');
    if (!here.ok || !elsewhere.ok) throw new Error('sign-in failed');
    const base = {
      staffId: id,
      sessionId: here.data.sessionId,
      newPassword: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    };

    const wrong = await changeOwnPassword(handle.db, { ...base, currentPassword: 'not my password' });
    expect(wrong).toMatchObject({ ok: false, code: 'wrong_password' });
    expect(await lastAudit()).toMatchObject({ action: 'staff.password_change_failed', actorId: id });
    const weak = await changeOwnPassword(handle.db, {
      ...base,
      currentPassword: PASSWORD,
      newPassword: 'chen@example.com1',
      confirmPassword: 'chen@example.com1',
    });
    expect(weak).toMatchObject({
      ok: false,
      code: 'weak_password',
      fieldErrors: { newPassword: ['staff.validation.passwordContainsEmail'] },
    });

    expect(await changeOwnPassword(handle.db, { ...base, currentPassword: PASSWORD })).toEqual({
      ok: true,
      data: { endedSessions: 1 },
    });
    expect(await lastAudit()).toMatchObject({ action: 'staff.password_change', actorId: id, targetId: String(id) });
    expect(await findActiveSession(handle.db, here.data.sessionId, new Date())).not.toBeNull();
    expect(await findActiveSession(handle.db, elsewhere.data.sessionId, new Date())).toBeNull();
    expect((await signIn('chen@example.com')).ok).toBe(false);
    expect((await signIn('chen@example.com', 'a brand new passphrase')).ok).toBe(true);
  });

  it("an admin reset ends the person's sessions and forces a new password at the next sign-in", async () => {
    const id = await insertStaffForTest(handle.db, {
      email: 'zhou@example.com',
      password: PASSWORD,
      role: 'warehouse',
    });
    const before = await signIn('zhou@example.com');
    if (!before.ok) throw new Error('sign-in failed');
    expect(
      await resetStaffPassword(handle.db, { actorId: adminId, staffId: id, password: 'zhou@example.com-x' }),
    ).toMatchObject({ ok: false, code: 'weak_password' });
    expect(
      await resetStaffPassword(handle.db, { actorId: id, staffId: adminId, password: 'temporary pass 42' }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await resetStaffPassword(handle.db, { actorId: adminId, staffId: id, password: 'temporary pass 42' }),
    ).toEqual({ ok: true, data: { id, endedSessions: 1 } });
    expect(await lastAudit()).toMatchObject({ action: 'staff.password_reset', actorId: adminId, targetId: String(id) });
    expect(await findActiveSession(handle.db, before.data.sessionId, new Date())).toBeNull();

    const after = await signIn('zhou@example.com', 'temporary pass 42');
    if (!after.ok) throw new Error('sign-in with the temporary password failed');
    expect((await findActiveSession(handle.db, after.data.sessionId, new Date()))?.pending).toBe('change_password');
    await changeOwnPassword(handle.db, {
      staffId: id,
      sessionId: after.data.sessionId,
      currentPassword: 'temporary pass 42',
      newPassword: 'my own secret words',
      confirmPassword: 'my own secret words',
    });
    expect((await findActiveSession(handle.db, after.data.sessionId, new Date()))?.pending).toBeNull();
  });
});

describe(`two-factor sign-in (${testDatabaseKind})`, () => {
  it('enrols with a code, then signs in only with a fresh code or an unused recovery code', async () => {
    const id = await insertStaffForTest(handle.db, { email: 'totp@example.com', password: PASSWORD, role: 'finance' });
    const started = await startTotpEnrolment(handle.db, { staffId: id, authSecret: TEST_AUTH_SECRET });
    if (!started.ok) throw new Error('enrolment did not start');
    expect(started.data.uri).toMatch(/^otpauth:\/\/totp\/Order%20Console:totp%40example\.com\?secret=/);
    const [stored] = await handle.db.select().from(staffUsers).where(eq(staffUsers.id, id));
    expect(stored.totpSecret).not.toContain(started.data.secret); // sealed, not the plain secret
    // until confirmed, sign-in needs no code
    expect((await signIn('totp@example.com')).ok).toBe(true);

    const t0 = new Date('2026-03-02T09:00:00Z');
    expect(
      await confirmTotpEnrolment(handle.db, { staffId: id, code: '000000', authSecret: TEST_AUTH_SECRET, now: t0 }),
    ).toMatchObject({ ok: false, code: 'invalid_totp' });
    const enrolCode = await generate({ secret: started.data.secret, epoch: t0.getTime() / 1000 });
    const confirmed = await confirmTotpEnrolment(handle.db, {
      staffId: id,
      code: enrolCode,
      authSecret: TEST_AUTH_SECRET,
      now: t0,
    });
    if (!confirmed.ok) throw new Error(`confirm failed: ${confirmed.message}`);
    expect(confirmed.data.recoveryCodes).toHaveLength(10);
    expect(await lastAudit()).toMatchObject({ action: 'staff.totp_enable', actorId: id });

    const t1 = new Date(t0.getTime() + 90_000);
    const clock = fakeClock(t1);
    expect(await signIn('totp@example.com', PASSWORD, undefined, clock)).toMatchObject({
      ok: false,
      code: 'totp_required',
    });
    expect(await signIn('totp@example.com', 'wrong password!', undefined, clock)).toMatchObject({
      ok: false,
      code: 'invalid_credentials',
    });
    expect(await signIn('totp@example.com', PASSWORD, '123456', clock)).toMatchObject({
      ok: false,
      code: 'invalid_totp',
    });
    const code = await generate({ secret: started.data.secret, epoch: t1.getTime() / 1000 });
    expect((await signIn('totp@example.com', PASSWORD, code, clock)).ok).toBe(true);
    // the same code again (a replay) is refused
    expect(await signIn('totp@example.com', PASSWORD, code, clock)).toMatchObject({ ok: false, code: 'invalid_totp' });

    const recovery = confirmed.data.recoveryCodes[3];
    expect((await signIn('totp@example.com', PASSWORD, recovery.toUpperCase(), clock)).ok).toBe(true);
    expect(await signIn('totp@example.com', PASSWORD, recovery, clock)).toMatchObject({
      ok: false,
      code: 'invalid_totp',
    });

    // disabling needs the password and is refused while the role requires two-factor sign-in
    await updateSecuritySettings(handle.db, {
      staffId: adminId,
      sessionIdleMinutes: 480,
      sessionAbsoluteDays: 30,
      totpRequiredRoles: ['finance'],
    });
    expect(await disableTotp(handle.db, { staffId: id, currentPassword: PASSWORD })).toMatchObject({
      ok: false,
      code: 'required_by_role',
    });
    await updateSecuritySettings(handle.db, {
      staffId: adminId,
      sessionIdleMinutes: 480,
      sessionAbsoluteDays: 30,
      totpRequiredRoles: [],
    });
    expect(await disableTotp(handle.db, { staffId: id, currentPassword: 'nope nope nope' })).toMatchObject({
      ok: false,
      code: 'wrong_password',
    });
    expect(await disableTotp(handle.db, { staffId: id, currentPassword: PASSWORD })).toEqual({
      ok: true,
      data: { disabled: true },
    });
    expect(await lastAudit()).toMatchObject({ action: 'staff.totp_disable' });
    expect((await signIn('totp@example.com', PASSWORD, undefined, clock)).ok).toBe(true);
  });

  it('makes new recovery codes with the current password: the old ones stop working, the new ones sign in once', async () => {
    const id = await insertStaffForTest(handle.db, { email: 'regen@example.com', password: PASSWORD, role: 'finance' });
    expect(await regenerateRecoveryCodes(handle.db, { staffId: id, currentPassword: PASSWORD })).toMatchObject({
      ok: false,
      code: 'not_enabled',
    });
    const started = await startTotpEnrolment(handle.db, { staffId: id, authSecret: TEST_AUTH_SECRET });
    if (!started.ok) throw new Error('enrolment did not start');
    const t0 = new Date('2026-03-02T09:00:00Z');
    const code = await generate({ secret: started.data.secret, epoch: t0.getTime() / 1000 });
    const confirmed = await confirmTotpEnrolment(handle.db, {
      staffId: id,
      code,
      authSecret: TEST_AUTH_SECRET,
      now: t0,
    });
    if (!confirmed.ok) throw new Error(`confirm failed: ${confirmed.message}`);

    const auditsBefore = await handle.db.$count(auditLog);
    expect(
      await regenerateRecoveryCodes(handle.db, { staffId: id, currentPassword: 'not the password' }),
    ).toMatchObject({ ok: false, code: 'wrong_password', fieldErrors: { currentPassword: expect.any(Array) } });
    expect(await handle.db.$count(auditLog)).toBe(auditsBefore);

    const regenerated = await regenerateRecoveryCodes(handle.db, {
      staffId: id,
      currentPassword: PASSWORD,
      ip: '203.0.113.5',
    });
    if (!regenerated.ok) throw new Error(regenerated.message);
    expect(regenerated.data.recoveryCodes).toHaveLength(10);
    expect(regenerated.data.recoveryCodes).not.toContain(confirmed.data.recoveryCodes[0]);
    expect(await lastAudit()).toMatchObject({
      action: 'staff.recovery_codes_regenerate',
      actorId: id,
      targetId: String(id),
      ip: '203.0.113.5',
    });

    const clock = fakeClock(new Date(t0.getTime() + 90_000));
    expect(await signIn('regen@example.com', PASSWORD, confirmed.data.recoveryCodes[0], clock)).toMatchObject({
      ok: false,
      code: 'invalid_totp',
    });
    expect((await signIn('regen@example.com', PASSWORD, regenerated.data.recoveryCodes[0], clock)).ok).toBe(true);
  });

  it('a role that requires two-factor sign-in sends its people to set it up first', async () => {
    const id = await insertStaffForTest(handle.db, {
      email: 'viewer2fa@example.com',
      password: PASSWORD,
      role: 'viewer',
    });
    const session = await signIn('viewer2fa@example.com');
    if (!session.ok) throw new Error('sign-in failed');
    expect((await findActiveSession(handle.db, session.data.sessionId, new Date()))?.pending).toBeNull();
    await updateSecuritySettings(handle.db, {
      staffId: adminId,
      sessionIdleMinutes: 480,
      sessionAbsoluteDays: 30,
      totpRequiredRoles: ['viewer', 'viewer'],
    });
    expect(await lastAudit()).toMatchObject({
      action: 'settings.security.update',
      actorId: adminId,
      details: { after: { totpRequiredRoles: ['viewer'] } },
    });
    expect((await findActiveSession(handle.db, session.data.sessionId, new Date()))?.pending).toBe('enrol_totp');
    const started = await startTotpEnrolment(handle.db, { staffId: id, authSecret: TEST_AUTH_SECRET });
    if (!started.ok) throw new Error('enrolment did not start');
    const now = new Date();
    await confirmTotpEnrolment(handle.db, {
      staffId: id,
      code: await generate({ secret: started.data.secret, epoch: now.getTime() / 1000 }),
      authSecret: TEST_AUTH_SECRET,
      now,
    });
    expect((await findActiveSession(handle.db, session.data.sessionId, new Date()))?.pending).toBeNull();
    await updateSecuritySettings(handle.db, {
      staffId: adminId,
      sessionIdleMinutes: 480,
      sessionAbsoluteDays: 30,
      totpRequiredRoles: [],
    });
  });
});

describe(`sessions (${testDatabaseKind})`, () => {
  it('end after idle time and after their absolute lifetime, touching last-seen at most once a minute', async () => {
    await insertStaffForTest(handle.db, { email: 'idle@example.com', password: PASSWORD, role: 'viewer' });
    await updateSecuritySettings(handle.db, {
      staffId: adminId,
      sessionIdleMinutes: 60,
      sessionAbsoluteDays: 2,
      totpRequiredRoles: [],
    });
    const start = new Date('2026-03-02T09:00:00Z');
    const result = await signIn('idle@example.com', PASSWORD, undefined, fakeClock(start));
    if (!result.ok) throw new Error('sign-in failed');
    const sid = result.data.sessionId;
    const lastSeen = async () =>
      (await handle.db.select().from(staffSessions).where(eq(staffSessions.id, sid)))[0].lastSeenAt.getTime();
    const at = (ms: number) => new Date(start.getTime() + ms);

    expect(await findActiveSession(handle.db, sid, at(30_000))).not.toBeNull();
    expect(await lastSeen()).toBe(start.getTime()); // less than a minute: no write
    expect(await findActiveSession(handle.db, sid, at(TOUCH_INTERVAL_MS))).not.toBeNull();
    expect(await lastSeen()).toBe(at(TOUCH_INTERVAL_MS).getTime());
    // 59 minutes after the last request: still open; an hour: gone
    expect(await findActiveSession(handle.db, sid, at(TOUCH_INTERVAL_MS + 59 * 60_000))).not.toBeNull();
    expect(await findActiveSession(handle.db, sid, at(TOUCH_INTERVAL_MS + 59 * 60_000 + 60 * 60_000))).toBeNull();

    // active every half hour, it still ends two days after sign-in
    const other = await signIn('idle@example.com', PASSWORD, undefined, fakeClock(start));
    if (!other.ok) throw new Error('sign-in failed');
    let t = 0;
    while (t < 2 * 86_400_000 - 30 * 60_000) {
      t += 30 * 60_000;
      expect(await findActiveSession(handle.db, other.data.sessionId, at(t))).not.toBeNull();
    }
    expect(await findActiveSession(handle.db, other.data.sessionId, at(2 * 86_400_000))).toBeNull();
    await updateSecuritySettings(handle.db, {
      staffId: adminId,
      sessionIdleMinutes: 480,
      sessionAbsoluteDays: 30,
      totpRequiredRoles: [],
    });
  });

  it("lists a person's open sessions and ends one of their own, never someone else's", async () => {
    const id = await insertStaffForTest(handle.db, { email: 'many@example.com', password: PASSWORD, role: 'viewer' });
    const clock = fakeClock(new Date());
    const a = await signIn('many@example.com', PASSWORD, undefined, clock);
    const b = await signIn('many@example.com', PASSWORD, undefined, clock);
    const stranger = await signIn('boss@example.com', PASSWORD, undefined, clock);
    if (!a.ok || !b.ok || !stranger.ok) throw new Error('sign-in failed');

    const listed = await listOwnSessions(handle.db, id, a.data.sessionId);
    expect(listed.map((s) => [s.id, s.isCurrent, s.userAgent])).toEqual(
      expect.arrayContaining([
        [a.data.sessionId, true, 'Firefox on Linux'],
        [b.data.sessionId, false, 'Firefox on Linux'],
      ]),
    );
    expect(listed).toHaveLength(2);
    expect(listed[0].ip).toMatch(/^10\.9\.0\./);

    expect(await endOwnSession(handle.db, { staffId: id, sessionId: stranger.data.sessionId })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await findActiveSession(handle.db, stranger.data.sessionId, new Date())).not.toBeNull();
    expect(await endOwnSession(handle.db, { staffId: id, sessionId: b.data.sessionId })).toEqual({
      ok: true,
      data: { sessionId: b.data.sessionId },
    });
    expect(await lastAudit()).toMatchObject({ action: 'staff.session_end', actorId: id });
    expect(await findActiveSession(handle.db, b.data.sessionId, new Date())).toBeNull();
    expect((await listOwnSessions(handle.db, id, a.data.sessionId)).map((s) => s.id)).toEqual([a.data.sessionId]);
    const [row] = await handle.db
      .select()
      .from(staffSessions)
      .where(and(eq(staffSessions.id, b.data.sessionId)));
    expect(row.revokedAt).not.toBeNull();
  });
});

describe('session cookie lifetime', () => {
  it('outlives the longest absolute session lifetime Settings allows, so the session row decides', async () => {
    const { SESSION_MAX_AGE_SECONDS } = await import('./session-lifetime');
    const { MAX_SESSION_ABSOLUTE_DAYS } = await import('@/domain/settings/setting-defaults');
    expect(SESSION_MAX_AGE_SECONDS).toBe(MAX_SESSION_ABSOLUTE_DAYS * 86_400);
  });
});
