import { useFormatter, useTranslations } from 'next-intl';
import type { SkuStock } from '@/domain/inventory/get-sku-stock';
import { AcknowledgeAlertButton, ThresholdForm } from '../action-forms';
import { RowsTable } from '@/components/data-table/rows-table';
import { Badge } from '@/components/ui/badge';

/** Stock of one SKU per warehouse, with thresholds and the alert of each level. */
export function SkuLevels({ sku, canWrite }: { sku: SkuStock; canWrite: boolean }) {
  const t = useTranslations('inventory');
  const format = useFormatter();
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
        <RowsTable
          id="sku-levels"
          columns={[
            { id: 'warehouse', header: t('stock.columns.warehouse'), sticky: true, className: 'text-slate-900' },
            { id: 'location', header: t('stock.columns.location'), className: 'font-mono text-[12px] text-slate-500' },
            { id: 'on-hand', header: t('stock.columns.onHand'), align: 'right', className: 'text-slate-700' },
            { id: 'reserved', header: t('stock.columns.reserved'), align: 'right', className: 'text-slate-500' },
            { id: 'available', header: t('stock.columns.available'), align: 'right', className: 'font-semibold' },
            { id: 'threshold', header: t('stock.columns.threshold'), className: 'text-slate-600' },
            { id: 'alert', header: t('sku.alert') },
          ]}
          rows={sku.levels.map((level) => ({
            id: level.warehouseId,
            attributes: { 'data-warehouse-id': level.warehouseId, 'data-testid': `level-${level.warehouseId}` },
            cells: {
              warehouse: (
                <>
                  {level.warehouseName}
                  {!level.isWarehouseActive && (
                    <span className="ml-1.5 text-xs text-slate-400">({t('sku.inactiveWarehouse')})</span>
                  )}
                </>
              ),
              location: level.location ?? '—',
              'on-hand': level.onHand,
              reserved: level.reserved,
              available: <span className={level.isLow ? 'text-amber-700' : 'text-slate-900'}>{level.available}</span>,
              threshold: (
                <>
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
                </>
              ),
              alert: level.alert ? (
                <div className="space-y-1">
                  <Badge tone={level.alert.acknowledgedAt ? 'neutral' : 'attention'}>
                    {level.alert.acknowledgedAt
                      ? t('sku.alertAcknowledged', { time: when(level.alert.acknowledgedAt) })
                      : t('sku.alertRaised', { time: when(level.alert.raisedAt) })}
                  </Badge>
                  {canWrite && !level.alert.acknowledgedAt && (
                    <div>
                      <AcknowledgeAlertButton alertId={level.alert.id} />
                    </div>
                  )}
                </div>
              ) : (
                <span className="text-slate-400">{t('sku.noAlert')}</span>
              ),
            },
          }))}
          footer={
            <tr>
              <th scope="row" colSpan={2} className="px-3 py-2 text-left text-xs font-medium text-slate-500">
                {t('sku.totals')}
              </th>
              <td data-align="right" className="font-medium" data-testid="total-on-hand">
                {sku.totals.onHand}
              </td>
              <td data-align="right" className="text-slate-500">
                {sku.totals.reserved}
              </td>
              <td data-align="right" className="font-semibold">
                {sku.totals.available}
              </td>
              <td colSpan={2} />
            </tr>
          }
        />
      )}
    </section>
  );
}
