import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { staffRecoveryCodes, staffSessions, staffUsers } from '@/db/schema/staff';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { lockActorAndTarget } from './lock-actor-and-target';
import { hashPassword } from './password';
import { passwordProblem, passwordProblemMessage, ZNewPassword } from './password-policy';
import { ZStaffId } from './staff-input';

export const ZResetStaffPassword = z.object({ staffId: ZStaffId, password: ZNewPassword });
export type TResetStaffPassword = z.infer<typeof ZResetStaffPassword>;

/**
 * An admin sets a temporary password for someone who forgot theirs: every session of that person
 * ends, and their next sign-in must choose a new password before anything else. Two-factor
 * sign-in is turned off too (the usual reason is a lost phone); a role that requires it asks them
 * to set it up again right after.
 * Failure codes: `not_found`; `forbidden` (actor no longer an active admin); `cannot_change_self`
 * (change your own password on the account page); `weak_password`.
 */
export async function resetStaffPassword(
  db: Database,
  input: TResetStaffPassword & { actorId: number; ip?: string | null; now?: Date },
): Promise<
  Result<{ id: number; endedSessions: number }, 'not_found' | 'forbidden' | 'cannot_change_self' | 'weak_password'>
> {
  if (input.staffId === input.actorId)
    return fail('cannot_change_self', 'Change your own password on your account page.');
  const now = input.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const { actorAllowed, target } = await lockActorAndTarget(tx, input.actorId, input.staffId);
    if (!actorAllowed) return fail('forbidden', 'Only an active admin can reset passwords.');
    if (!target) return fail('not_found', 'This staff account does not exist.');
    const problem = passwordProblem(input.password, target.email);
    if (problem)
      return fail(
        'weak_password',
        'Choose a stronger password.',
        { password: [passwordProblemMessage(problem)] },
        { reason: problem },
      );

    await tx
      .update(staffUsers)
      .set({
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: now,
        updatedAt: now,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
      })
      .where(eq(staffUsers.id, target.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, target.id));
    const ended = await tx
      .update(staffSessions)
      .set({ revokedAt: now })
      .where(and(eq(staffSessions.userId, target.id), isNull(staffSessions.revokedAt)))
      .returning({ id: staffSessions.id });
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.actorId,
      action: 'staff.password_reset',
      targetType: 'staff_user',
      targetId: target.id,
      details: { endedSessions: ended.length, twoFactorCleared: Boolean(target.totpEnabledAt) },
      ip: input.ip,
      at: now,
    });
    return ok({ id: target.id, endedSessions: ended.length });
  });
}
