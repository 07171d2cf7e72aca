import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/data-table/filter-bar';
import { RowsTable } from '@/components/data-table/rows-table';
import { StatusBadge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { listWarehouses } from '@/domain/inventory/list-warehouses';
import { listActiveCarriers } from '@/domain/logistics/list-shipments';
import { listShippingQueue, ZShippingQueueFilters } from '@/domain/logistics/list-shipping-queue';
import { formatMoney } from '@/domain/shared/money';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { RequestWaybillsButton } from './request-waybills-button';
import { ShippingHeader } from './shipping-tabs';
import { parseUrlFilters } from './url-filters';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shipping');
  return { title: t('queue.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The shipping queue: orders waiting to leave, grouped by warehouse and suggested carrier. Ticking
 * orders and pressing "Bulk ship" opens the bulk-ship page with them (a plain GET form).
 */
export default async function ShippingQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requirePermission('shipping.read');
  const { filters, rejected } = parseUrlFilters(ZShippingQueueFilters, await searchParams);
  const db = getDb();
  const [queue, carrierRows, warehouseRows, t, format, locale] = await Promise.all([
    listShippingQueue(db, filters),
    listActiveCarriers(db),
    listWarehouses(db),
    getTranslations('shipping'),
    getFormatter(),
    getLocale(),
  ]);
  const tPrint = await getTranslations('printing');
  const isChinese = locale.startsWith('zh');
  const canWrite = can(staff, 'shipping.write');

  return (
    <>
      <ShippingHeader current="queue" />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <FilterBar
          testId="queue-filters"
          submitLabel={t('queue.apply')}
          resetLabel={t('queue.clear')}
          resetHref="/shipping"
          fields={[
            {
              name: 'warehouse',
              kind: 'select',
              label: t('queue.warehouse'),
              options: [
                { value: '', label: t('queue.all') },
                ...warehouseRows.map((w) => ({ value: String(w.id), label: w.name })),
              ],
            },
            {
              name: 'carrier',
              kind: 'select',
              label: t('queue.carrier'),
              options: [
                { value: '', label: t('queue.all') },
                { value: 'none', label: t('queue.noCarrier') },
                ...carrierRows.map((c) => ({ value: String(c.id), label: isChinese ? c.name : c.nameEn })),
              ],
            },
            { name: 'province', kind: 'text', label: t('queue.province'), maxLength: 20 },
          ]}
        />
        {rejected.length > 0 && (
          <p
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="rejected-params"
          >
            {t('queue.rejected', { params: rejected.map((key) => t(`queue.${key}` as 'queue.warehouse')).join(', ') })}
          </p>
        )}

        {queue.total === 0 ? (
          <p
            className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500"
            data-testid="queue-empty"
          >
            {t('queue.empty')}
          </p>
        ) : (
          <form method="get" action="/shipping/bulk-ship" className="space-y-4">
            <div className="flex items-center justify-between">
              <p className="text-sm text-slate-600">
                {t('queue.count', { count: queue.total })}
                {queue.isTruncated ? ` ${t('queue.truncated')}` : ''}
              </p>
              {canWrite && (
                <div className="flex items-start gap-2">
                  <RequestWaybillsButton />
                  <button type="submit" data-testid="bulk-ship-selected" className={buttonClass('primary')}>
                    {t('queue.bulkShip')}
                  </button>
                </div>
              )}
            </div>
            {queue.groups.map((group) => (
              <section
                key={`${group.warehouseId}-${group.carrierId}`}
                className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs"
                data-testid="queue-group"
              >
                <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm">
                  <span className="font-medium text-slate-900">{group.warehouseName ?? t('queue.noWarehouse')}</span>
                  <span className="text-slate-400">·</span>
                  <span className="text-slate-700">
                    {group.carrierId ? (isChinese ? group.carrierName : group.carrierNameEn) : t('queue.noCarrier')}
                  </span>
                  <span className="ml-auto text-xs text-slate-500">
                    {t('queue.count', { count: group.orders.length })}
                  </span>
                  {group.warehouseId !== null && (
                    // the whole warehouse's picking for the day: every order awaiting shipment there
                    <a
                      href={`/print/pick-list?warehouse=${group.warehouseId}`}
                      target="_blank"
                      rel="noopener"
                      data-testid="queue-warehouse-pick-list"
                      className="text-xs font-medium text-sky-700 hover:underline"
                    >
                      {tPrint('entry.warehousePickList')}
                    </a>
                  )}
                </header>
                <RowsTable
                  id={`queue-table-${group.warehouseId ?? 'none'}-${group.carrierId ?? 'none'}`}
                  caption={t('queue.title')}
                  columns={[
                    { id: 'select', header: t('queue.select'), isHeaderHidden: true, className: 'w-8' },
                    { id: 'order', header: t('queue.order'), sticky: true, className: 'font-mono text-xs' },
                    { id: 'status', header: t('queue.status') },
                    { id: 'recipient', header: t('queue.recipient') },
                    { id: 'destination', header: t('queue.destination') },
                    { id: 'units', header: t('queue.units'), align: 'right' },
                    { id: 'total', header: t('queue.total'), align: 'right' },
                    {
                      id: 'placed',
                      header: t('queue.placed'),
                      className: 'whitespace-nowrap tabular-nums text-slate-500',
                    },
                  ]}
                  rows={group.orders.map((order) => ({
                    id: `${order.id}-${order.warehouseId ?? 'none'}`,
                    attributes: {
                      'data-testid': 'queue-order',
                      'data-order-number': order.number,
                      'data-warehouse-id': order.warehouseId ?? '',
                      'data-units': order.remainingUnits,
                    },
                    cells: {
                      select: canWrite && (
                        <input
                          type="checkbox"
                          name="order"
                          value={order.number}
                          className="size-4 accent-slate-900"
                          aria-label={t('queue.selectOrder', { number: order.number })}
                        />
                      ),
                      order: (
                        <Link href={`/orders/${order.id}`} className="text-sky-700 hover:underline">
                          {order.number}
                        </Link>
                      ),
                      status: <StatusBadge kind="order" status={order.status} />,
                      recipient: order.shipName,
                      destination: `${order.shipProvince} ${order.shipCity}`,
                      units:
                        order.parcelCount > 1 ? (
                          <span title={t('queue.splitHint', { count: order.parcelCount })}>
                            {order.remainingUnits}{' '}
                            <span className="text-xs text-slate-500" data-testid="queue-split">
                              {t('queue.split', { count: order.parcelCount })}
                            </span>
                          </span>
                        ) : (
                          order.remainingUnits
                        ),
                      total: formatMoney(order.totalCents, order.currency, locale),
                      placed: format.dateTime(order.placedAt, {
                        month: '2-digit',
                        day: '2-digit',
                        hour: '2-digit',
                        minute: '2-digit',
                      }),
                    },
                  }))}
                />
              </section>
            ))}
          </form>
        )}
      </div>
    </>
  );
}
