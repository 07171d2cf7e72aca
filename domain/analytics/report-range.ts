import { z } from 'zod';
import { ZDay } from '@/domain/orders/order-list-filters';

/** The Analytics page's date presets; `custom` takes from/to from the URL. */
export const DATE_PRESETS = ['today', '7d', '30d', '90d', 'this_month', 'last_month', 'this_year', 'custom'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The longest range a report covers (a little over three years of days). */
export const MAX_RANGE_DAYS = 1_200;

/** A range of store days, both ends included, YYYY-MM-DD. */
export interface DayRange {
  from: string;
  to: string;
}

export const ZReportQuery = z.object({
  preset: z.enum(DATE_PRESETS).catch('30d'),
  from: ZDay.optional().catch(undefined),
  to: ZDay.optional().catch(undefined),
  granularity: z.enum(GRANULARITIES).catch('day'),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, count: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + count);
  return toDay(date);
}

/** Days in the range, both ends included. */
export function rangeLength(range: DayRange): number {
  return Math.round((parseDay(range.to).getTime() - parseDay(range.from).getTime()) / 86_400_000) + 1;
}

/**
 * The range a preset names, relative to `today` (the store's today). A custom range with a missing or reversed
 * end, or longer than MAX_RANGE_DAYS, falls back to the last 30 days; the caller learns it from `preset`.
 */
export function resolveRange(query: TReportQuery, today: string): DayRange & { preset: DatePreset } {
  const [year, month] = today.split('-').map(Number);
  const monthStart = (y: number, m: number) => toDay(new Date(Date.UTC(y, m - 1, 1)));
  switch (query.preset) {
    case 'today':
      return { preset: 'today', from: today, to: today };
    case '7d':
      return { preset: '7d', from: addDays(today, -6), to: today };
    case '90d':
      return { preset: '90d', from: addDays(today, -89), to: today };
    case 'this_month':
      return { preset: 'this_month', from: monthStart(year, month), to: today };
    case 'last_month':
      return { preset: 'last_month', from: monthStart(year, month - 1), to: addDays(monthStart(year, month), -1) };
    case 'this_year':
      return { preset: 'this_year', from: monthStart(year, 1), to: today };
    case 'custom': {
      const { from, to } = query;
      if (from && to && from <= to && rangeLength({ from, to }) <= MAX_RANGE_DAYS)
        return { preset: 'custom', from, to };
      break;
    }
    case '30d':
      break;
  }
  return { preset: '30d', from: addDays(today, -29), to: today };
}

/** The period just before, of the same length: what the Δ columns compare with. */
export function previousPeriod(range: DayRange): DayRange {
  const length = rangeLength(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** The store's today (YYYY-MM-DD in Asia/Shanghai) at `now`. */
export function storeToday(now: Date = new Date()): string {
  // Asia/Shanghai has no daylight saving: UTC+8 all year
  return toDay(new Date(now.getTime() + 8 * 3_600_000));
}
