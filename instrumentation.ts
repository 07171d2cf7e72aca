// Next waits for register() before serving, so the first request never races the migration.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabaseOrExit } = await import('./db/start');
  await prepareDatabaseOrExit();
  const { ensureAuthSecretOrExit } = await import('./lib/auth/ensure-secret');
  ensureAuthSecretOrExit();
  // the payment sandbox is a test double: plugged in here, only where it is allowed, never imported by the app
  if (process.env.PAYMENTS_SANDBOX !== '0' && (process.env.NODE_ENV !== 'production' || process.env.PAYMENTS_SANDBOX === '1')) {
    const { registerPaymentsSandbox } = await import('./testing/sandboxes/payments/register');
    registerPaymentsSandbox();
  }
  // the order sweeps (unpaid timeout, auto-review, auto-complete) run in the server process
  const [{ startJobScheduler }, { getDb }] = await Promise.all([import('./lib/jobs/scheduler'), import('./db/client')]);
  startJobScheduler(getDb);
}
