import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/layout/page-header';
import { ISSUE_KINDS, type IssueKind } from '@/domain/payments/reconciliation/record-issue';
import { getReconciliationSummary } from '@/domain/payments/reconciliation/get-reconciliation-summary';
import { listReconciliationIssues } from '@/domain/payments/reconciliation/resolve-issue';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { ResolveIssueForm } from './resolve-form';
import { ReconciliationSummaryCard } from './summary-card';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('refunds.reconciliation');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const DATE_TIME = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/** Differences the reconciliation job found, for a person to check at the provider and mark resolved. */
export default async function ReconciliationPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requirePermission('payments.read');
  // anything but "resolved" shows the open issues: the page's default and its only other view
  const view = (await searchParams).view === 'resolved' ? 'resolved' : 'open';
  const [issues, summary, t, tOrders, format] = await Promise.all([
    listReconciliationIssues(getDb(), view),
    getReconciliationSummary(getDb()),
    getTranslations('refunds.reconciliation'),
    getTranslations('orders'),
    getFormatter(),
  ]);
  const canResolve = can(staff, 'payments.write');
  const tab = 'rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset';
  const kindLabel = (kind: string) =>
    (ISSUE_KINDS as readonly string[]).includes(kind) ? t(`kind.${kind as IssueKind}`) : kind;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <ReconciliationSummaryCard summary={summary} />
        <nav className="flex gap-1.5">
          <Link
            href="/payments/reconciliation"
            className={`${tab} ${view === 'open' ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-700 ring-slate-300'}`}
          >
            {t('open')}
          </Link>
          <Link
            href="/payments/reconciliation?view=resolved"
            className={`${tab} ${view === 'resolved' ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-700 ring-slate-300'}`}
          >
            {t('resolved')}
          </Link>
        </nav>
        <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
          {issues.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">
              {view === 'open' ? t('empty') : t('emptyResolved')}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="reconciliation-issues">
              {issues.map((issue) => (
                <li key={issue.id} className="space-y-1.5 px-4 py-3 text-sm" data-issue-kind={issue.kind}>
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="font-medium text-slate-900">{kindLabel(issue.kind)}</span>
                    <span className="text-xs text-slate-500">{tOrders(`paymentMethod.${issue.method}`)}</span>
                    <span className="tabular-nums text-xs text-slate-500">
                      {format.dateTime(issue.createdAt, DATE_TIME)}
                    </span>
                    {issue.orderId && issue.orderNumber && (
                      <Link
                        href={`/orders/${issue.orderId}`}
                        className="font-mono text-xs text-sky-700 hover:underline"
                      >
                        {issue.orderNumber}
                      </Link>
                    )}
                    {issue.paymentId && (
                      <Link
                        href={`/payments/${issue.paymentId}`}
                        className="font-mono text-xs text-sky-700 hover:underline"
                      >
                        #{issue.paymentId}
                      </Link>
                    )}
                  </div>
                  <pre className="rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap break-all text-slate-700">
                    {JSON.stringify(issue.details, null, 2)}
                  </pre>
                  {issue.isResolved ? (
                    <p className="text-xs text-emerald-700">
                      {t('resolvedBy', {
                        date: issue.resolvedAt ? format.dateTime(issue.resolvedAt, DATE_TIME) : '',
                        note: `${issue.resolutionNote ?? ''}${issue.resolvedByName ? ` (${issue.resolvedByName})` : ''}`,
                      })}
                    </p>
                  ) : (
                    canResolve && <ResolveIssueForm issueId={issue.id} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
