import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import {
  ALERT_VIEWS,
  countOpenLowStockAlerts,
  listLowStockAlerts,
  type AlertView,
} from '@/domain/inventory/list-low-stock-alerts';
import { getLowStockDefaultThreshold } from '@/domain/inventory/set-threshold';
import { readParam } from '@/domain/inventory/stock-list-filters';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { AcknowledgeAlertButton, ThresholdForm } from '../action-forms';
import { InventoryHeader, ReadOnlyNote } from '../inventory-tabs';
import { RowsTable } from '@/components/data-table/rows-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inventory.alerts');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Low-stock alerts: open ones to acknowledge, and acknowledged ones still waiting for stock. */
export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requirePermission('inventory.read');
  const rawView = readParam(await searchParams, 'view');
  const view: AlertView = (ALERT_VIEWS as readonly string[]).includes(rawView ?? '') ? (rawView as AlertView) : 'open';
  const db = getDb();
  const [alerts, openAlertCount, defaultThreshold, t, format] = await Promise.all([
    listLowStockAlerts(db, { view }),
    countOpenLowStockAlerts(db),
    getLowStockDefaultThreshold(db),
    getTranslations('inventory'),
    getFormatter(),
  ]);
  const canWrite = can(staff, 'inventory.write');
  const when = (d: Date) =>
    format.dateTime(d, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const chip = 'rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset';

  return (
    <>
      <InventoryHeader current="alerts" canWrite={canWrite} openAlertCount={openAlertCount} />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <p className="max-w-3xl text-sm text-slate-600">{t('alerts.explain')}</p>
        {!canWrite && <ReadOnlyNote />}
        <div className={canWrite ? 'grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_16rem]' : ''}>
          <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
            <nav className="flex flex-wrap gap-1.5 border-b border-slate-200 p-3" aria-label={t('alerts.title')}>
              {ALERT_VIEWS.map((v) => (
                <Link
                  key={v}
                  href={v === 'open' ? '/inventory/alerts' : `/inventory/alerts?view=${v}`}
                  aria-current={v === view ? 'true' : undefined}
                  className={`${chip} ${v === view ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
                >
                  {t(`alerts.${v}`)}
                  {v === 'open' ? ` · ${openAlertCount}` : ''}
                </Link>
              ))}
            </nav>
            {alerts.length === 0 ? (
              <p className="px-6 py-12 text-center text-sm text-slate-500" data-testid="alerts-empty">
                {view === 'open' ? t('alerts.emptyOpen') : t('alerts.emptyAcknowledged')}
              </p>
            ) : (
              <RowsTable
                id="alerts-table"
                columns={[
                  { id: 'sku', header: t('alerts.columns.sku'), sticky: true },
                  { id: 'warehouse', header: t('alerts.columns.warehouse'), className: 'text-slate-700' },
                  {
                    id: 'available',
                    header: t('alerts.columns.available'),
                    align: 'right',
                    className: 'font-semibold text-amber-700',
                  },
                  { id: 'atAlert', header: t('alerts.columns.atAlert'), align: 'right', className: 'text-slate-500' },
                  {
                    id: 'threshold',
                    header: t('alerts.columns.threshold'),
                    align: 'right',
                    className: 'text-slate-500',
                  },
                  {
                    id: 'raisedAt',
                    header: t('alerts.columns.raisedAt'),
                    className: 'whitespace-nowrap tabular-nums text-slate-600',
                  },
                  ...(view === 'acknowledged'
                    ? [{ id: 'acknowledged', header: t('alerts.columns.acknowledged'), className: 'text-slate-600' }]
                    : []),
                  ...(view === 'open' && canWrite
                    ? [
                        {
                          id: 'acknowledge',
                          header: t('alerts.acknowledge'),
                          isHeaderHidden: true,
                          align: 'right' as const,
                        },
                      ]
                    : []),
                ]}
                rows={alerts.map((a) => ({
                  id: a.id,
                  attributes: { 'data-alert-id': a.id, 'data-sku-code': a.skuCode },
                  cells: {
                    sku: (
                      <>
                        <Link
                          href={`/inventory/${a.skuId}`}
                          className="font-mono text-[13px] font-medium text-sky-700 hover:underline"
                        >
                          {a.skuCode}
                        </Link>
                        <span className="ml-1.5 text-slate-500">
                          {a.skuName}
                          {a.variant ? ` · ${a.variant}` : ''}
                        </span>
                      </>
                    ),
                    warehouse: a.warehouseName,
                    available: a.available,
                    atAlert: a.availableAtAlert,
                    threshold: a.threshold,
                    raisedAt: when(a.raisedAt),
                    acknowledged: a.acknowledgedAt
                      ? t('alerts.acknowledgedBy', { name: a.acknowledgedByName ?? '—', time: when(a.acknowledgedAt) })
                      : '',
                    acknowledge: <AcknowledgeAlertButton alertId={a.id} />,
                  },
                }))}
              />
            )}
          </section>
          {canWrite && (
            <aside className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <ThresholdForm
                scope="store"
                current={defaultThreshold}
                label={t('threshold.store')}
                hint={t('threshold.storeHint')}
              />
            </aside>
          )}
        </div>
      </div>
    </>
  );
}
