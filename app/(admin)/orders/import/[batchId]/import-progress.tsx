'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { StatusBadge } from '@/components/ui/badge';
import type { ImportProgress } from '@/domain/import/get-import';

const ACTIVE = new Set(['uploaded', 'checking', 'running']);

/**
 * The progress bar: polls the import's progress while a job works on it (so it survives a reload
 * and follows a job on another instance), and refreshes the page's summary and errors when it ends.
 */
export function ImportProgressPanel({ initial }: { initial: ImportProgress }) {
  const t = useTranslations('import');
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ['import-progress', initial.id],
    queryFn: async () => {
      const response = await fetch(`/api/internal/imports/${initial.id}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(response.statusText);
      return (await response.json()) as ImportProgress;
    },
    initialData: initial,
    refetchInterval: (query) => (ACTIVE.has(query.state.data?.status ?? '') ? 1000 : false),
  });
  const progress = data ?? initial;
  const lastStatus = useRef(initial.status);
  useEffect(() => {
    if (lastStatus.current !== progress.status) {
      lastStatus.current = progress.status;
      router.refresh();
    }
  }, [progress.status, router]);

  const percent =
    progress.totalRows > 0 ? Math.min(100, Math.round((progress.rowsDone / progress.totalRows) * 100)) : null;
  const isActive = ACTIVE.has(progress.status);
  return (
    <div className="space-y-2" data-testid="import-progress" data-status={progress.status}>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <StatusBadge kind="import" status={progress.status} testId="import-status" />
        <span data-testid="import-rows">
          {progress.totalRows > 0
            ? t('batch.progress', { done: progress.rowsDone, total: progress.totalRows })
            : t('batch.progressUnknown', { done: progress.rowsDone })}
        </span>
        {isActive && progress.rowsPerSecond !== null && (
          <span>{t('batch.rate', { rate: progress.rowsPerSecond })}</span>
        )}
        {progress.secondsLeft !== null && <span>{t('batch.left', { seconds: progress.secondsLeft })}</span>}
        {progress.failedRows > 0 && (
          <span className="text-rose-700">{t('batch.errorsSoFar', { count: progress.failedRows })}</span>
        )}
        {progress.ordersCreated > 0 && (
          <span data-testid="import-created">{t('batch.created', { count: progress.ordersCreated })}</span>
        )}
        {progress.cancelRequested && isActive && <span>{t('batch.cancelRequested')}</span>}
      </div>
      {(isActive || progress.status === 'completed') && (
        <div
          className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
        >
          <div
            className={`h-full rounded-full bg-sky-600 transition-all ${percent === null ? 'w-1/3 animate-pulse' : ''}`}
            style={percent === null ? undefined : { width: `${progress.status === 'completed' ? 100 : percent}%` }}
          />
        </div>
      )}
    </div>
  );
}
