import { registerJob } from '@/domain/automation/run-jobs';
import { createKuaidi100Provider } from '@/domain/logistics/tracking/kuaidi100-provider';
import { registerSandboxTracking } from '@/domain/logistics/tracking/sandbox-slot';
import { appBaseUrl, getKuaidi100Settings, pushUrlOf } from '@/domain/logistics/tracking/tracking-settings';
import { ensureSandboxTables } from './sandbox-tables';
import { sendDueSandboxPushes } from './send-sandbox-pushes';
import type { Database } from '@/db/client';

/** Where the offline aggregator answers on this server (the same paths as poll.kuaidi100.com below it). */
export const KUAIDI100_SANDBOX_PATH = '/sandbox/kuaidi100';

/** The sandbox's clock, listed in Settings beside the built-in jobs. */
export const SANDBOX_PUSHES_JOB = 'sandbox_tracking_pushes';

/**
 * Plugs the offline aggregator in, called by a composition root (instrumentation.ts, scripts) when
 * the sandbox is enabled: in sandbox mode the console talks to it through the same Kuaidi100
 * adapter as to the real service, only at this server's /sandbox/kuaidi100; and its due pushes
 * are sent by one more background job. Pass a database to create the sandbox's tables now.
 */
export async function registerTrackingSandbox(db?: Database): Promise<void> {
  if (db) await ensureSandboxTables(db);
  registerSandboxTracking((config, options) =>
    createKuaidi100Provider({
      baseUrl: `${appBaseUrl()}${KUAIDI100_SANDBOX_PATH}`,
      key: config.key,
      customer: config.customer,
      salt: config.salt,
      callbackUrl: pushUrlOf(config),
      fetch: options.fetch,
    }),
  );
  // nothing to do while Settings use the real aggregator
  registerJob(SANDBOX_PUSHES_JOB, async (jobDb) =>
    (await getKuaidi100Settings(jobDb)).mode === 'sandbox' ? sendDueSandboxPushes(jobDb) : { skipped: 'live mode' },
  );
}

/** Takes the sandbox out again (tests). */
export function unregisterTrackingSandbox(): void {
  registerSandboxTracking(undefined);
  registerJob(SANDBOX_PUSHES_JOB, undefined);
}
