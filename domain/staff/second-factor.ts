import { and, eq, isNull, or, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffRecoveryCodes, staffUsers, type StaffUser } from '@/db/schema/staff';
import { openSecret, sealSecret } from '@/domain/payments/secret-box';
import { fail, ok, type Result } from '@/domain/shared/result';
import { hashRecoveryCode, isRecoveryCodeShape, verifyTotpCode } from './totp';

/** TOTP secrets are sealed under the console's AUTH_SECRET, as provider keys are: a dump alone does not reveal them. */
export function sealTotpSecret(secret: string, authSecret: string): string {
  return sealSecret(secret, authSecret).sealed;
}

export function openTotpSecret(sealed: string, authSecret: string): string | undefined {
  return openSecret({ sealed, hint: '' }, authSecret);
}

/**
 * Checks a second factor: a six-digit code from the authenticator (each time step accepted once:
 * the conditional update is the check, so two requests with the same code cannot both pass), or
 * an unused recovery code (consumed by the same kind of update).
 */
export async function checkSecondFactor(
  db: Database,
  user: Pick<StaffUser, 'id' | 'totpSecret' | 'totpLastStep'>,
  code: string,
  now: Date,
  authSecret: string,
): Promise<Result<{ via: 'totp' | 'recovery_code' }, 'invalid_totp'>> {
  const wrong = fail('invalid_totp', 'The code is incorrect or was already used.');
  if (isRecoveryCodeShape(code)) {
    const used = await db
      .update(staffRecoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(staffRecoveryCodes.userId, user.id),
          eq(staffRecoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(staffRecoveryCodes.usedAt),
        ),
      )
      .returning({ userId: staffRecoveryCodes.userId });
    return used.length > 0 ? ok({ via: 'recovery_code' }) : wrong;
  }
  const secret = user.totpSecret ? openTotpSecret(user.totpSecret, authSecret) : undefined;
  if (!secret) return wrong;
  const step = await verifyTotpCode(secret, code, now, user.totpLastStep);
  if (step === null) return wrong;
  const accepted = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(and(eq(staffUsers.id, user.id), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
    .returning({ id: staffUsers.id });
  return accepted.length > 0 ? ok({ via: 'totp' }) : wrong;
}

/** How many unused recovery codes a person has left (shown on their account page). */
export async function countUnusedRecoveryCodes(db: Database, userId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)));
  return row?.count ?? 0;
}
