import type { Metadata } from 'next';
import Link from 'next/link';
import { RowsTable } from '@/components/data-table/rows-table';
import { StatusBadge } from '@/components/ui/badge';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db/client';
import { AFTER_SALES_KINDS, AFTER_SALES_STATUSES } from '@/domain/after-sales/after-sales-status';
import { listAfterSales, ZAfterSalesFilters } from '@/domain/after-sales/list-after-sales';
import { formatMoney } from '@/domain/shared/money';
import { requirePermission } from '@/lib/auth/current-staff';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('afterSales') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The after-sales queue: filters in the URL (a plain GET form), overdue first, keyset pages. */
export default async function AfterSalesPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('after_sales.read');
  const raw = await searchParams;
  const filters = ZAfterSalesFilters.parse({
    kind: first(raw.kind),
    status: first(raw.status),
    overdue: first(raw.overdue),
    q: first(raw.q),
    after: first(raw.after),
  });
  const [page, t, tNav, format, locale] = await Promise.all([
    listAfterSales(getDb(), filters),
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
  const when = (date: Date) =>
    format.dateTime(date, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return (
    <>
      <PageHeader title={tNav('afterSales')} />
      <div className="space-y-4 px-6 py-5">
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm" data-testid="after-sales-filters">
          <label className="flex flex-col gap-1">
            <span className="text-xs text-slate-500">{t('filters.kind')}</span>
            <select
              name="kind"
              defaultValue={filters.kind ?? ''}
              className="h-8 rounded-md border border-slate-300 px-2"
            >
              <option value="">{t('filters.all')}</option>
              {AFTER_SALES_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-slate-500">{t('filters.status')}</span>
            <select
              name="status"
              defaultValue={filters.status ?? ''}
              className="h-8 rounded-md border border-slate-300 px-2"
            >
              <option value="">{t('filters.all')}</option>
              {AFTER_SALES_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-slate-500">{t('filters.q')}</span>
            <input
              name="q"
              defaultValue={filters.q ?? ''}
              placeholder={t('filters.qPlaceholder')}
              className="h-8 w-72 rounded-md border border-slate-300 px-2"
            />
          </label>
          <label className="flex h-8 items-center gap-2">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue === '1'} />
            {t('filters.overdue')}
          </label>
          <button type="submit" className="h-8 rounded-md bg-slate-900 px-3 font-medium text-white">
            {t('filters.apply')}
          </button>
          <Link href="/after-sales" className="h-8 px-2 leading-8 text-slate-600 hover:underline">
            {t('filters.clear')}
          </Link>
        </form>

        <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
          <RowsTable
            id="after-sales-table"
            isPlain={false}
            hasStickyHeader
            emptyTitle={t('empty')}
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
              attributes: { 'data-testid': 'after-sales-row' },
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
                deadline: row.overdueAt ? (
                  <span className="font-medium text-rose-700">{t('overdue')}</span>
                ) : row.deadlineAt ? (
                  t('dueAt', { time: when(row.deadlineAt) })
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
