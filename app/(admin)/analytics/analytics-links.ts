import type { DayRange } from '@/domain/analytics/report-range';

export type SearchParams = Record<string, string | string[] | undefined>;

export function first(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The orders list with the filters that produce a figure (its URL filters: from, to, source). */
export function ordersHref(range: DayRange, extra: { source?: string } = {}): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  if (extra.source) params.set('source', extra.source);
  return `/orders?${params.toString()}`;
}

/** This page with one parameter changed (tabs keep the filters). */
export function analyticsHref(params: SearchParams, changes: Record<string, string>): string {
  const next = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one !== undefined) next.set(name, one);
  }
  for (const [name, value] of Object.entries(changes)) next.set(name, value);
  return `/analytics?${next.toString()}`;
}
