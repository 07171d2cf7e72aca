import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { countOpenLowStockAlerts } from '@/domain/inventory/list-low-stock-alerts';
import { listWarehouses } from '@/domain/inventory/list-warehouses';
import { readParam } from '@/domain/inventory/stock-list-filters';
import { requirePermission } from '@/lib/auth/current-staff';
import { InventoryHeader } from '../inventory-tabs';
import { ReceiveStockForm } from './receive-stock-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inventory.receive');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A goods receipt form; only roles that may change stock reach it. */
export default async function ReceivePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('inventory.write');
  const db = getDb();
  const [warehouses, openAlertCount, t] = await Promise.all([
    listWarehouses(db),
    countOpenLowStockAlerts(db),
    getTranslations('inventory.receive'),
  ]);
  const active = warehouses.filter((w) => w.isActive);
  const skuCode = (readParam(await searchParams, 'sku') ?? '').trim().slice(0, 64);
  return (
    <>
      <InventoryHeader current="receive" canWrite openAlertCount={openAlertCount} />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <p className="text-sm text-slate-600">{t('description')}</p>
        {active.length === 0 ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t('noWarehouses')}
          </p>
        ) : (
          <ReceiveStockForm warehouses={active.map((w) => ({ id: w.id, name: w.name }))} initialSkuCode={skuCode} />
        )}
      </div>
    </>
  );
}
