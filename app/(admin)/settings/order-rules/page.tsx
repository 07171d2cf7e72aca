import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/layout/page-header';
import { listJobRuns } from '@/domain/automation/job-runs';
import { listJobNames } from '@/domain/automation/run-jobs';
import { getOrderRules } from '@/domain/settings/update-order-rules';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { OrderRulesForm } from './order-rules-form';
import { RowsTable } from '@/components/data-table/rows-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.orderRules');
  return { title: t('title') };
}

/** Order rules (anyone with settings.read sees them; settings.write edits) and the jobs that apply them. */
export default async function OrderRulesPage() {
  const staff = await requirePermission('settings.read');
  const [rules, runs, t, format] = await Promise.all([
    getOrderRules(getDb()),
    listJobRuns(getDb()),
    getTranslations('settings'),
    getFormatter(),
  ]);
  const canEdit = can(staff, 'settings.write');
  const when = (value: Date | null) =>
    value
      ? format.dateTime(value, {
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        })
      : '—';

  return (
    <>
      <PageHeader title={t('orderRules.title')} description={t('orderRules.description')} />
      <div className="space-y-5 px-4 py-4 sm:px-6 sm:py-5">
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-xs">
          {!canEdit && (
            <p className="mb-4 text-sm text-slate-500" data-testid="rules-read-only">
              {t('orderRules.readOnly')}
            </p>
          )}
          <OrderRulesForm rules={rules} canEdit={canEdit} />
        </section>

        <section
          className="rounded-lg border border-slate-200 bg-white shadow-xs"
          id="jobs"
          aria-labelledby="jobs-title"
        >
          <header className="border-b border-slate-200 px-4 py-3">
            <h2 id="jobs-title" className="text-sm font-semibold text-slate-900">
              {t('jobs.title')}
            </h2>
            <p className="text-xs text-slate-500">{t('jobs.description')}</p>
          </header>
          <RowsTable
            id="job-runs"
            columns={[
              { id: 'job', header: t('jobs.job'), sticky: true },
              { id: 'lastStarted', header: t('jobs.lastStarted'), className: 'tabular-nums text-slate-600' },
              { id: 'lastFinished', header: t('jobs.lastFinished'), className: 'tabular-nums text-slate-600' },
              { id: 'result', header: t('jobs.result'), className: 'text-slate-600' },
            ]}
            rows={listJobNames().map((name) => {
              const run = runs.find((r) => r.name === name);
              const result = run?.lastResult as
                { succeeded?: number; held?: number; skipped?: number; failed?: number } | null | undefined;
              const isRunning = Boolean(
                run?.lastStartedAt && (!run.lastFinishedAt || run.lastFinishedAt < run.lastStartedAt),
              );
              return {
                id: name,
                attributes: { 'data-job': name },
                cells: {
                  job: t(`jobs.names.${name}` as 'jobs.names.cancel_unpaid_orders'),
                  lastStarted: when(run?.lastStartedAt ?? null),
                  lastFinished: when(run?.lastFinishedAt ?? null),
                  result: !run ? (
                    t('jobs.never')
                  ) : isRunning ? (
                    t('jobs.running')
                  ) : run.lastError ? (
                    <span className="text-rose-700">{t('jobs.error', { error: run.lastError })}</span>
                  ) : (
                    t('jobs.resultCounts', {
                      succeeded: result?.succeeded ?? 0,
                      held: result?.held ?? 0,
                      skipped: result?.skipped ?? 0,
                      failed: result?.failed ?? 0,
                    })
                  ),
                },
              };
            })}
          />
        </section>
      </div>
    </>
  );
}
