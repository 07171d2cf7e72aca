/**
 * The built console as the HTTP benchmarks run it: `next start` in its own process group (so its
 * CPU and memory can be read from /proc and it can be stopped as a whole), as scripts/e2e-server.mjs does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Starts `next start` (run `next build` first) on 127.0.0.1:port with env added to this process's. */
export function startBuiltServer(port: number, env: Record<string, string>): ChildProcess {
  return spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

/** Waits until the server answers its sign-in page. */
export async function waitForServer(origin: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not start within ${timeoutMs / 1000} s`);
}

/** The /proc entries of every process in a process group. */
function groupProcesses(groupId: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // fields after the parenthesised command: state ppid pgrp ...
      if (Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[2]) === groupId)
        found.push(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** CPU seconds (user + system) used so far by every process of the server's process group. */
export function groupCpuSeconds(groupId: number): number {
  let ticks = 0;
  for (const entry of groupProcesses(groupId)) {
    try {
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we looked
    }
  }
  return ticks / 100;
}

/** Resident memory (kB, VmRSS summed) of every process of the server's process group: npx, next and its workers. */
export function groupRssKb(groupId: number): number {
  let kb = 0;
  for (const entry of groupProcesses(groupId)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return kb;
}
