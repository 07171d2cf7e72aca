// Next waits for register() before serving, so the first request never races the migration.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // before the first request: the sign-in throttle keys on the TCP peer (TRUSTED_PROXIES for proxies)
  (await import('./lib/auth/peer-address')).installPeerAddressStamp();
  const { prepareDatabaseOrExit } = await import('./db/start');
  await prepareDatabaseOrExit();
  const { ensureAuthSecretOrExit } = await import('./lib/auth/ensure-secret');
  ensureAuthSecretOrExit();
  // the order sweeps (unpaid timeout, auto-review, auto-complete) run in the server process
  const [{ startJobScheduler }, { getDb }] = await Promise.all([import('./lib/jobs/scheduler'), import('./db/client')]);
  startJobScheduler(getDb);
}
