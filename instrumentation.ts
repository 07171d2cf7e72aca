import { isTrackingSandboxEnabled } from './testing/sandboxes/kuaidi100/enabled';
import type { Instrumentation } from 'next';

// Next waits for register() before serving, so the first request never races the migration.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // before the first request: the sign-in throttle keys on the TCP peer (TRUSTED_PROXIES for proxies)
  (await import('./lib/auth/peer-address')).installPeerAddressStamp();
  const { prepareDatabaseOrExit } = await import('./db/start');
  const { getLogger } = await import('./lib/log/logger');
  const logger = getLogger();
  await prepareDatabaseOrExit({ info: (line) => logger.info(line), error: (line) => logger.fatal(line) });
  const { ensureAuthSecretOrExit } = await import('./lib/auth/ensure-secret');
  ensureAuthSecretOrExit();
  // the payment sandbox is a test double: plugged in here, only where it is allowed, never imported by the app
  if (
    process.env.PAYMENTS_SANDBOX !== '0' &&
    (process.env.NODE_ENV !== 'production' || process.env.PAYMENTS_SANDBOX === '1')
  ) {
    const { registerPaymentsSandbox } = await import('./testing/sandboxes/payments/register');
    registerPaymentsSandbox();
  }
  // the order sweeps (unpaid timeout, auto-review, auto-complete) run in the server process
  const [{ startJobScheduler }, { getDb }] = await Promise.all([import('./lib/jobs/scheduler'), import('./db/client')]);
  // test doubles plug in here, never inside production code: the offline tracking aggregator
  if (isTrackingSandboxEnabled()) {
    const { registerTrackingSandbox } = await import('./testing/sandboxes/kuaidi100/register');
    await registerTrackingSandbox(getDb());
    // and its e-waybill side (电子面单), behind the same Kuaidi100 adapter as the live service
    const { registerWaybillSandbox } = await import('./testing/sandboxes/kuaidi100-waybill/register');
    registerWaybillSandbox();
  }
  startJobScheduler(getDb);
}

/** Errors Next catches on the server (pages, server actions, route handlers) go to the structured log. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getLogger } = await import('./lib/log/logger');
  const { REQUEST_ID_HEADER } = await import('./lib/log/request-id');
  const requestId = request.headers[REQUEST_ID_HEADER];
  getLogger().error(
    {
      err: error,
      requestId: Array.isArray(requestId) ? requestId[0] : requestId,
      route: `${request.method} ${request.path.split('?')[0]}`,
      routeType: context.routeType,
      routePath: context.routePath,
    },
    'request failed',
  );
};
