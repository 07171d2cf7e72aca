import type { Database } from '@/db/client';
import { runAllJobs } from '@/domain/automation/run-jobs';
import { getLogger } from '@/lib/log/logger';
import { paymentsContextForJobs } from '@/lib/payments/context';

// the scheduler's lines go to the structured log, with the actor every job runs as
const jobLog: Pick<Console, 'error' | 'info'> = {
  error: (message: string) => getLogger().error({ route: 'jobs', actorType: 'system' }, message),
  info: (message: string) => getLogger().info({ route: 'jobs', actorType: 'system' }, message),
};

const INTERVAL_MS = 60_000;
const MAX_JITTER_MS = 10_000;

const globalForJobs = globalThis as unknown as { orderConsoleJobs?: { timer: NodeJS.Timeout; stop: () => void } };

/**
 * Runs the order sweeps every minute (plus jitter, so several instances do not tick together;
 * the sweeps are safe to overlap anyway). Timers are unref'd: they never keep the process alive.
 * Off when JOBS_DISABLED=1. Returns a stop function; a second call in one process is a no-op.
 */
export function startJobScheduler(getDb: () => Database, log: Pick<Console, 'error' | 'info'> = jobLog): () => void {
  if (process.env.JOBS_DISABLED === '1') {
    log.info('order console: background jobs disabled (JOBS_DISABLED=1)');
    return () => {};
  }
  if (globalForJobs.orderConsoleJobs) return globalForJobs.orderConsoleJobs.stop;

  let isStopped = false;
  // one chain of timeouts: the next run is scheduled when this one ends, so runs never overlap
  const tick = async () => {
    if (isStopped) return;
    try {
      const started = performance.now();
      for (const outcome of await runAllJobs(getDb(), { payments: paymentsContextForJobs() })) {
        if (outcome.error) log.error(`order console: job ${outcome.name} failed: ${outcome.error}`);
      }
      getLogger().debug({ route: 'jobs', durationMs: Math.round(performance.now() - started) }, 'jobs ran');
    } catch (error) {
      log.error(`order console: jobs failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      schedule();
    }
  };
  const schedule = () => {
    if (isStopped) return;
    const timer = setTimeout(
      () => {
        void tick();
      },
      INTERVAL_MS + Math.floor(Math.random() * MAX_JITTER_MS),
    );
    timer.unref();
    if (globalForJobs.orderConsoleJobs) globalForJobs.orderConsoleJobs.timer = timer;
  };
  const stop = () => {
    isStopped = true;
    if (globalForJobs.orderConsoleJobs) clearTimeout(globalForJobs.orderConsoleJobs.timer);
    globalForJobs.orderConsoleJobs = undefined;
  };
  // the first run comes soon after start (timeouts that expired while the server was down)
  const first = setTimeout(
    () => {
      void tick();
    },
    5_000 + Math.floor(Math.random() * MAX_JITTER_MS),
  );
  first.unref();
  globalForJobs.orderConsoleJobs = { timer: first, stop };
  log.info('order console: background jobs scheduled every 60 s');
  return stop;
}
