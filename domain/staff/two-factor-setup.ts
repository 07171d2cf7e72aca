import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { staffRecoveryCodes, staffUsers } from '@/db/schema/staff';
import { getSetting } from '@/domain/settings/get-setting';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { verifyPassword } from './password';
import { openTotpSecret, sealTotpSecret } from './second-factor';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotpCode } from './totp';

export const ZConfirmTotp = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'staff.validation.totpCodeShape'),
});
export const ZDisableTotp = z.object({
  currentPassword: z.string().min(1, 'staff.validation.currentPasswordRequired').max(1024),
});

/**
 * Starts setting up two-factor sign-in: a new secret is kept (sealed) on the account, not yet in
 * use; the person scans its QR code and confirms with a code (confirmTotpEnrolment).
 * Failure codes: `already_enabled`, `not_found`.
 */
export async function startTotpEnrolment(
  db: Database,
  input: { staffId: number; authSecret: string },
): Promise<Result<{ secret: string; uri: string }, 'already_enabled' | 'not_found'>> {
  const secret = newTotpSecret();
  const [user] = await db
    .update(staffUsers)
    .set({ totpSecret: sealTotpSecret(secret, input.authSecret), totpLastStep: null })
    .where(and(eq(staffUsers.id, input.staffId), isNull(staffUsers.totpEnabledAt)))
    .returning({ email: staffUsers.email });
  if (!user) {
    const [exists] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, input.staffId));
    return exists
      ? fail('already_enabled', 'Two-factor sign-in is already on.')
      : fail('not_found', 'This staff account does not exist.');
  }
  return ok({ secret, uri: totpUri(secret, user.email) });
}

/**
 * Turns two-factor sign-in on once the person proves their app shows the right code, and hands
 * out ten one-time recovery codes (only their hashes are kept: they are shown this once).
 * Failure codes: `invalid_totp`, `not_started` (no secret waiting), `already_enabled`.
 */
export async function confirmTotpEnrolment(
  db: Database,
  input: { staffId: number; code: string; authSecret: string; ip?: string | null; now?: Date },
): Promise<Result<{ recoveryCodes: string[] }, 'invalid_totp' | 'not_started' | 'already_enabled'>> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, input.staffId)).for('update');
    if (!user) return fail('not_started', 'Start setting up two-factor sign-in first.');
    if (user.totpEnabledAt) return fail('already_enabled', 'Two-factor sign-in is already on.');
    const secret = user.totpSecret ? openTotpSecret(user.totpSecret, input.authSecret) : undefined;
    if (!secret) return fail('not_started', 'Start setting up two-factor sign-in first.');
    const step = await verifyTotpCode(secret, input.code, now, null);
    if (step === null) return fail('invalid_totp', 'The code is incorrect.', { code: ['staff.errors.invalid_totp'] });

    const recoveryCodes = newRecoveryCodes();
    await tx
      .update(staffUsers)
      .set({ totpEnabledAt: now, totpLastStep: step, updatedAt: now })
      .where(eq(staffUsers.id, user.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, user.id));
    await tx
      .insert(staffRecoveryCodes)
      .values(recoveryCodes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code), createdAt: now })));
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: user.id,
      action: 'staff.totp_enable',
      targetType: 'staff_user',
      targetId: user.id,
      ip: input.ip,
      at: now,
    });
    return ok({ recoveryCodes });
  });
}

/**
 * Turns two-factor sign-in off (current password required). Refused while the person's role
 * requires it (Settings → Staff → Security).
 * Failure codes: `wrong_password`, `required_by_role`, `not_enabled`.
 */
export async function disableTotp(
  db: Database,
  input: { staffId: number; currentPassword: string; ip?: string | null; now?: Date },
): Promise<Result<{ disabled: true }, 'wrong_password' | 'required_by_role' | 'not_enabled'>> {
  const now = input.now ?? new Date();
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, input.staffId));
  if (!user?.totpEnabledAt) return fail('not_enabled', 'Two-factor sign-in is not on.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return fail('wrong_password', 'The current password is incorrect.', {
      currentPassword: ['staff.errors.wrong_password'],
    });
  }
  const security = await getSetting(db, 'security');
  if (security.totpRequiredRoles.includes(user.role))
    return fail('required_by_role', 'Your role requires two-factor sign-in.');
  return db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now })
      .where(eq(staffUsers.id, user.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, user.id));
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: user.id,
      action: 'staff.totp_disable',
      targetType: 'staff_user',
      targetId: user.id,
      ip: input.ip,
      at: now,
    });
    return ok({ disabled: true as const });
  });
}
