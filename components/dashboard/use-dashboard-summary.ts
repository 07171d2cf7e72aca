'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { DashboardSummary } from '@/domain/analytics/dashboard-summary';

/** How often the figures refresh while the dashboard is open. */
const REFRESH_INTERVAL_MS = 60_000;

async function fetchDashboardSummary(signedOutMessage: string): Promise<DashboardSummary> {
  const response = await fetch('/api/internal/dashboard', { cache: 'no-store' });
  // a proxy may answer a signed-out request with a redirect to the sign-in page instead of 401
  if (response.redirected || response.status === 401) throw new Error(signedOutMessage);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  if (!body || !Array.isArray(body.series)) throw new Error(`HTTP ${response.status}`);
  return body as DashboardSummary;
}

/**
 * The dashboard summary, starting from the server render and asked again every minute, so a
 * screen left open stays current. Every caller shares one query (and one request).
 */
export function useDashboardSummary(initialSummary: DashboardSummary) {
  const t = useTranslations('common');
  const signedOutMessage = t('signedOut');
  return useQuery({
    queryKey: ['dashboard-summary'],
    queryFn: () => fetchDashboardSummary(signedOutMessage),
    initialData: initialSummary,
    initialDataUpdatedAt: Date.parse(initialSummary.asOf),
    refetchInterval: REFRESH_INTERVAL_MS,
  });
}
