import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { keysetLinks } from '@/components/data-table/keyset-links';
import { KeysetPagination } from '@/components/data-table/keyset-pagination';
import { RowCountLabel } from '@/components/data-table/row-count-label';
import { PageHeader } from '@/components/layout/page-header';
import { ButtonLink } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { countOrders, countOrdersByStatus } from '@/domain/orders/count-orders';
import { listOrders } from '@/domain/orders/list-orders';
import { orderListSearchParams, parseOrderListParams } from '@/domain/orders/order-list-filters';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { OrderFilters, StatusChips } from './order-filters';
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
  const db = getDb();
  const [page, count, statusCounts, t, locale] = await Promise.all([
    listOrders(db, filters),
    countOrders(db, filters),
    countOrdersByStatus(db, filters),
    getTranslations('orders'),
    getLocale(),
  ]);
  const isFiltered =
    filters.statuses.length > 0 || Boolean(filters.from || filters.to || filters.source || filters.q || filters.review);
  const links = keysetLinks('/orders', orderListSearchParams(filters), {
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    isPastFirst: filters.cursor !== undefined,
  });

  return (
    <div>
      <PageHeader
        title={filters.archived === 'only' ? `${t('title')} · ${t('list.archiveView')}` : t('title')}
        actions={
          canWrite && (
            <ButtonLink href="/orders/new" data-testid="new-order-link">
              + {t('entry.newButton')}
            </ButtonLink>
          )
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <RejectedParams rejected={rejected} />
        <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
          <div className="space-y-3 border-b border-slate-200 p-3">
            <StatusChips filters={filters} counts={statusCounts} locale={locale} />
            <OrderFilters filters={filters} />
          </div>
          <OrdersTable
            rows={page.rows}
            locale={locale}
            sort={filters.sort}
            canWrite={canWrite}
            canPrint={canPrint}
            summary={<RowCountLabel count={count} noun="orders" testId="orders-count" />}
            emptyMessage={
              filters.cursor ? t('list.emptyPastEnd') : isFiltered ? t('list.emptyFiltered') : t('list.emptyAll')
            }
          />
          <KeysetPagination links={links} label={t('list.pagination')} />
        </section>
      </div>
    </div>
  );
}
