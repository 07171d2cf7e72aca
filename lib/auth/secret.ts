import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a generated secret is kept when AUTH_SECRET is not set (beside the PGlite data). */
export const GENERATED_SECRET_FILE = path.resolve(/*turbopackIgnore: true*/ process.cwd(), '.data', 'auth-secret');

let cached: string | undefined;

/**
 * The key that encrypts session cookies. AUTH_SECRET wins. Without it, a production server on
 * PostgreSQL (DATABASE_URL set) refuses to start: several instances would each invent their own
 * key and sign each other's users out. Anywhere else (demo, dev, PGlite) a random key is generated
 * once and kept in .data/auth-secret (mode 600), so a fresh checkout runs without setup.
 */
export function getAuthSecret(): string {
  cached ??= resolveAuthSecret(process.env, GENERATED_SECRET_FILE);
  return cached;
}

/** getAuthSecret without the process-wide cache, for tests. */
export function resolveAuthSecret(env: Record<string, string | undefined>, file: string): string {
  const fromEnv = env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
    throw new Error(
      'AUTH_SECRET is not set: a production server on DATABASE_URL needs one shared secret (generate one with `openssl rand -base64 32`).',
    );
  }
  return readOrCreateSecretFile(file);
}

function readOrCreateSecretFile(file: string): string {
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': if two processes start at once, the first writer wins and the other reads its secret
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
