import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getSkuStock } from '@/domain/inventory/get-sku-stock';
import { countOpenLowStockAlerts } from '@/domain/inventory/list-low-stock-alerts';
import { listStockMovements } from '@/domain/inventory/list-stock-movements';
import { getLowStockDefaultThreshold } from '@/domain/inventory/set-threshold';
import { parseIdParam, readParam } from '@/domain/inventory/stock-list-filters';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { AdjustStockForm, ThresholdForm } from '../action-forms';
import { InventoryHeader, ReadOnlyNote } from '../inventory-tabs';
import { SkuLedger } from './sku-ledger';
import { SkuLevels } from './sku-levels';

type Params = Promise<{ skuId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('inventory');
  const skuId = parseIdParam((await params).skuId);
  const sku = skuId ? await getSkuStock(getDb(), skuId, 0) : null;
  return { title: sku ? `${sku.code} · ${t('title')}` : t('title') };
}

/** One SKU: its stock in each warehouse, thresholds and alerts, count adjustments, and its ledger. */
export default async function SkuStockPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const staff = await requirePermission('inventory.read');
  const skuId = parseIdParam((await params).skuId);
  if (!skuId) notFound();
  const query = await searchParams;
  const db = getDb();
  const defaultThreshold = await getLowStockDefaultThreshold(db);
  const sku = await getSkuStock(db, skuId, defaultThreshold);
  if (!sku) notFound();
  const ledgerWarehouseId = parseIdParam(readParam(query, 'warehouse'));
  const beforeId = parseIdParam(readParam(query, 'before'));
  const [ledger, openAlertCount, t] = await Promise.all([
    listStockMovements(db, { skuId, warehouseId: ledgerWarehouseId, beforeId }),
    countOpenLowStockAlerts(db),
    getTranslations('inventory'),
  ]);
  const canWrite = can(staff, 'inventory.write');
  const activeLevels = sku.levels.filter((l) => l.isWarehouseActive);

  return (
    <>
      <InventoryHeader
        current={null}
        canWrite={canWrite}
        openAlertCount={openAlertCount}
        title={`${sku.code} · ${sku.productName}`}
        actions={
          canWrite ? (
            <Link
              href={`/inventory/receive?sku=${encodeURIComponent(sku.code)}`}
              data-testid="receive-sku-link"
              className="inline-flex h-8 items-center rounded-md bg-slate-900 px-3 text-sm font-medium text-white hover:bg-slate-800"
            >
              {t('receive.forSku')}
            </Link>
          ) : null
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm text-slate-600">
          <Link href="/inventory" className="text-sky-700 hover:underline">
            ← {t('sku.back')}
          </Link>
          <span>
            {sku.name}
            {sku.variant ? ` · ${sku.variant}` : ''}
          </span>
          {sku.barcode && (
            <span>
              {t('sku.barcode')}: <span className="font-mono">{sku.barcode}</span>
            </span>
          )}
          <span>
            {t('sku.leadTime')}: {t('sku.leadTimeDays', { days: sku.leadTimeDays })}
          </span>
          {!sku.isActive && (
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-500">{t('stock.inactive')}</span>
          )}
        </div>
        {!canWrite && <ReadOnlyNote />}

        <div className={canWrite ? 'grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]' : ''}>
          <SkuLevels sku={sku} canWrite={canWrite} />
          {canWrite && (
            <aside className="space-y-4">
              {activeLevels.length > 0 && (
                <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <h2 className="mb-3 text-sm font-semibold text-slate-900">{t('adjust.title')}</h2>
                  <AdjustStockForm
                    skuId={sku.id}
                    warehouses={activeLevels.map((l) => ({ id: l.warehouseId, name: l.warehouseName }))}
                  />
                </section>
              )}
              <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <h2 className="mb-3 text-sm font-semibold text-slate-900">{t('threshold.title')}</h2>
                <ThresholdForm
                  scope="sku"
                  skuId={sku.id}
                  current={sku.skuThreshold}
                  label={t('threshold.sku')}
                  hint={`${t('threshold.inheritHint')} ${t('sku.skuThresholdInherits', { threshold: sku.defaultThreshold })}`}
                />
              </section>
            </aside>
          )}
        </div>

        <SkuLedger
          skuId={sku.id}
          levels={sku.levels}
          ledger={ledger}
          warehouseId={ledgerWarehouseId}
          beforeId={beforeId}
        />
      </div>
    </>
  );
}
