import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { staffRecoveryCodes, staffUsers } from '@/db/schema/staff';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { verifyPassword } from './password';
import { hashRecoveryCode, newRecoveryCodes } from './totp';

export const ZRegenerateRecoveryCodes = z.object({
  currentPassword: z.string().min(1, 'staff.validation.currentPasswordRequired').max(1024),
});

/**
 * Replaces a person's recovery codes with ten new ones (current password required): the old
 * ones, used or not, stop working at once, and the new ones are shown this once (only their
 * hashes are kept). Audited as `staff.recovery_codes_regenerate`.
 * Failure codes: `wrong_password`, `not_enabled` (two-factor sign-in is off).
 */
export async function regenerateRecoveryCodes(
  db: Database,
  input: { staffId: number; currentPassword: string; ip?: string | null; now?: Date },
): Promise<Result<{ recoveryCodes: string[] }, 'wrong_password' | 'not_enabled'>> {
  const now = input.now ?? new Date();
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, input.staffId));
  if (!user?.totpEnabledAt) return fail('not_enabled', 'Two-factor sign-in is not on.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return fail('wrong_password', 'The current password is incorrect.', {
      currentPassword: ['staff.errors.wrong_password'],
    });
  }
  const recoveryCodes = newRecoveryCodes();
  return db.transaction(async (tx) => {
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, user.id));
    await tx
      .insert(staffRecoveryCodes)
      .values(recoveryCodes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code), createdAt: now })));
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: user.id,
      action: 'staff.recovery_codes_regenerate',
      targetType: 'staff_user',
      targetId: user.id,
      ip: input.ip,
      at: now,
    });
    return ok({ recoveryCodes });
  });
}
