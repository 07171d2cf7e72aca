import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Plausible } from './schema-arbitrary';

/** Cases per route or action: FUZZ_RUNS when set (npm run fuzz), else the suite's modest default. */
export function fuzzRuns(fallback: number): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : fallback;
}

/** A test's time limit for `runs` cases: generous, since a loaded machine runs a case in well over 100 ms. */
export function caseTimeout(runs: number): number {
  return Math.max(60_000, runs * 500);
}

/** Next's redirect(), notFound(), forbidden() travel as thrown errors with a digest: answers, not bugs. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(digest);
}

/** The seed of the suite's fuzz runs; FUZZ_SEED replaces it, FUZZ_RUNS (npm run fuzz) draws fresh ones. */
const SUITE_SEED = 20261207;

/** Ids, numbers and codes that exist in the seeded database, mixed into generated input. */
export async function plausibleFrom(db: Database): Promise<Plausible> {
  const rows = await queryRows<{ id: number | null; word: string | null }>(
    db,
    sql.raw(`
      (select id, number as word from orders order by id limit 12)
      union all (select id, code from skus order by id limit 8)
      union all (select id, code from warehouses order by id limit 3)
      union all (select id, email from staff_users order by id limit 4)
      union all (select id, code from carriers order by id limit 4)
      union all (select id, null from shipments order by id limit 6)
      union all (select id, null from payments order by id limit 6)
      union all (select id, null from after_sales_requests order by id limit 6)
      union all (select null, tracking_number from shipments where tracking_number is not null order by id limit 3)
    `),
  );
  const ids = [...new Set(rows.flatMap((row) => (row.id === null ? [] : [Number(row.id)])))];
  const words = [...new Set(rows.flatMap((row) => (row.word === null ? [] : [row.word])))];
  return {
    ids: ids.length > 0 ? ids : [1],
    words: [
      ...words,
      ...['cancel', 'review', 'ship', 'complete', 'archive', 'restore', 'alipay', 'wechat-pay', 'unionpay'],
      ...['zh-CN', 'en', 'admin', 'operations', 'a reason', 'SF1234567890', 'shunfeng', '13812345678'],
    ],
  };
}

/**
 * Runs a property and fails with a short report (the counterexample cut to 600 characters, the
 * seed and path to replay it): hostile inputs hold megabytes of text.
 */
export async function checkProperty<T>(name: string, property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  // the suite replays one fixed seed (a CI run is reproducible); npm run fuzz (FUZZ_RUNS) explores new ones
  const seed = Number(process.env.FUZZ_SEED) || (process.env.FUZZ_RUNS ? undefined : SUITE_SEED);
  const details = await fc.check(property, { numRuns, endOnFailure: true, ...(seed ? { seed } : {}) });
  if (!details.failed) return;
  const example = fc.stringify(details.counterexample);
  const error = details.errorInstance as Error | undefined;
  throw new Error(
    `${name} failed after ${details.numRuns} cases (FUZZ_SEED=${details.seed}, path ${details.counterexamplePath})\n` +
      `input: ${example.length > 600 ? `${example.slice(0, 600)}… (${example.length} chars)` : example}\n` +
      `${error?.stack?.split('\n').slice(0, 8).join('\n') ?? String(error)}`,
  );
}
