import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/data-table/filter-bar';
import { keysetLinks } from '@/components/data-table/keyset-links';
import { KeysetPagination } from '@/components/data-table/keyset-pagination';
import { RowsTable } from '@/components/data-table/rows-table';
import { PageHeader } from '@/components/layout/page-header';
import { StatusBadge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { listCategories } from '@/domain/catalog/categories';
import { catalogStatus } from '@/domain/catalog/catalog-status';
import {
  listProducts,
  parseProductListParams,
  PRODUCT_STATUSES,
  productListSearchParams,
} from '@/domain/catalog/list-products';
import { formatMoney } from '@/domain/shared/money';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('catalog');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The catalog: products newest first, filters in the URL, keyset pages. */
export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requirePermission('catalog.read');
  const { filters, rejected } = parseProductListParams(await searchParams);
  const db = getDb();
  const [page, categories, t, locale] = await Promise.all([
    listProducts(db, filters),
    listCategories(db),
    getTranslations('catalog'),
    getLocale(),
  ]);
  const isFiltered = Boolean(filters.q || filters.categoryId || filters.status);
  const price = (min: number | null, max: number | null, currency: string) =>
    min === null || max === null
      ? '—'
      : min === max
        ? formatMoney(min, currency, locale)
        : `${formatMoney(min, currency, locale)} – ${formatMoney(max, currency, locale)}`;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <Link href="/catalog/categories" className={buttonClass('secondary')}>
              {t('list.categories')}
            </Link>
            {can(staff, 'catalog.write') && (
              <Link href="/catalog/new" className={buttonClass('primary')} data-testid="new-product">
                {t('list.newProduct')}
              </Link>
            )}
          </>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        {rejected.length > 0 && (
          <div
            className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
            data-testid="rejected-params"
          >
            <p className="font-medium">{t('list.rejectedTitle')}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {rejected.map((item) => (
                <li key={item.param}>{t('list.rejected', { param: item.param, value: item.value })}</li>
              ))}
            </ul>
          </div>
        )}
        <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
          <div className="border-b border-slate-200 p-3">
            <FilterBar
              testId="catalog-filters"
              label={t('list.filters')}
              submitLabel={t('list.apply')}
              resetLabel={t('list.clear')}
              resetHref="/catalog"
              fields={[
                {
                  name: 'q',
                  kind: 'search',
                  label: t('list.search'),
                  placeholder: t('list.searchPlaceholder'),
                  maxLength: 64,
                  isWide: true,
                },
                {
                  name: 'category',
                  kind: 'select',
                  label: t('list.category'),
                  options: [
                    { value: '', label: t('list.any') },
                    ...categories.map((c) => ({ value: String(c.id), label: c.path })),
                  ],
                },
                {
                  name: 'status',
                  kind: 'select',
                  label: t('list.status'),
                  options: [
                    { value: '', label: t('list.any') },
                    ...PRODUCT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
                  ],
                },
              ]}
            />
          </div>
          <RowsTable
            id="products-table"
            isPlain={false}
            hasStickyHeader
            summary={<span data-testid="products-count">{t('list.shownCount', { count: page.rows.length })}</span>}
            emptyTitle={
              filters.cursor ? t('list.emptyPastEnd') : isFiltered ? t('list.emptyFiltered') : t('list.empty')
            }
            emptyMessage={isFiltered || filters.cursor ? undefined : t('list.emptyHint')}
            columns={[
              { id: 'name', header: t('list.columns.name'), sticky: true },
              { id: 'category', header: t('list.columns.category'), className: 'text-slate-600' },
              { id: 'brand', header: t('list.columns.brand'), className: 'text-slate-600' },
              { id: 'skus', header: t('list.columns.skus'), align: 'right' },
              { id: 'price', header: t('list.columns.price'), align: 'right', className: 'whitespace-nowrap' },
              { id: 'status', header: t('list.columns.status') },
            ]}
            rows={page.rows.map((row) => ({
              id: row.id,
              attributes: { 'data-product-id': row.id },
              cells: {
                name: (
                  <Link href={`/catalog/${row.id}`} className="font-medium text-sky-700 hover:underline">
                    {row.name}
                  </Link>
                ),
                category: row.category,
                brand: row.brand ?? '—',
                skus: row.skuCount,
                price: price(row.minPriceCents, row.maxPriceCents, row.currency),
                status: <StatusBadge kind="catalog" status={catalogStatus(row)} />,
              },
            }))}
          />
          <KeysetPagination
            label={t('list.pagination')}
            links={keysetLinks('/catalog', productListSearchParams(filters), {
              nextCursor: page.nextCursor,
              prevCursor: null,
              isPastFirst: filters.cursor !== undefined,
            })}
          />
        </section>
      </div>
    </>
  );
}
