import type { Faker } from '@faker-js/faker';

/** Picks indexes by weight in O(log n), for loops where faker's linear pick would be slow. */
export function weightedPicker(rng: Faker, weights: readonly number[]): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return () => {
    const x = rng.number.float({ min: 0, max: total });
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export function weighted<T extends string>(rng: Faker, table: Record<T, number>): T {
  return rng.helpers.weightedArrayElement(
    Object.entries(table).map(([value, weight]) => ({ value: value as T, weight: weight as number })),
  );
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

/** UTC instant of midnight in Asia/Shanghai on the day `daysAgo` days before `now`. */
export function shanghaiMidnight(now: Date, daysAgo: number): number {
  return Math.floor((now.getTime() + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET - daysAgo * DAY;
}

/** Day of the week in Shanghai, 0 = Sunday. */
export function shanghaiWeekday(instant: number): number {
  return new Date(instant + SHANGHAI_OFFSET).getUTCDay();
}
