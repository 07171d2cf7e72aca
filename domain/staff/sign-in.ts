import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { signInAttempts, staffSessions, staffUsers } from '@/db/schema/staff';
import { systemClock, type Clock } from '@/domain/shared/clock';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Fail, type Ok } from '@/domain/shared/result';
import { hashPassword, verifyPassword } from './password';
import type { StaffRole } from './roles';
import { SESSION_MAX_AGE_SECONDS } from './session-lifetime';
import { getSignInThrottle } from './sign-in-throttle';
import { normalizeEmail } from './staff-input';


export interface SignInInput {
  email: string;
  password: string;
  /** client address; attempts are throttled per address */
  ip: string;
  userAgent?: string | null;
}

export interface SignedIn {
  staff: { id: number; name: string; email: string; role: StaffRole };
  sessionId: string;
  expiresAt: Date;
}

/**
 * Failure codes:
 * - `invalid_credentials`: unknown email, wrong password or disabled account (deliberately the same)
 * - `throttled`: too many recent failures from this address; `retryAfterMinutes` says when to retry
 */
export type SignInResult =
  | Ok<SignedIn>
  | Fail<'invalid_credentials'>
  | (Fail<'throttled'> & { retryAfterMinutes: number });

// Verified against when the email is unknown, so a miss costs the same argon2 work as a hit.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummyHash;
}

/**
 * Checks a staff member's email and password and, on success, opens a server-side session whose
 * id goes into the session cookie. Every attempt is recorded for throttling.
 */
export async function signInStaff(db: Database, input: SignInInput, clock: Clock = systemClock): Promise<SignInResult> {
  const email = normalizeEmail(input.email).slice(0, 320);
  const throttle = await getSignInThrottle(db, input.ip, clock.now());
  if (throttle.kind === 'refuse') {
    // not recorded: otherwise a locked-out address could never age out of the lock
    return { ...fail('throttled', `Too many failed sign-in attempts; try again in ${throttle.retryAfterMinutes} minutes.`), retryAfterMinutes: throttle.retryAfterMinutes };
  }
  if (throttle.delayMs > 0) await clock.sleep(throttle.delayMs);

  const [user] = await db.select().from(staffUsers).where(eq(sql`lower(${staffUsers.email})`, email)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? await getDummyHash(), input.password);
  const at = clock.now();

  if (!user || !passwordOk || !user.isActive) {
    await db.transaction(async (tx) => {
      await tx.insert(signInAttempts).values({ ip: input.ip, email, succeeded: false, createdAt: at });
      // written for unknown emails too, so both paths do the same database work
      const reason = !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'account_disabled';
      await recordAudit(tx, {
        actorType: 'staff', actorId: user?.id ?? null, action: 'staff.sign_in_failed', targetType: 'staff_user', targetId: user?.id,
        details: { reason, email }, ip: input.ip, at,
      });
    });
    return fail('invalid_credentials', 'The email or password is incorrect.');
  }

  const sessionId = randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ ip: input.ip, email, succeeded: true, createdAt: at });
    await tx.insert(staffSessions).values({
      id: sessionId, userId: user.id, createdAt: at, expiresAt, ip: input.ip, userAgent: input.userAgent?.slice(0, 512) ?? null,
    });
    await tx.update(staffUsers).set({ lastSignInAt: at }).where(eq(staffUsers.id, user.id));
    await recordAudit(tx, { actorType: 'staff', actorId: user.id, action: 'staff.sign_in', targetType: 'staff_user', targetId: user.id, ip: input.ip, at });
  });
  return ok({ staff: { id: user.id, name: user.name, email: user.email, role: user.role }, sessionId, expiresAt });
}
