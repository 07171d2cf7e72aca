import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { WarehouseOption } from '@/domain/inventory/list-warehouses';
import {
  MAX_STOCK_SEARCH_LENGTH,
  STOCK_PAGE_SIZE,
  stockListSearchParams,
  type RejectedStockParam,
  type TStockListFilters,
} from '@/domain/inventory/stock-list-filters';

export function inventoryHref(params: URLSearchParams): string {
  const query = params.toString();
  return query ? `/inventory?${query}` : '/inventory';
}

export const fieldClass =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/20';
export const labelClass = 'text-[11px] font-medium uppercase tracking-wide text-slate-500';

/** The filter bar: a plain GET form, so every view is a URL (the dashboard links to ?stock=low). */
export function StockFilters({ filters, warehouses }: { filters: TStockListFilters; warehouses: WarehouseOption[] }) {
  const t = useTranslations('inventory.stock');
  const chip = 'rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset transition-colors';
  const on = 'bg-slate-900 text-white ring-slate-900';
  const off = 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50';
  return (
    <div className="space-y-3">
      <nav className="flex items-center gap-1.5" aria-label={t('viewLabel')}>
        {(['all', 'low'] as const).map((view) => (
          <Link
            key={view}
            href={inventoryHref(stockListSearchParams(filters, { stock: view }))}
            data-stock-view={view}
            aria-current={filters.stock === view ? 'true' : undefined}
            className={`${chip} ${filters.stock === view ? on : off}`}
          >
            {view === 'all' ? t('viewAll') : t('viewLow')}
          </Link>
        ))}
      </nav>
      <form method="get" action="/inventory" className="flex flex-wrap items-end gap-2" role="search">
        {filters.stock !== 'all' && <input type="hidden" name="stock" value={filters.stock} />}
        {filters.pageSize !== STOCK_PAGE_SIZE && <input type="hidden" name="size" value={filters.pageSize} />}
        <label className="flex min-w-64 flex-1 flex-col gap-1">
          <span className={labelClass}>{t('searchLabel')}</span>
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ''}
            maxLength={MAX_STOCK_SEARCH_LENGTH}
            placeholder={t('searchPlaceholder')}
            className={fieldClass}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className={labelClass}>{t('warehouseLabel')}</span>
          <select
            name="warehouse"
            defaultValue={filters.warehouseId ? String(filters.warehouseId) : ''}
            className={fieldClass}
          >
            <option value="">{t('allWarehouses')}</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="h-8 rounded-md bg-slate-900 px-4 text-sm font-medium text-white shadow-xs hover:bg-slate-800"
        >
          {t('apply')}
        </button>
        <Link
          href="/inventory"
          className="h-8 px-2 text-sm leading-8 text-slate-600 hover:text-slate-900 hover:underline"
        >
          {t('reset')}
        </Link>
      </form>
    </div>
  );
}

/** First page / next page; keyset pages have no numbers, by design. */
export function StockPagination({
  filters,
  nextCursor,
  shown,
}: {
  filters: TStockListFilters;
  nextCursor: string | null;
  shown: number;
}) {
  const t = useTranslations('inventory.stock');
  const link =
    'inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50';
  const disabled = 'inline-flex h-8 items-center rounded-md border border-slate-200 px-3 text-sm text-slate-300';
  return (
    <nav
      className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2.5"
      aria-label={t('pagination')}
    >
      <div className="flex items-center gap-3 text-sm text-slate-500">
        <span data-testid="stock-count">{t('shownCount', { count: shown })}</span>
        {filters.cursor && (
          <Link
            href={inventoryHref(stockListSearchParams(filters))}
            className="text-slate-600 hover:text-slate-900 hover:underline"
          >
            {t('firstPage')}
          </Link>
        )}
      </div>
      {nextCursor ? (
        <Link rel="next" href={inventoryHref(stockListSearchParams(filters, { cursor: nextCursor }))} className={link}>
          {t('next')} →
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {t('next')} →
        </span>
      )}
    </nav>
  );
}

export function StockRejectedParams({ rejected }: { rejected: RejectedStockParam[] }) {
  const t = useTranslations('inventory.stock');
  if (rejected.length === 0) return null;
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
      data-testid="rejected-params"
    >
      <p className="font-medium">{t('rejectedTitle')}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {rejected.map((item) => (
          <li key={item.param}>{t('rejected', { param: t(`params.${item.param}`), value: item.value })}</li>
        ))}
      </ul>
    </div>
  );
}
