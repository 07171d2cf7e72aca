import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterBar } from '@/components/data-table/filter-bar';
import { StatusBadge } from '@/components/ui/badge';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db/client';
import { AFTER_SALES_KINDS, AFTER_SALES_STATUSES } from '@/domain/after-sales/after-sales-status';
import { AFTER_SALES_FILTER_NAMES, listAfterSales, ZAfterSalesFilters } from '@/domain/after-sales/list-after-sales';
import { getSetting } from '@/domain/settings/get-setting';
import { formatMoney } from '@/domain/shared/money';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { QueueTable } from './queue-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('afterSales') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The after-sales queue: filters in the URL (the shared filter bar), overdue first, a deadline countdown, keyset pages. */
export default async function AfterSalesPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requirePermission('after_sales.read');
  const raw = await searchParams;
  const filters = ZAfterSalesFilters.parse(
    Object.fromEntries(AFTER_SALES_FILTER_NAMES.map((name) => [name, first(raw[name])])),
  );
  const [page, reasons, t, tNav, format, locale] = await Promise.all([
    listAfterSales(getDb(), filters),
    getSetting(getDb(), 'after_sales_reasons'),
    getTranslations('after-sales'),
    getTranslations('nav'),
    getFormatter(),
    getLocale(),
  ]);
  const kept = Object.fromEntries(Object.entries(filters).filter(([k, v]) => v && k !== 'after')) as Record<
    string,
    string
  >;
  const nextHref = page.next ? `/after-sales?${new URLSearchParams({ ...kept, after: page.next })}` : null;
  const firstHref = `/after-sales?${new URLSearchParams(kept)}`;
  const isChinese = locale.startsWith('zh');
  const now = new Date();
  const when = (date: Date) =>
    format.dateTime(date, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return (
    <>
      <PageHeader title={tNav('afterSales')} />
      <div className="space-y-4 px-6 py-5">
        <FilterBar
          testId="after-sales-filters"
          submitLabel={t('filters.apply')}
          resetLabel={t('filters.clear')}
          resetHref="/after-sales"
          cursorParam="after"
          fields={[
            { name: 'q', kind: 'search', label: t('filters.q'), placeholder: t('filters.qPlaceholder'), isWide: true },
            {
              name: 'kind',
              kind: 'select',
              label: t('filters.kind'),
              options: [
                { value: '', label: t('filters.all') },
                ...AFTER_SALES_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
              ],
            },
            {
              name: 'status',
              kind: 'select',
              label: t('filters.status'),
              options: [
                { value: '', label: t('filters.all') },
                ...AFTER_SALES_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
              ],
            },
            {
              name: 'reason',
              kind: 'select',
              label: t('filters.reason'),
              options: [
                { value: '', label: t('filters.all') },
                ...reasons.map((r) => ({ value: r.code, label: isChinese ? r.nameZh : r.nameEn })),
              ],
            },
            { name: 'from', kind: 'date', label: t('filters.from') },
            { name: 'to', kind: 'date', label: t('filters.to') },
            { name: 'overdue', kind: 'checkbox', label: t('filters.overdue') },
            { name: 'due', kind: 'checkbox', label: t('filters.due') },
          ]}
        />

        <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
          <QueueTable
            emptyTitle={t('empty')}
            canDecide={can(staff, 'after_sales.write')}
            columns={[
              { id: 'number', header: t('table.number'), sticky: true, className: 'font-mono text-xs' },
              { id: 'order', header: t('table.order'), className: 'font-mono text-xs' },
              { id: 'customer', header: t('table.customer') },
              { id: 'kind', header: t('table.kind') },
              { id: 'status', header: t('table.status') },
              { id: 'units', header: t('table.units'), align: 'right', className: 'tabular-nums' },
              { id: 'refund', header: t('table.refund'), align: 'right', className: 'tabular-nums' },
              { id: 'deadline', header: t('table.deadline'), className: 'text-xs' },
              { id: 'created', header: t('table.created'), className: 'whitespace-nowrap text-xs text-slate-500' },
            ]}
            rows={page.rows.map((row) => ({
              id: row.id,
              attributes: { 'data-testid': 'after-sales-row', 'data-request-number': row.number },
              cells: {
                number: (
                  <Link href={`/after-sales/${row.id}`} className="text-sky-700 hover:underline">
                    {row.number}
                  </Link>
                ),
                order: (
                  <Link href={`/orders/${row.orderId}`} className="text-sky-700 hover:underline">
                    {row.orderNumber}
                  </Link>
                ),
                customer: row.shipName,
                kind: t(`kind.${row.kind}`),
                status: <StatusBadge kind="afterSales" status={row.status} />,
                units: row.units,
                refund:
                  row.refundProposedCents === null ? '—' : formatMoney(row.refundProposedCents, row.currency, locale),
                // a countdown to the deadline (relative to this render), its exact time on hover
                deadline: row.overdueAt ? (
                  <span className="font-medium text-rose-700" data-testid="deadline">
                    {t('overdue')}
                  </span>
                ) : row.deadlineAt ? (
                  <time
                    dateTime={row.deadlineAt.toISOString()}
                    title={t('dueAt', { time: when(row.deadlineAt) })}
                    data-testid="deadline"
                    className={
                      row.deadlineAt.getTime() - now.getTime() < 86_400_000 ? 'font-medium text-amber-700' : ''
                    }
                  >
                    {format.relativeTime(row.deadlineAt, now)}
                  </time>
                ) : (
                  '—'
                ),
                created: when(row.createdAt),
              },
            }))}
          />
        </section>
        <div className="flex gap-4 text-sm">
          {filters.after && (
            <Link href={firstHref} className="text-sky-700 hover:underline">
              {t('first')}
            </Link>
          )}
          {nextHref && (
            <Link href={nextHref} className="text-sky-700 hover:underline" data-testid="after-sales-next">
              {t('next')}
            </Link>
          )}
        </div>
      </div>
    </>
  );
}
