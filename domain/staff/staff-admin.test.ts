import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, staffSessions, staffUsers } from '@/db/schema/staff';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createStaff } from './create-staff';
import { findActiveSession } from './find-active-session';
import { setStaffActive } from './set-staff-active';
import { signInStaff } from './sign-in';
import { insertStaffForTest, TEST_AUTH_SECRET } from './testing-helpers';
import { updateStaffRole } from './update-staff-role';

let handle: DatabaseHandle;
let adminId: number;
let otherAdminId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  adminId = await insertStaffForTest(handle.db, {
    email: 'boss@example.com',
    password: 'boss password 1',
    role: 'admin',
  });
  otherAdminId = await insertStaffForTest(handle.db, {
    email: 'deputy@example.com',
    password: 'deputy password',
    role: 'admin',
  });
});
afterAll(async () => {
  await handle?.close();
});

describe(`staff administration (${testDatabaseKind})`, () => {
  it('creates a staff member who can then sign in, and audits it', async () => {
    const created = await createStaff(handle.db, {
      actorId: adminId,
      name: ' 小王 ',
      email: 'Wang@Example.com',
      role: 'warehouse',
      password: 'initial password',
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [row] = await handle.db.select().from(staffUsers).where(eq(staffUsers.id, created.data.id));
    expect(row).toMatchObject({ name: '小王', email: 'wang@example.com', role: 'warehouse', isActive: true });
    expect(row.passwordHash).not.toContain('initial password');
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'staff.create'), eq(auditLog.targetId, String(created.data.id))));
    expect(audit.actorId).toBe(adminId);
    const signIn = await signInStaff(handle.db, {
      email: 'wang@example.com',
      password: 'initial password',
      ip: '10.1.0.1',
      authSecret: TEST_AUTH_SECRET,
    });
    expect(signIn.ok).toBe(true);
  });

  it('refuses a duplicate email, whatever its case, with a field error', async () => {
    const result = await createStaff(handle.db, {
      actorId: adminId,
      name: 'Copy',
      email: 'BOSS@example.com',
      role: 'viewer',
      password: 'another password',
    });
    expect(result).toMatchObject({ ok: false, code: 'email_taken', fieldErrors: { email: [expect.any(String)] } });
    const bosses = await handle.db.select().from(staffUsers).where(eq(staffUsers.email, 'boss@example.com'));
    expect(bosses).toHaveLength(1);
  });

  it('does not let an admin disable or demote themselves', async () => {
    expect(await setStaffActive(handle.db, { actorId: adminId, staffId: adminId, isActive: false })).toMatchObject({
      ok: false,
      code: 'cannot_change_self',
    });
    expect(await updateStaffRole(handle.db, { actorId: adminId, staffId: adminId, role: 'viewer' })).toMatchObject({
      ok: false,
      code: 'cannot_change_self',
    });
    const [me] = await handle.db.select().from(staffUsers).where(eq(staffUsers.id, adminId));
    expect(me).toMatchObject({ role: 'admin', isActive: true });
  });

  it('disabling an account revokes its sessions at once; enabling does not revive them', async () => {
    const userId = await insertStaffForTest(handle.db, {
      email: 'temp@example.com',
      password: 'temp password 1',
      role: 'operations',
    });
    const first = await signInStaff(handle.db, {
      email: 'temp@example.com',
      password: 'temp password 1',
      ip: '10.1.0.2',
      authSecret: TEST_AUTH_SECRET,
    });
    const second = await signInStaff(handle.db, {
      email: 'temp@example.com',
      password: 'temp password 1',
      ip: '10.1.0.3',
      authSecret: TEST_AUTH_SECRET,
    });
    if (!first.ok || !second.ok) throw new Error('sign-in failed');
    expect(await findActiveSession(handle.db, first.data.sessionId, new Date())).not.toBeNull();

    const disabled = await setStaffActive(handle.db, { actorId: adminId, staffId: userId, isActive: false });
    expect(disabled).toEqual({ ok: true, data: { id: userId, isActive: false, revokedSessions: 2 } });
    expect(await findActiveSession(handle.db, first.data.sessionId, new Date())).toBeNull();
    expect(await findActiveSession(handle.db, second.data.sessionId, new Date())).toBeNull();
    const open = await handle.db
      .select()
      .from(staffSessions)
      .where(and(eq(staffSessions.userId, userId), isNull(staffSessions.revokedAt)));
    expect(open).toHaveLength(0);

    expect((await setStaffActive(handle.db, { actorId: adminId, staffId: userId, isActive: true })).ok).toBe(true);
    expect(await findActiveSession(handle.db, first.data.sessionId, new Date())).toBeNull();
    expect(
      (
        await signInStaff(handle.db, {
          email: 'temp@example.com',
          password: 'temp password 1',
          ip: '10.1.0.4',
          authSecret: TEST_AUTH_SECRET,
        })
      ).ok,
    ).toBe(true);
  });

  it('a role change shows on the next session lookup', async () => {
    const userId = await insertStaffForTest(handle.db, {
      email: 'role@example.com',
      password: 'role password 1',
      role: 'viewer',
    });
    const signIn = await signInStaff(handle.db, {
      email: 'role@example.com',
      password: 'role password 1',
      ip: '10.1.0.5',
      authSecret: TEST_AUTH_SECRET,
    });
    if (!signIn.ok) throw new Error('sign-in failed');
    expect((await updateStaffRole(handle.db, { actorId: adminId, staffId: userId, role: 'finance' })).ok).toBe(true);
    expect((await findActiveSession(handle.db, signIn.data.sessionId, new Date()))?.staff.role).toBe('finance');
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'staff.update_role'), eq(auditLog.targetId, String(userId))));
    expect(audit.details).toEqual({ from: 'viewer', to: 'finance' });
  });

  it('stops an admin who was demoted meanwhile, and non-admins, from managing staff', async () => {
    const opsId = await insertStaffForTest(handle.db, {
      email: 'ops2@example.com',
      password: 'ops2 password 1',
      role: 'operations',
    });
    expect(await setStaffActive(handle.db, { actorId: opsId, staffId: otherAdminId, isActive: false })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await updateStaffRole(handle.db, { actorId: adminId, staffId: otherAdminId, role: 'viewer' })).ok).toBe(
      true,
    );
    expect(await updateStaffRole(handle.db, { actorId: otherAdminId, staffId: adminId, role: 'viewer' })).toMatchObject(
      { ok: false, code: 'forbidden' },
    );
    const admins = await handle.db
      .select()
      .from(staffUsers)
      .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.isActive, true)));
    expect(admins.map((a) => a.id)).toEqual([adminId]);
  });

  it('two admins demoting each other at once leave one admin standing', async () => {
    const a = await insertStaffForTest(handle.db, {
      email: 'a-admin@example.com',
      password: 'a password 12',
      role: 'admin',
    });
    const b = await insertStaffForTest(handle.db, {
      email: 'b-admin@example.com',
      password: 'b password 12',
      role: 'admin',
    });
    const results = await Promise.all([
      updateStaffRole(handle.db, { actorId: a, staffId: b, role: 'viewer' }),
      updateStaffRole(handle.db, { actorId: b, staffId: a, role: 'viewer' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const rows = await handle.db.select().from(staffUsers).where(eq(staffUsers.role, 'admin'));
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([adminId]));
    expect(rows.filter((r) => r.id === a || r.id === b)).toHaveLength(1);
  });

  it('reports unknown accounts', async () => {
    expect(await setStaffActive(handle.db, { actorId: adminId, staffId: 999_999, isActive: false })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
