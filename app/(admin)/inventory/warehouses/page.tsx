import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RowsTable } from '@/components/data-table/rows-table';
import { Badge } from '@/components/ui/badge';
import { SectionCard } from '@/components/ui/section-card';
import { getDb } from '@/db/client';
import { listWarehouseSummaries } from '@/domain/inventory/get-warehouse';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { getOpenLowStockAlertCount } from '@/lib/open-alert-count';
import { InventoryHeader } from '../inventory-tabs';
import { WarehouseForm } from './warehouse-forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inventory.warehouses');
  return { title: t('title') };
}

/** Warehouses: what each holds, whether it ships, active or not; a new one (inventory.write). */
export default async function WarehousesPage() {
  const staff = await requirePermission('inventory.read');
  const canWrite = can(staff, 'inventory.write');
  const [warehouses, openAlertCount, t] = await Promise.all([
    listWarehouseSummaries(getDb()),
    getOpenLowStockAlertCount(),
    getTranslations('inventory.warehouses'),
  ]);
  return (
    <>
      <InventoryHeader current="warehouses" canWrite={canWrite} openAlertCount={openAlertCount} />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        {canWrite && (
          <SectionCard title={t('new')}>
            <WarehouseForm />
          </SectionCard>
        )}
        <SectionCard title={t('title')} flush>
          <RowsTable
            id="warehouses-table"
            isPlain={false}
            emptyTitle={t('empty')}
            columns={[
              { id: 'code', header: t('fields.code'), sticky: true, className: 'font-mono text-[13px]' },
              { id: 'name', header: t('fields.name') },
              { id: 'place', header: t('place'), className: 'text-slate-600' },
              { id: 'contact', header: t('fields.contactName'), className: 'text-slate-600' },
              { id: 'skus', header: t('skus'), align: 'right' },
              { id: 'onHand', header: t('onHand'), align: 'right' },
              { id: 'state', header: t('state') },
            ]}
            rows={warehouses.map((w) => ({
              id: w.id,
              attributes: { 'data-warehouse-code': w.code },
              cells: {
                code: (
                  <Link href={`/inventory/warehouses/${w.id}`} className="text-sky-700 hover:underline">
                    {w.code}
                  </Link>
                ),
                name: w.name,
                place: [w.province, w.city, w.address].filter(Boolean).join(' ') || '—',
                contact: [w.contactName, w.contactPhone].filter(Boolean).join(' ') || '—',
                skus: w.skuCount,
                onHand: w.onHand,
                state: (
                  <span className="inline-flex gap-1.5" data-testid="warehouse-state">
                    <Badge tone={w.isActive ? 'success' : 'neutral'}>{w.isActive ? t('active') : t('inactive')}</Badge>
                    {w.isShipping && <Badge tone="info">{t('ships')}</Badge>}
                  </span>
                ),
              },
            }))}
          />
        </SectionCard>
      </div>
    </>
  );
}
