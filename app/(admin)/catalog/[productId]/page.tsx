import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { RowsTable } from '@/components/data-table/rows-table';
import { PageHeader } from '@/components/layout/page-header';
import { StatusBadge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { KeyValueList } from '@/components/ui/key-value-list';
import { SectionCard } from '@/components/ui/section-card';
import { getDb } from '@/db/client';
import { listCategories } from '@/domain/catalog/categories';
import { catalogStatus } from '@/domain/catalog/catalog-status';
import { getProduct } from '@/domain/catalog/get-product';
import { formatMoney } from '@/domain/shared/money';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { ArchiveSkuButton, EditProductForm, SkuDialogButton } from './product-forms';

type Params = Promise<{ productId: string }>;
const DATE_TIME = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

async function load(productIdText: string) {
  const productId = Number(productIdText);
  if (!Number.isSafeInteger(productId) || productId <= 0) return null;
  return getProduct(getDb(), productId);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const detail = await load((await params).productId);
  return { title: detail?.product.name ?? 'Catalog' };
}

/** One product: its fields, its SKUs (edit, add, archive) and their price and cost history. */
export default async function ProductPage({ params }: { params: Params }) {
  const staff = await requirePermission('catalog.read');
  const detail = await load((await params).productId);
  if (!detail) notFound();
  const { product, skus, priceHistory } = detail;
  const canWrite = can(staff, 'catalog.write');
  const [categories, t, format, locale] = await Promise.all([
    canWrite ? listCategories(getDb()) : Promise.resolve([]),
    getTranslations('catalog'),
    getFormatter(),
    getLocale(),
  ]);
  const money = (cents: number, currency: string) => formatMoney(cents, currency, locale);
  const codeOf = new Map(skus.map((s) => [s.id, s.code]));
  const history = Object.values(priceHistory)
    .flat()
    .sort((a, b) => b.id - a.id);

  return (
    <>
      <PageHeader
        title={product.name}
        description={
          <span className="inline-flex items-center gap-2">
            <StatusBadge kind="catalog" status={catalogStatus(product)} testId="product-status" />
            {product.category}
          </span>
        }
        actions={
          <Link href="/catalog" className={buttonClass('ghost')}>
            {t('create.back')}
          </Link>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <SectionCard
          title={t('product.skus')}
          flush
          actions={canWrite && <SkuDialogButton productId={product.id} attributes={product.specAttributes} />}
        >
          <RowsTable
            id="skus-table"
            isPlain={false}
            emptyTitle={t('product.noSpecs')}
            columns={[
              { id: 'code', header: t('product.columns.code'), sticky: true, className: 'font-mono text-[13px]' },
              { id: 'variant', header: t('product.columns.variant') },
              { id: 'barcode', header: t('product.columns.barcode'), className: 'font-mono text-xs text-slate-600' },
              { id: 'price', header: t('product.columns.price'), align: 'right' },
              { id: 'cost', header: t('product.columns.cost'), align: 'right', className: 'text-slate-600' },
              { id: 'weight', header: t('product.columns.weight'), align: 'right', className: 'text-slate-600' },
              { id: 'threshold', header: t('product.columns.threshold'), align: 'right', className: 'text-slate-600' },
              { id: 'status', header: t('product.columns.status') },
              { id: 'actions', header: t('product.columns.actions'), align: 'right' },
            ]}
            rows={skus.map((sku) => ({
              id: sku.id,
              attributes: { 'data-sku-code': sku.code },
              cells: {
                code: (
                  <Link
                    href={`/inventory/${sku.id}`}
                    className="text-sky-700 hover:underline"
                    title={t('product.stock')}
                  >
                    {sku.code}
                  </Link>
                ),
                variant: sku.variant ?? '—',
                barcode: sku.barcode ?? '—',
                price: <span data-testid="sku-price">{money(sku.priceCents, sku.currency)}</span>,
                cost: money(sku.costCents, sku.currency),
                weight: t('product.grams', { grams: sku.weightGrams }),
                threshold: sku.lowStockThreshold ?? t('product.defaultThreshold'),
                status: <StatusBadge kind="catalog" status={catalogStatus(sku)} testId="sku-status" />,
                actions:
                  canWrite && !sku.archivedAt ? (
                    <span className="inline-flex gap-1">
                      <SkuDialogButton productId={product.id} attributes={product.specAttributes} sku={sku} />
                      <ArchiveSkuButton skuId={sku.id} code={sku.code} />
                    </span>
                  ) : null,
              },
            }))}
          />
        </SectionCard>
        <SectionCard title={canWrite ? t('product.edit') : t('product.details')}>
          {canWrite ? (
            <EditProductForm product={product} categories={categories} />
          ) : (
            <KeyValueList
              columns={2}
              items={[
                { key: 'name', label: t('fields.name'), value: product.name },
                { key: 'category', label: t('fields.category'), value: product.category },
                { key: 'brand', label: t('fields.brand'), value: product.brand ?? '—' },
                { key: 'description', label: t('fields.description'), value: product.description ?? '—' },
              ]}
            />
          )}
          <p className="mt-3 text-xs text-slate-500">
            {t('product.specs')}:{' '}
            {product.specAttributes.length === 0
              ? t('product.noSpecs')
              : product.specAttributes.map((a) => `${a.name} (${a.values.join(', ')})`).join(' × ')}
          </p>
        </SectionCard>
        <SectionCard title={t('product.priceHistory')} testId="price-history">
          {history.length === 0 ? (
            <p className="text-sm text-slate-500">{t('product.noHistory')}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {history.map((change) => {
                const currency = skus.find((s) => s.id === change.skuId)?.currency ?? 'CNY';
                return (
                  <li key={change.id} data-sku-code={codeOf.get(change.skuId)}>
                    <span className="mr-2 font-mono text-xs text-slate-500">{codeOf.get(change.skuId)}</span>
                    {t('product.history', {
                      at: format.dateTime(change.changedAt, DATE_TIME),
                      actor: change.actorName,
                      price: money(change.priceCents, currency),
                      cost: money(change.costCents, currency),
                    })}
                    {change.previousPriceCents !== null && change.previousCostCents !== null && (
                      <span className="ml-1 text-slate-500">
                        {t('product.historyFrom', {
                          price: money(change.previousPriceCents, currency),
                          cost: money(change.previousCostCents, currency),
                        })}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </SectionCard>
      </div>
    </>
  );
}
