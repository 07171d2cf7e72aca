import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/layout/page-header';
import { secondaryButton } from '@/components/ui/modal-dialog';
import { auditLogSearchParams, parseAuditLogParams } from '@/domain/audit/audit-log-filters';
import { AUDIT_EXPORT_LIMIT, listAuditActors, listAuditLog } from '@/domain/audit/list-audit-log';
import { requirePermission } from '@/lib/auth/current-staff';
import { AuditLogFilterForm } from './audit-log-filter-form';
import { AuditLogTable } from './audit-log-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.auditLog');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const PARAMS = ['actor', 'action', 'type', 'id', 'from', 'to', 'cursor'] as const;

/** Settings → Audit log: filters in the URL (GET form), keyset pages, CSV export of the same filters. */
export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('audit.read');
  const { filters, rejected } = parseAuditLogParams(await searchParams);
  const db = getDb();
  const [page, actors, t] = await Promise.all([
    listAuditLog(db, filters),
    listAuditActors(db),
    getTranslations('settings.auditLog'),
  ]);
  const paramLabel = (param: string) =>
    (PARAMS as readonly string[]).includes(param) ? t(`params.${param as (typeof PARAMS)[number]}`) : param;
  const query = auditLogSearchParams(filters).toString();
  const nextHref = page.nextCursor
    ? `/settings/audit-log?${auditLogSearchParams(filters, page.nextCursor).toString()}`
    : null;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={
          <span data-testid="audit-count">
            {t('description')} {t('shownCount', { count: page.rows.length })}
          </span>
        }
        actions={
          <a
            href={`/settings/audit-log.csv${query ? `?${query}` : ''}`}
            className={secondaryButton}
            title={t('exportHint', { limit: AUDIT_EXPORT_LIMIT })}
            data-testid="audit-export"
          >
            {t('exportCsv')}
          </a>
        }
      />
      <div className="space-y-4 px-6 py-5">
        {rejected.length > 0 && (
          <div
            className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
            data-testid="rejected-params"
          >
            <p className="font-medium">{t('rejectedTitle')}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {rejected.map((item, index) => (
                <li key={`${item.param}-${index}`}>
                  {t(`rejected.${item.reason === 'reversed_range' ? 'reversed_range' : 'invalid'}`, {
                    param: paramLabel(item.param),
                    value: item.value,
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <AuditLogFilterForm filters={filters} actors={actors} />
          <AuditLogTable rows={page.rows} isPastEnd={Boolean(filters.cursor)} />
          <nav
            className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2.5"
            aria-label={t('pagination')}
          >
            <div>
              {filters.cursor && (
                <Link
                  href={query ? `/settings/audit-log?${query}` : '/settings/audit-log'}
                  className="text-sm text-slate-600 hover:underline"
                >
                  {t('firstPage')}
                </Link>
              )}
            </div>
            {nextHref ? (
              <Link rel="next" href={nextHref} className={secondaryButton}>
                {t('next')} →
              </Link>
            ) : (
              <span className="text-sm text-slate-300">{t('next')} →</span>
            )}
          </nav>
        </section>
      </div>
    </>
  );
}
