'use client';

import { RefreshCw } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import type { DashboardSummary } from '@/domain/analytics/dashboard-summary';
import { useDashboardSummary } from './use-dashboard-summary';

/** When the figures on screen were computed, and whether the last refresh failed. */
export function DashboardRefreshStatus({ initialSummary }: { initialSummary: DashboardSummary }) {
  const t = useTranslations('dashboard');
  const format = useFormatter();
  const { data: summary, error, isFetching } = useDashboardSummary(initialSummary);
  const time = format.dateTime(new Date(summary.asOf), { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  return (
    <div className="flex items-center gap-1.5 text-xs text-slate-500" aria-live="polite">
      <RefreshCw
        aria-hidden
        className={isFetching ? 'size-3.5 animate-spin text-slate-400' : 'size-3.5 text-slate-400'}
      />
      {error ? (
        <span className="text-amber-700" data-testid="dashboard-refresh-error">
          {t('refreshFailed', { time })} {error.message}
        </span>
      ) : (
        <span data-testid="dashboard-updated-at">{isFetching ? t('refreshing') : t('updatedAt', { time })}</span>
      )}
    </div>
  );
}
