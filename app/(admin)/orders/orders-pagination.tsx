import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { orderListSearchParams, type TOrderListFilters } from '@/domain/orders/order-list-filters';
import { ordersHref } from './order-filters';

/** Previous / next page links carrying the keyset cursor; no page numbers, by design (no OFFSET). */
export function OrdersPagination({ filters, nextCursor, prevCursor }: {
  filters: TOrderListFilters;
  nextCursor: string | null;
  prevCursor: string | null;
}) {
  const t = useTranslations('orders.list');
  const link = 'inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50';
  const disabled = 'inline-flex h-8 items-center rounded-md border border-slate-200 px-3 text-sm text-slate-300';
  return (
    <nav className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2.5" aria-label={t('pagination')}>
      <div>
        {filters.cursor && (
          <Link href={ordersHref(orderListSearchParams(filters))} className="text-sm text-slate-600 hover:text-slate-900 hover:underline">
            {t('firstPage')}
          </Link>
        )}
      </div>
      <div className="flex gap-2">
        {prevCursor
          ? <Link rel="prev" href={ordersHref(orderListSearchParams(filters, { cursor: prevCursor }))} className={link}>← {t('previous')}</Link>
          : <span className={disabled} aria-disabled="true">← {t('previous')}</span>}
        {nextCursor
          ? <Link rel="next" href={ordersHref(orderListSearchParams(filters, { cursor: nextCursor }))} className={link}>{t('next')} →</Link>
          : <span className={disabled} aria-disabled="true">{t('next')} →</span>}
      </div>
    </nav>
  );
}
