import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key as the merchant's system sends it: `oc_<prefix>_<secret>`. The prefix (public, 12
 * hex characters) finds the row; only a SHA-256 of the whole key is stored. A fast hash is right
 * here, unlike for passwords: the secret is 32 random bytes, so there is nothing to guess, and
 * every API request verifies one.
 */
export const API_KEY_PATTERN = /^oc_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('hex');
  const key = `oc_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The prefix of a well-formed key, else null. */
export function apiKeyPrefix(key: string): string | null {
  return API_KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Compares in constant time, so the stored hash cannot be found byte by byte. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** What the console shows of a key after creation: never the secret. */
export function maskedApiKey(prefix: string): string {
  return `oc_${prefix}_••••••••`;
}
