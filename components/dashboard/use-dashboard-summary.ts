'use client';

import { useQuery } from '@tanstack/react-query';
import type { DashboardSummary } from '@/domain/analytics/dashboard-summary';

/** How often the figures refresh while the dashboard is open. */
const REFRESH_INTERVAL_MS = 60_000;

async function fetchDashboardSummary(): Promise<DashboardSummary> {
  const response = await fetch('/api/internal/dashboard', { cache: 'no-store' });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body as DashboardSummary;
}

/**
 * The dashboard summary, starting from the server render and asked again every minute, so a
 * screen left open stays current. Every caller shares one query (and one request).
 */
export function useDashboardSummary(initialSummary: DashboardSummary) {
  return useQuery({
    queryKey: ['dashboard-summary'],
    queryFn: fetchDashboardSummary,
    initialData: initialSummary,
    initialDataUpdatedAt: Date.parse(initialSummary.asOf),
    refetchInterval: REFRESH_INTERVAL_MS,
  });
}
