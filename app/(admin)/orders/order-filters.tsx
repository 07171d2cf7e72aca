import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ORDER_STATUSES } from '@/domain/orders/order-status';
import { FilterBar, type FilterField } from '@/components/data-table/filter-bar';
import { CompactCount } from '@/components/data-table/row-count-label';
import type { RowCount } from '@/domain/shared/row-count';
import type { OrderStatus } from '@/domain/orders/order-status';
import {
  MAX_SEARCH_LENGTH,
  ORDER_LIST_SORTS,
  ORDER_SOURCES,
  orderListSearchParams,
  type TOrderListFilters,
} from '@/domain/orders/order-list-filters';

export function ordersHref(params: URLSearchParams): string {
  const query = params.toString();
  return query ? `/orders?${query}` : '/orders';
}

/** Status chips: each toggles its status in the URL; "All" clears them. Each shows how many orders it holds. */
export function StatusChips({
  filters,
  counts,
  locale,
}: {
  filters: TOrderListFilters;
  counts: Record<OrderStatus, RowCount>;
  locale: string;
}) {
  const t = useTranslations('orders');
  const chip = 'rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset transition-colors';
  const on = 'bg-slate-900 text-white ring-slate-900';
  const off = 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50';
  return (
    <nav className="flex flex-wrap items-center gap-1.5" aria-label={t('list.params.status')}>
      <Link
        href={ordersHref(orderListSearchParams(filters, { statuses: [] }))}
        className={`${chip} ${filters.statuses.length === 0 ? on : off}`}
        aria-current={filters.statuses.length === 0 ? 'true' : undefined}
      >
        {t('list.allStatuses')}
      </Link>
      {ORDER_STATUSES.map((status) => {
        const isOn = filters.statuses.includes(status);
        const statuses = isOn ? filters.statuses.filter((s) => s !== status) : [...filters.statuses, status];
        return (
          <Link
            key={status}
            href={ordersHref(orderListSearchParams(filters, { statuses }))}
            className={`${chip} ${isOn ? on : off}`}
            aria-current={isOn ? 'true' : undefined}
            data-status-chip={status}
          >
            {t(`status.${status}`)}
            <span className={`ml-1.5 ${isOn ? 'text-slate-300' : 'text-slate-400'}`}>
              <CompactCount count={counts[status]} locale={locale} />
            </span>
          </Link>
        );
      })}
      <span className="mx-1 h-4 w-px bg-slate-200" aria-hidden />
      {/* the queue auto-review leaves for a person: paid orders it held */}
      <Link
        href={ordersHref(
          orderListSearchParams(
            filters,
            filters.review === 'needed' ? { review: undefined } : { statuses: ['paid'], review: 'needed' },
          ),
        )}
        className={`${chip} ${filters.review === 'needed' ? 'bg-amber-600 text-white ring-amber-600' : 'bg-white text-amber-800 ring-amber-300 hover:bg-amber-50'}`}
        aria-current={filters.review === 'needed' ? 'true' : undefined}
        data-testid="needs-review-chip"
      >
        {t('automation.needsReviewQueue')}
      </Link>
      {filters.archived === 'only' ? (
        <Link href={ordersHref(orderListSearchParams(filters, { archived: 'exclude' }))} className={`${chip} ${off}`}>
          {t('list.workingView')}
        </Link>
      ) : (
        <Link href={ordersHref(orderListSearchParams(filters, { archived: 'only' }))} className={`${chip} ${off}`}>
          {t('list.archiveView')}
        </Link>
      )}
    </nav>
  );
}

/** The filter bar: its state is the URL (nuqs); without JavaScript a plain GET form. */
export function OrderFilters({ filters }: { filters: TOrderListFilters }) {
  const t = useTranslations('orders');
  const fields: FilterField[] = [
    {
      name: 'q',
      kind: 'search',
      label: t('list.searchLabel'),
      placeholder: t('list.searchPlaceholder'),
      maxLength: MAX_SEARCH_LENGTH,
      isWide: true,
    },
    { name: 'from', kind: 'date', label: t('list.from') },
    { name: 'to', kind: 'date', label: t('list.to') },
    {
      name: 'source',
      kind: 'select',
      label: t('list.sourceLabel'),
      options: [
        { value: '', label: t('list.anySource') },
        ...ORDER_SOURCES.map((source) => ({ value: source, label: t(`source.${source}`) })),
      ],
    },
    {
      name: 'sort',
      kind: 'select',
      label: t('list.sortLabel'),
      options: ORDER_LIST_SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) })),
    },
  ];
  return (
    <FilterBar
      fields={fields}
      submitLabel={t('list.apply')}
      resetLabel={t('list.reset')}
      label={t('list.searchLabel')}
      resetHref={filters.archived === 'only' ? '/orders?archived=only' : '/orders'}
    />
  );
}
