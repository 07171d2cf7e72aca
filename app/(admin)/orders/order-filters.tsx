import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ORDER_STATUSES } from '@/domain/orders/order-status';
import {
  DEFAULT_PAGE_SIZE, MAX_SEARCH_LENGTH, ORDER_LIST_SORTS, ORDER_SOURCES, orderListSearchParams, type TOrderListFilters,
} from '@/domain/orders/order-list-filters';

export function ordersHref(params: URLSearchParams): string {
  const query = params.toString();
  return query ? `/orders?${query}` : '/orders';
}

/** Status chips: each toggles its status in the URL; "All" clears them. */
export function StatusChips({ filters }: { filters: TOrderListFilters }) {
  const t = useTranslations('orders');
  const chip = 'rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset transition-colors';
  const on = 'bg-slate-900 text-white ring-slate-900';
  const off = 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50';
  return (
    <nav className="flex flex-wrap items-center gap-1.5" aria-label={t('list.params.status')}>
      <Link href={ordersHref(orderListSearchParams(filters, { statuses: [] }))} className={`${chip} ${filters.statuses.length === 0 ? on : off}`}
        aria-current={filters.statuses.length === 0 ? 'true' : undefined}>
        {t('list.allStatuses')}
      </Link>
      {ORDER_STATUSES.map((status) => {
        const isOn = filters.statuses.includes(status);
        const statuses = isOn ? filters.statuses.filter((s) => s !== status) : [...filters.statuses, status];
        return (
          <Link key={status} href={ordersHref(orderListSearchParams(filters, { statuses }))} className={`${chip} ${isOn ? on : off}`}
            aria-current={isOn ? 'true' : undefined} data-status-chip={status}>
            {t(`status.${status}`)}
          </Link>
        );
      })}
      <span className="mx-1 h-4 w-px bg-slate-200" aria-hidden />
      {/* the queue auto-review leaves for a person: paid orders it held */}
      <Link
        href={ordersHref(orderListSearchParams(filters, filters.review === 'needed' ? { review: undefined } : { statuses: ['paid'], review: 'needed' }))}
        className={`${chip} ${filters.review === 'needed' ? 'bg-amber-600 text-white ring-amber-600' : 'bg-white text-amber-800 ring-amber-300 hover:bg-amber-50'}`}
        aria-current={filters.review === 'needed' ? 'true' : undefined} data-testid="needs-review-chip">
        {t('automation.needsReviewQueue')}
      </Link>
      {filters.archived === 'only' ? (
        <Link href={ordersHref(orderListSearchParams(filters, { archived: 'exclude' }))} className={`${chip} ${off}`}>{t('list.workingView')}</Link>
      ) : (
        <Link href={ordersHref(orderListSearchParams(filters, { archived: 'only' }))} className={`${chip} ${off}`}>{t('list.archiveView')}</Link>
      )}
    </nav>
  );
}

/** The filter bar: a plain GET form, so the result is a URL and works without JavaScript. */
export function OrderFilters({ filters }: { filters: TOrderListFilters }) {
  const t = useTranslations('orders');
  const field = 'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/20';
  const label = 'text-[11px] font-medium uppercase tracking-wide text-slate-500';
  return (
    <form method="get" action="/orders" className="flex flex-wrap items-end gap-2" role="search">
      {filters.statuses.map((status) => <input key={status} type="hidden" name="status" value={status} />)}
      {filters.archived !== 'exclude' && <input type="hidden" name="archived" value={filters.archived} />}
      {filters.review && <input type="hidden" name="review" value={filters.review} />}
      {filters.pageSize !== DEFAULT_PAGE_SIZE && <input type="hidden" name="size" value={filters.pageSize} />}
      <label className="flex min-w-64 flex-1 flex-col gap-1">
        <span className={label}>{t('list.searchLabel')}</span>
        <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={MAX_SEARCH_LENGTH} placeholder={t('list.searchPlaceholder')} className={field} />
      </label>
      <label className="flex flex-col gap-1">
        <span className={label}>{t('list.from')}</span>
        <input type="date" name="from" defaultValue={filters.from ?? ''} className={field} />
      </label>
      <label className="flex flex-col gap-1">
        <span className={label}>{t('list.to')}</span>
        <input type="date" name="to" defaultValue={filters.to ?? ''} className={field} />
      </label>
      <label className="flex flex-col gap-1">
        <span className={label}>{t('list.sourceLabel')}</span>
        <select name="source" defaultValue={filters.source ?? ''} className={field}>
          <option value="">{t('list.anySource')}</option>
          {ORDER_SOURCES.map((source) => <option key={source} value={source}>{t(`source.${source}`)}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className={label}>{t('list.sortLabel')}</span>
        <select name="sort" defaultValue={filters.sort} className={field}>
          {ORDER_LIST_SORTS.map((sort) => <option key={sort} value={sort}>{t(`sort.${sort}`)}</option>)}
        </select>
      </label>
      <button type="submit" className="h-8 rounded-md bg-slate-900 px-4 text-sm font-medium text-white shadow-xs hover:bg-slate-800">
        {t('list.apply')}
      </button>
      <Link href={filters.archived === 'only' ? '/orders?archived=only' : '/orders'} className="h-8 px-2 text-sm leading-8 text-slate-600 hover:text-slate-900 hover:underline">
        {t('list.reset')}
      </Link>
    </form>
  );
}
