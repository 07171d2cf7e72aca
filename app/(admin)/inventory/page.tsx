import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listStock } from '@/domain/inventory/list-stock';
import { listWarehouses } from '@/domain/inventory/list-warehouses';
import { parseStockListParams } from '@/domain/inventory/stock-list-filters';
import { can } from '@/domain/staff/permissions';
import { getOpenLowStockAlertCount } from '@/lib/open-alert-count';
import { requirePermission } from '@/lib/auth/current-staff';
import { InventoryHeader } from './inventory-tabs';
import { StockFilters, StockPagination, StockRejectedParams } from './stock-filters';
import { StockTable } from './stock-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inventory');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The stock table: SKU x warehouse with on hand / reserved / available; filters live in the URL. */
export default async function InventoryPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requirePermission('inventory.read');
  const { filters, rejected } = parseStockListParams(await searchParams);
  const db = getDb();
  const [page, warehouses, openAlertCount, t] = await Promise.all([
    listStock(db, filters),
    listWarehouses(db),
    getOpenLowStockAlertCount(),
    getTranslations('inventory.stock'),
  ]);
  const emptyMessage = filters.cursor
    ? t('emptyPastEnd')
    : filters.q || filters.warehouseId
      ? t('emptyFiltered')
      : filters.stock === 'low'
        ? t('emptyLow')
        : t('emptyAll');

  return (
    <>
      <InventoryHeader current="stock" canWrite={can(staff, 'inventory.write')} openAlertCount={openAlertCount} />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <StockRejectedParams rejected={rejected} />
        <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <div className="border-b border-slate-200 p-3">
            <StockFilters filters={filters} warehouses={warehouses} />
          </div>
          <StockTable rows={page.rows} emptyMessage={emptyMessage} />
          <StockPagination filters={filters} nextCursor={page.nextCursor} shown={page.rows.length} />
        </section>
      </div>
    </>
  );
}
