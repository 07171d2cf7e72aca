import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/data-table/filter-bar';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db/client';
import { refreshAnalyticsRollups } from '@/domain/analytics/refresh-rollups';
import {
  DATE_PRESETS,
  GRANULARITIES,
  previousPeriod,
  resolveRange,
  storeToday,
  ZReportQuery,
} from '@/domain/analytics/report-range';
import { getSalesOverview } from '@/domain/analytics/sales-report';
import { requirePermission } from '@/lib/auth/current-staff';
import { analyticsHref, first, type SearchParams } from './analytics-links';
import { OverviewSection } from './overview-section';
import { SalesSection } from './sales-section';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('analytics') };
}

const TABS = ['overview', 'sales'] as const;

/** Analytics: the Overview and Sales reports over the rollups, filters in the URL, each figure against the period before. */
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission('analytics.read');
  const params = await searchParams;
  const query = ZReportQuery.parse({
    preset: first(params, 'preset'),
    from: first(params, 'from'),
    to: first(params, 'to'),
    granularity: first(params, 'granularity'),
  });
  const tab = TABS.find((name) => name === first(params, 'tab')) ?? 'overview';
  const range = resolveRange(query, storeToday());
  const previous = previousPeriod(range);
  const db = getDb();
  // apply what the change record holds beyond the last job run, unless another run is at it: the page is at most
  // one batch behind, never blocked
  await refreshAnalyticsRollups(db, { skipIfBusy: true, maxBatches: 1 });
  const [t, tNav, locale, current, before] = await Promise.all([
    getTranslations('analytics'),
    getTranslations('nav'),
    getLocale(),
    getSalesOverview(db, range),
    getSalesOverview(db, previous),
  ]);

  return (
    <div>
      <PageHeader title={tNav('analytics')} />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <nav aria-label={t('tabs.label')} className="flex gap-1 border-b border-slate-200" data-testid="analytics-tabs">
          {TABS.map((name) => (
            <Link
              key={name}
              href={analyticsHref(params, { tab: name })}
              aria-current={tab === name ? 'page' : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
                tab === name
                  ? 'border-indigo-600 text-slate-900'
                  : 'border-transparent text-slate-500 hover:text-slate-800'
              }`}
            >
              {t(`tabs.${name}`)}
            </Link>
          ))}
        </nav>
        <FilterBar
          label={t('filters.label')}
          testId="analytics-filters"
          submitLabel={t('filters.apply')}
          resetLabel={t('filters.reset')}
          resetHref={`/analytics?tab=${tab}`}
          fields={[
            {
              name: 'preset',
              label: t('filters.preset'),
              kind: 'select',
              options: [
                { value: '', label: t('presets.30d') },
                ...DATE_PRESETS.filter((p) => p !== '30d').map((p) => ({ value: p, label: t(`presets.${p}`) })),
              ],
            },
            { name: 'from', label: t('filters.from'), kind: 'date' },
            { name: 'to', label: t('filters.to'), kind: 'date' },
            {
              name: 'granularity',
              label: t('filters.granularity'),
              kind: 'select',
              options: [
                { value: '', label: t('granularity.day') },
                ...GRANULARITIES.filter((g) => g !== 'day').map((g) => ({ value: g, label: t(`granularity.${g}`) })),
              ],
            },
          ]}
        />
        {query.preset === 'custom' && range.preset !== 'custom' && (
          <p className="text-sm text-amber-700" data-testid="analytics-range-fallback">
            {t('customFallback')}
          </p>
        )}
        <p className="text-sm text-slate-600" data-testid="analytics-range">
          {t('range', { from: range.from, to: range.to, prevFrom: previous.from, prevTo: previous.to })}
        </p>
        {tab === 'overview' ? (
          <OverviewSection current={current} previous={before} range={range} locale={locale} currency="CNY" />
        ) : (
          <SalesSection db={db} range={range} granularity={query.granularity} locale={locale} currency="CNY" />
        )}
        <p className="text-xs text-slate-500">{t('daysNote')}</p>
      </div>
    </div>
  );
}
