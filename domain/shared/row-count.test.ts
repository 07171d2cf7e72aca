import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { countRows, decideRowCount, readPlanRows, roundEstimate } from './row-count';

describe('decideRowCount', () => {
  it('is exact when the capped count stopped short of the cap', () => {
    expect(decideRowCount(900_000, 0, 10_000)).toEqual({ kind: 'exact', value: 0 });
    expect(decideRowCount(null, 10_000, 10_000)).toEqual({ kind: 'exact', value: 10_000 });
  });
  it('is "about" the rounded estimate once the count passes the cap and the estimate agrees', () => {
    expect(decideRowCount(1_234_567, 10_001, 10_000)).toEqual({ kind: 'about', value: 1_200_000 });
    expect(decideRowCount(1_234_567, null, 10_000)).toEqual({ kind: 'about', value: 1_200_000 });
  });
  it('is "at least the cap" when the estimate is below what was counted (stale statistics)', () => {
    expect(decideRowCount(300, 10_001, 10_000)).toEqual({ kind: 'atLeast', value: 10_000 });
    expect(decideRowCount(null, 10_001, 10_000)).toEqual({ kind: 'atLeast', value: 10_000 });
  });
});

describe('roundEstimate and readPlanRows', () => {
  it('keeps two significant figures', () => {
    expect(roundEstimate(42)).toBe(42);
    expect(roundEstimate(12_345)).toBe(12_000);
    expect(roundEstimate(987_654)).toBe(990_000);
  });
  it('reads Plan Rows from text or parsed JSON, and nothing from anything else', () => {
    expect(readPlanRows([{ 'QUERY PLAN': '[{"Plan":{"Plan Rows":321}}]' }])).toBe(321);
    expect(readPlanRows([{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': 7 } }] }])).toBe(7);
    expect(readPlanRows([{ 'QUERY PLAN': 'not json' }])).toBeNull();
    expect(readPlanRows([])).toBeNull();
  });
});

describe('countRows on a database', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
    await handle.db.execute(
      sql`create table row_count_probe as select g as id, g % 10 as bucket from generate_series(1, 25000) g`,
    );
    await handle.db.execute(sql`analyze row_count_probe`);
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('counts a small list exactly', async () => {
    const count = await countRows(handle.db, sql`select id from row_count_probe where bucket = 3 and id <= 5000`);
    expect(count).toEqual({ kind: 'exact', value: 500 });
  });

  it('stops at the cap and shows the estimate for a list past it', async () => {
    const count = await countRows(handle.db, sql`select id from row_count_probe`, { cap: 1000 });
    expect(count.kind).toBe('about');
    // the estimate after ANALYZE is close to the truth, rounded to two figures
    expect(count.value).toBeGreaterThan(20_000);
    expect(count.value).toBeLessThan(30_000);
  });

  it('does not count at all when the estimate is far past the cap', async () => {
    const count = await countRows(handle.db, sql`select id from row_count_probe`, { cap: 10, estimateOnlyAbove: 100 });
    expect(count).toEqual({ kind: 'about', value: 25_000 });
  });
});
