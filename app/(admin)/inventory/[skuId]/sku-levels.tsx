import { useFormatter, useTranslations } from 'next-intl';
import type { SkuStock } from '@/domain/inventory/get-sku-stock';
import { AcknowledgeAlertButton, ThresholdForm } from '../action-forms';
import { thClass } from '../stock-table';

/** Stock of one SKU per warehouse, with thresholds and the alert of each level. */
export function SkuLevels({ sku, canWrite }: { sku: SkuStock; canWrite: boolean }) {
  const t = useTranslations('inventory');
  const format = useFormatter();
  const num = 'px-3 py-2 text-right tabular-nums';
  const when = (d: Date) =>
    format.dateTime(d, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return (
    <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
      <h2 className="border-b border-slate-200 px-4 py-2.5 text-sm font-semibold text-slate-900">
        {t('sku.perWarehouse')}
      </h2>
      {sku.levels.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500">{t('sku.noLevels')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="sku-levels">
            <thead className="bg-slate-50">
              <tr className="border-b border-slate-200">
                <th scope="col" className={thClass}>
                  {t('stock.columns.warehouse')}
                </th>
                <th scope="col" className={thClass}>
                  {t('stock.columns.location')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {t('stock.columns.onHand')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {t('stock.columns.reserved')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {t('stock.columns.available')}
                </th>
                <th scope="col" className={thClass}>
                  {t('stock.columns.threshold')}
                </th>
                <th scope="col" className={thClass}>
                  {t('sku.alert')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sku.levels.map((level) => (
                <tr
                  key={level.warehouseId}
                  data-warehouse-id={level.warehouseId}
                  data-testid={`level-${level.warehouseId}`}
                >
                  <td className="px-3 py-2 text-slate-900">
                    {level.warehouseName}
                    {!level.isWarehouseActive && (
                      <span className="ml-1.5 text-xs text-slate-400">({t('sku.inactiveWarehouse')})</span>
                    )}
                  </td>
                  <td className="px-3 py-2 font-mono text-[12px] text-slate-500">{level.location ?? '—'}</td>
                  <td className={`${num} text-slate-700`} data-col="on-hand">
                    {level.onHand}
                  </td>
                  <td className={`${num} text-slate-500`} data-col="reserved">
                    {level.reserved}
                  </td>
                  <td
                    className={`${num} font-semibold ${level.isLow ? 'text-amber-700' : 'text-slate-900'}`}
                    data-col="available"
                  >
                    {level.available}
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    {canWrite ? (
                      <ThresholdForm
                        scope="level"
                        skuId={sku.id}
                        warehouseId={level.warehouseId}
                        current={level.levelThreshold}
                        compact
                        label={`${t('threshold.level')}: ${level.warehouseName}`}
                      />
                    ) : level.levelThreshold === null ? (
                      t('sku.thresholdInherited', { threshold: level.threshold })
                    ) : (
                      t('sku.thresholdOwn', { threshold: level.threshold })
                    )}
                    {canWrite && level.levelThreshold === null && (
                      <p className="mt-0.5 text-xs text-slate-400">
                        {t('sku.thresholdInherited', { threshold: level.threshold })}
                      </p>
                    )}
                  </td>
                  <td className="px-3 py-2" data-col="alert">
                    {level.alert ? (
                      <div className="space-y-1">
                        <span
                          className={`inline-block rounded px-1.5 py-0.5 text-[11px] font-medium ${level.alert.acknowledgedAt ? 'bg-slate-100 text-slate-600' : 'bg-amber-100 text-amber-800'}`}
                        >
                          {level.alert.acknowledgedAt
                            ? t('sku.alertAcknowledged', { time: when(level.alert.acknowledgedAt) })
                            : t('sku.alertRaised', { time: when(level.alert.raisedAt) })}
                        </span>
                        {canWrite && !level.alert.acknowledgedAt && (
                          <div>
                            <AcknowledgeAlertButton alertId={level.alert.id} />
                          </div>
                        )}
                      </div>
                    ) : (
                      <span className="text-slate-400">{t('sku.noAlert')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-slate-200 bg-slate-50/60">
              <tr>
                <th scope="row" colSpan={2} className="px-3 py-2 text-left text-xs font-medium text-slate-500">
                  {t('sku.totals')}
                </th>
                <td className={`${num} font-medium`} data-testid="total-on-hand">
                  {sku.totals.onHand}
                </td>
                <td className={`${num} text-slate-500`}>{sku.totals.reserved}</td>
                <td className={`${num} font-semibold`}>{sku.totals.available}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
