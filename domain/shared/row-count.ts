import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

/**
 * How many rows a list has, at a cost that does not grow with the table. A list of a few thousand
 * gets its exact count; a list of millions gets "about N" from the planner's estimate, because an
 * exact count(*) over a million orders takes longer than the page it sits on.
 *
 * exact: counted. about: the planner's estimate (already known to be past the cap). atLeast: counted
 * up to the cap and stopped (the estimate was lower than what we counted, so it is not worth showing).
 */
export type RowCount =
  { kind: 'exact'; value: number } | { kind: 'about'; value: number } | { kind: 'atLeast'; value: number };

/** Counting stops after this many rows. */
export const COUNT_CAP = 10_000;
/** Past this estimate the capped count is skipped: the list is large, whatever the exact figure. */
export const ESTIMATE_ONLY_ABOVE = 100_000;

/** The planner's row estimate from EXPLAIN (FORMAT JSON) output (a row per statement, text or JSON). */
export function readPlanRows(rows: readonly Record<string, unknown>[]): number | null {
  const raw = rows[0]?.['QUERY PLAN'];
  if (raw === undefined) return null;
  try {
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: unknown } }[];
    const estimate = Number(plan[0]?.Plan?.['Plan Rows']);
    return Number.isFinite(estimate) && estimate >= 0 ? estimate : null;
  } catch {
    return null;
  }
}

/** Two significant figures: an estimate shown to the last digit would claim a precision it does not have. */
export function roundEstimate(value: number): number {
  if (value < 100) return Math.round(value);
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/**
 * Decides what to show from what was measured: the estimate, and (when it was run) the capped count.
 * Pure, so the rules are tested without a database.
 */
export function decideRowCount(estimate: number | null, counted: number | null, cap = COUNT_CAP): RowCount {
  if (counted !== null && counted <= cap) return { kind: 'exact', value: counted };
  if (estimate !== null && estimate > cap) return { kind: 'about', value: roundEstimate(estimate) };
  return { kind: 'atLeast', value: cap };
}

/**
 * Counts the rows of `query` (a SELECT without LIMIT or ORDER BY): the estimate first (EXPLAIN plans,
 * never runs, the statement), then, unless the estimate is far past the cap, a count that stops
 * after cap + 1 rows.
 */
export async function countRows(
  db: Database,
  query: SQL,
  options: { cap?: number; estimateOnlyAbove?: number } = {},
): Promise<RowCount> {
  const cap = options.cap ?? COUNT_CAP;
  const estimateOnlyAbove = options.estimateOnlyAbove ?? ESTIMATE_ONLY_ABOVE;
  const estimate = readPlanRows(await queryRows(db, sql`explain (format json) ${query}`));
  if (estimate !== null && estimate > estimateOnlyAbove) return decideRowCount(estimate, null, cap);
  const [row] = await queryRows<{ count: number | string }>(
    db,
    sql`select count(*)::int as "count" from (${query} limit ${cap + 1}) as capped`,
  );
  return decideRowCount(estimate, Number(row?.count ?? 0), cap);
}
