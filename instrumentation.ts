// Next waits for register() before serving, so the first request never races the migration.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabaseOrExit } = await import('./db/start');
  await prepareDatabaseOrExit();
  // a missing AUTH_SECRET in production stops the start with one line instead of failing every sign-in
  const { getAuthSecret } = await import('./lib/auth/secret');
  try {
    getAuthSecret();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
