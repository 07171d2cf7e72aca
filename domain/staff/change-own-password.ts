import { and, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { staffSessions, staffUsers } from '@/db/schema/staff';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem, passwordProblemMessage, ZNewPassword } from './password-policy';

export const ZChangeOwnPassword = z
  .object({
    currentPassword: z.string().min(1, 'staff.validation.currentPasswordRequired').max(1024),
    newPassword: ZNewPassword,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'staff.validation.passwordMismatch',
    path: ['confirmPassword'],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: 'staff.validation.passwordUnchanged',
    path: ['newPassword'],
  });
export type TChangeOwnPassword = z.infer<typeof ZChangeOwnPassword>;

/**
 * A person changes their own password; the current one is required, so a borrowed unlocked
 * browser cannot take the account over. Their other sessions end (this one stays), and a pending
 * "choose a new password" from an admin reset is cleared.
 * Failure codes: `wrong_password` (current password incorrect), `weak_password` (contains the email).
 */
export async function changeOwnPassword(
  db: Database,
  input: TChangeOwnPassword & { staffId: number; sessionId: string; ip?: string | null; now?: Date },
): Promise<Result<{ endedSessions: number }, 'wrong_password' | 'weak_password' | 'not_found'>> {
  const now = input.now ?? new Date();
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.id, input.staffId), eq(staffUsers.isActive, true)));
  if (!user) return fail('not_found', 'This staff account does not exist.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit(db, {
      actorType: 'staff',
      actorId: user.id,
      action: 'staff.password_change_failed',
      targetType: 'staff_user',
      targetId: user.id,
      ip: input.ip,
      at: now,
    });
    return fail('wrong_password', 'The current password is incorrect.', {
      currentPassword: ['staff.errors.wrong_password'],
    });
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem)
    return fail(
      'weak_password',
      'Choose a stronger password.',
      { newPassword: [passwordProblemMessage(problem)] },
      { reason: problem },
    );

  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
      .where(eq(staffUsers.id, user.id));
    const ended = await tx
      .update(staffSessions)
      .set({ revokedAt: now })
      .where(
        and(eq(staffSessions.userId, user.id), isNull(staffSessions.revokedAt), ne(staffSessions.id, input.sessionId)),
      )
      .returning({ id: staffSessions.id });
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: user.id,
      action: 'staff.password_change',
      targetType: 'staff_user',
      targetId: user.id,
      details: { endedSessions: ended.length, wasRequired: user.mustChangePassword },
      ip: input.ip,
      at: now,
    });
    return ok({ endedSessions: ended.length });
  });
}
