import { isTrackingSandboxEnabled } from './testing/sandboxes/kuaidi100/enabled';

// Next waits for register() before serving, so the first request never races the migration.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabaseOrExit } = await import('./db/start');
  await prepareDatabaseOrExit();
  const { ensureAuthSecretOrExit } = await import('./lib/auth/ensure-secret');
  ensureAuthSecretOrExit();
  // the order sweeps (unpaid timeout, auto-review, auto-complete) run in the server process
  const [{ startJobScheduler }, { getDb }] = await Promise.all([import('./lib/jobs/scheduler'), import('./db/client')]);
  // test doubles plug in here, never inside production code: the offline tracking aggregator
  if (isTrackingSandboxEnabled()) {
    const { registerTrackingSandbox } = await import('./testing/sandboxes/kuaidi100/register');
    await registerTrackingSandbox(getDb());
  }
  startJobScheduler(getDb);
}
