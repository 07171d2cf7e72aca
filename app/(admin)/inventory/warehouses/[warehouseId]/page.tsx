import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/data-table/filter-bar';
import { RowsTable } from '@/components/data-table/rows-table';
import { Badge } from '@/components/ui/badge';
import { SectionCard } from '@/components/ui/section-card';
import { getDb } from '@/db/client';
import { BIN_PAGE_LIMIT, findWarehouse, listBins } from '@/domain/inventory/get-warehouse';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { getOpenLowStockAlertCount } from '@/lib/open-alert-count';
import { InventoryHeader } from '../../inventory-tabs';
import { BinForm, WarehouseActiveButton, WarehouseForm } from '../warehouse-forms';

type Params = Promise<{ warehouseId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inventory.warehouses');
  return { title: t('title') };
}

/** One warehouse: its details (edit, deactivate) and its bin locations per SKU. */
export default async function WarehousePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const staff = await requirePermission('inventory.read');
  const id = Number((await params).warehouseId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = getDb();
  const warehouse = await findWarehouse(db, id);
  if (!warehouse) notFound();
  const rawQ = (await searchParams).q;
  const q = (Array.isArray(rawQ) ? rawQ[0] : rawQ)?.slice(0, 64);
  const canWrite = can(staff, 'inventory.write');
  const [bins, openAlertCount, t] = await Promise.all([
    listBins(db, id, q),
    getOpenLowStockAlertCount(),
    getTranslations('inventory.warehouses'),
  ]);
  return (
    <>
      <InventoryHeader
        current="warehouses"
        canWrite={canWrite}
        openAlertCount={openAlertCount}
        title={`${warehouse.code} · ${warehouse.name}`}
        actions={
          <Link href="/inventory/warehouses" className="text-sm text-slate-600 hover:underline">
            {t('back')}
          </Link>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <SectionCard
          title={t('details')}
          actions={
            <span className="inline-flex items-center gap-2">
              <Badge tone={warehouse.isActive ? 'success' : 'neutral'} data-testid="warehouse-active">
                {warehouse.isActive ? t('active') : t('inactive')}
              </Badge>
              {canWrite && <WarehouseActiveButton warehouseId={warehouse.id} isActive={warehouse.isActive} />}
            </span>
          }
        >
          {canWrite ? (
            <WarehouseForm warehouse={warehouse} />
          ) : (
            <p className="text-sm text-slate-700">
              {[warehouse.province, warehouse.city, warehouse.address, warehouse.contactName, warehouse.contactPhone]
                .filter(Boolean)
                .join(' ')}
            </p>
          )}
        </SectionCard>
        <SectionCard title={t('bins')} description={t('binsHint', { limit: BIN_PAGE_LIMIT })} flush>
          <div className="space-y-3 border-b border-slate-200 p-3">
            {canWrite && <BinForm warehouseId={warehouse.id} />}
            <FilterBar
              testId="bin-filters"
              submitLabel={t('apply')}
              resetLabel={t('reset')}
              resetHref={`/inventory/warehouses/${warehouse.id}`}
              fields={[{ name: 'q', kind: 'search', label: t('binSearch'), maxLength: 64 }]}
            />
          </div>
          <RowsTable
            id="bins-table"
            isPlain={false}
            emptyTitle={t('noBins')}
            columns={[
              { id: 'location', header: t('fields.location'), className: 'font-mono text-[13px]' },
              { id: 'sku', header: t('fields.skuCode'), className: 'font-mono text-[13px]' },
              { id: 'name', header: t('skuName') },
              { id: 'onHand', header: t('onHand'), align: 'right' },
              { id: 'reserved', header: t('reserved'), align: 'right', className: 'text-slate-500' },
            ]}
            rows={bins.map((b) => ({
              id: b.skuId,
              attributes: { 'data-sku-code': b.skuCode },
              cells: {
                location: b.location ?? '—',
                sku: (
                  <Link href={`/inventory/${b.skuId}`} className="text-sky-700 hover:underline">
                    {b.skuCode}
                  </Link>
                ),
                name: [b.skuName, b.variant].filter(Boolean).join(' '),
                onHand: b.onHand,
                reserved: b.reserved,
              },
            }))}
          />
        </SectionCard>
      </div>
    </>
  );
}
