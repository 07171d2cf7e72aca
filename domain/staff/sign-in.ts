import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { signInAttempts, staffSessions, staffUsers } from '@/db/schema/staff';
import { getSetting } from '@/domain/settings/get-setting';
import { systemClock, type Clock } from '@/domain/shared/clock';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Fail, type Ok } from '@/domain/shared/result';
import { hashPassword, verifyPassword } from './password';
import type { StaffRole } from './roles';
import { forgiveSignIn, pruneSignInThrottles, reserveAccountAttempt, reserveAddressAttempt } from './sign-in-throttle';
import { normalizeEmail } from './staff-input';
import { checkSecondFactor } from './second-factor';

export interface SignInInput {
  email: string;
  password: string;
  /** the six-digit authenticator code or a recovery code, for accounts with two-factor sign-in */
  code?: string | null;
  /** client address; attempts are throttled per address (and per account) */
  ip: string;
  userAgent?: string | null;
  /** AUTH_SECRET: opens the sealed TOTP secret */
  authSecret: string;
}

export interface SignedIn {
  staff: { id: number; name: string; email: string; role: StaffRole };
  sessionId: string;
  expiresAt: Date;
}

/**
 * Failure codes:
 * - `invalid_credentials`: unknown email, wrong password or disabled account (deliberately the same)
 * - `totp_required`: the password is right and the account has two-factor sign-in: ask for a code
 * - `invalid_totp`: the code (or recovery code) is wrong or already used
 * - `throttled`: too many recent attempts from this address or at this account; `retryAfterMinutes` says when to retry
 */
export type SignInResult =
  | Ok<SignedIn>
  | Fail<'invalid_credentials' | 'totp_required' | 'invalid_totp'>
  | (Fail<'throttled'> & { retryAfterMinutes: number });

function throttled(retryAfterMinutes: number): SignInResult {
  return {
    ...fail('throttled', `Too many failed sign-in attempts; try again in ${retryAfterMinutes} minutes.`),
    retryAfterMinutes,
  };
}

// Verified against when the email is unknown, so a miss costs the same argon2 work as a hit.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummyHash;
}

/**
 * Checks a staff member's email, password and (when enabled) second factor and, on success, opens
 * a server-side session whose id goes into the session cookie. Each attempt is counted against its
 * address and its account before the password is checked (sign-in-throttle.ts).
 */
export async function signInStaff(db: Database, input: SignInInput, clock: Clock = systemClock): Promise<SignInResult> {
  const email = normalizeEmail(input.email).slice(0, 320);
  await pruneSignInThrottles(db, clock.now());
  const byAddress = await reserveAddressAttempt(db, input.ip, clock.now());
  if (byAddress.kind === 'refuse') return throttled(byAddress.retryAfterMinutes);
  const byAccount = await reserveAccountAttempt(db, email, input.ip, clock.now());
  if (byAccount.kind === 'refuse') return throttled(byAccount.retryAfterMinutes);
  if (byAddress.delayMs > 0) await clock.sleep(byAddress.delayMs);

  const [user] = await db
    .select()
    .from(staffUsers)
    .where(eq(sql`lower(${staffUsers.email})`, email))
    .limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  const at = clock.now();
  const recordFailure = async (reason: string) =>
    db.transaction(async (tx) => {
      await tx.insert(signInAttempts).values({ ip: input.ip, email, succeeded: false, createdAt: at });
      await recordAudit(tx, {
        actorType: 'staff',
        actorId: user?.id ?? null,
        action: 'staff.sign_in_failed',
        targetType: 'staff_user',
        targetId: user?.id,
        details: { reason, email },
        ip: input.ip,
        at,
      });
    });

  if (!user || !passwordOk || !user.isActive) {
    // written for unknown emails too, so both paths do the same database work
    await recordFailure(!user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'account_disabled');
    return fail('invalid_credentials', 'The email or password is incorrect.');
  }

  if (user.totpEnabledAt) {
    const code = input.code?.trim();
    if (!code) return fail('totp_required', 'Enter the code from your authenticator app.');
    const second = await checkSecondFactor(db, user, code, at, input.authSecret);
    if (!second.ok) {
      await recordFailure('wrong_totp');
      return fail('invalid_totp', 'The code is incorrect or was already used.');
    }
  }

  const security = await getSetting(db, 'security');
  const sessionId = randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + security.sessionAbsoluteDays * 86_400_000);
  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ ip: input.ip, email, succeeded: true, createdAt: at });
    await tx.insert(staffSessions).values({
      id: sessionId,
      userId: user.id,
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
    });
    await tx.update(staffUsers).set({ lastSignInAt: at }).where(eq(staffUsers.id, user.id));
    await forgiveSignIn(tx, email, input.ip);
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: user.id,
      action: 'staff.sign_in',
      targetType: 'staff_user',
      targetId: user.id,
      ip: input.ip,
      at,
    });
  });
  return ok({ staff: { id: user.id, name: user.name, email: user.email, role: user.role }, sessionId, expiresAt });
}
