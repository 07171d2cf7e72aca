import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

/** Codes from one 30-second step before or after now are accepted: phone clocks drift. */
const TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

/** A fresh base32 TOTP secret (160 bits). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: 'Order Console', label: email, secret });
}

/**
 * The time step a code belongs to, or null when it is wrong. A code at or before `afterStep`
 * (the last one accepted) is refused, so a code seen over someone's shoulder cannot be used again.
 */
export async function verifyTotpCode(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten recovery codes like "k7q2-9xm4-tz8p": 60 bits each, shown once. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** How a recovery code is stored and looked up: dashes, spaces and case do not matter. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .digest('hex');
}

/** Whether what someone typed looks like a recovery code rather than a six-digit TOTP code. */
export function isRecoveryCodeShape(code: string): boolean {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '').length === 12;
}
