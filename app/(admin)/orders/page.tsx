import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listOrders } from '@/domain/orders/list-orders';
import { parseOrderListParams } from '@/domain/orders/order-list-filters';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { BulkPrintLinks } from './bulk-print-links';
import { BulkActionBar, BulkSelection } from './bulk-selection';
import { OrderFilters, StatusChips } from './order-filters';
import { OrdersPagination } from './orders-pagination';
import { OrdersTable } from './orders-table';
import { RejectedParams } from './rejected-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('orders');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The orders list: filters live in the URL, so every view is a link that can be bookmarked and shared. */
export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requirePermission('orders.read');
  const canWrite = can(staff, 'orders.write');
  const canPrint = can(staff, 'shipping.read');
  const { filters, rejected } = parseOrderListParams(await searchParams);
  const [page, t, locale] = await Promise.all([listOrders(getDb(), filters), getTranslations('orders'), getLocale()]);
  const isFiltered = filters.statuses.length > 0 || Boolean(filters.from || filters.to || filters.source || filters.q || filters.review);

  return (
    <div className="space-y-4 px-6 py-5">
      <header className="flex flex-wrap items-baseline justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">
            {filters.archived === 'only' ? `${t('title')} · ${t('list.archiveView')}` : t('title')}
          </h1>
          <span className="text-sm text-slate-500" data-testid="orders-count">{t('list.shownCount', { count: page.rows.length })}</span>
        </div>
        {canWrite && (
          <Link href="/orders/new" data-testid="new-order-link"
            className="rounded-md bg-sky-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-sky-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
            + {t('entry.newButton')}
          </Link>
        )}
      </header>

      <RejectedParams rejected={rejected} />

      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="space-y-3 border-b border-slate-200 p-3">
          <StatusChips filters={filters} />
          <OrderFilters filters={filters} />
        </div>
        <BulkSelection pageIds={page.rows.map((row) => row.id)}>
          {(canWrite || canPrint) && page.rows.length > 0 && (
            <div className="space-y-2 border-b border-slate-200 px-3 py-2"><BulkActionBar canWrite={canWrite} />{canPrint && <BulkPrintLinks />}</div>
          )}
          <OrdersTable
            rows={page.rows}
            locale={locale}
            isSelectable={canWrite || canPrint}
            emptyMessage={filters.cursor ? t('list.emptyPastEnd') : isFiltered ? t('list.emptyFiltered') : t('list.emptyAll')}
          />
        </BulkSelection>
        <OrdersPagination filters={filters} nextCursor={page.nextCursor} prevCursor={page.prevCursor} />
      </section>
    </div>
  );
}
