import { getAuthSecret } from './secret';

/** At server start: a missing AUTH_SECRET in production stops the process with one line, instead of failing every request. */
export function ensureAuthSecretOrExit(): void {
  try {
    getAuthSecret();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
