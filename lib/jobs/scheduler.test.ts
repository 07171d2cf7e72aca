import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';

const runs = vi.hoisted(() => ({ count: 0, fail: false }));
vi.mock('@/domain/automation/run-jobs', () => ({
  runAllJobs: async () => {
    runs.count += 1;
    return runs.fail ? [{ name: 'cancel_unpaid_orders', error: 'boom' }] : [];
  },
}));

const { startJobScheduler } = await import('./scheduler');
const db = {} as Database;
const quiet = { info: vi.fn(), error: vi.fn() };

describe('startJobScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    runs.count = 0;
    runs.fail = false;
    quiet.error.mockClear();
  });
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.JOBS_DISABLED;
  });

  it("runs soon after start, then about every minute, with unref'd timers, until stopped", async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const stop = startJobScheduler(() => db, quiet);
    expect(startJobScheduler(() => db, quiet)).toBe(stop); // one scheduler per process
    await vi.advanceTimersByTimeAsync(15_000);
    expect(runs.count).toBe(1);
    await vi.advanceTimersByTimeAsync(70_000);
    expect(runs.count).toBe(2);
    // every timer it made lets the process exit
    const timers = spy.mock.results.map((result) => result.value as { hasRef: () => boolean });
    expect(timers.length).toBeGreaterThanOrEqual(2);
    for (const timer of timers) expect(timer.hasRef()).toBe(false);
    stop();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(runs.count).toBe(2);
    spy.mockRestore();
  });

  it('logs a failed job and keeps going', async () => {
    runs.fail = true;
    const stop = startJobScheduler(() => db, quiet);
    await vi.advanceTimersByTimeAsync(15_000 + 70_000);
    expect(runs.count).toBe(2);
    expect(quiet.error).toHaveBeenCalledWith('order console: job cancel_unpaid_orders failed: boom');
    stop();
  });

  it('does nothing when JOBS_DISABLED=1', async () => {
    process.env.JOBS_DISABLED = '1';
    startJobScheduler(() => db, quiet);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(runs.count).toBe(0);
  });
});
