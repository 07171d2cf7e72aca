import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listWarehouses } from '@/domain/inventory/list-warehouses';
import { listActiveCarriers } from '@/domain/logistics/list-shipments';
import { listShippingQueue, ZShippingQueueFilters } from '@/domain/logistics/list-shipping-queue';
import { formatMoney } from '@/domain/shared/money';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
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
  const [queue, carrierRows, warehouseRows, t, tOrders, format, locale] = await Promise.all([
    listShippingQueue(db, filters), listActiveCarriers(db), listWarehouses(db),
    getTranslations('shipping'), getTranslations('orders'), getFormatter(), getLocale(),
  ]);
  const tPrint = await getTranslations('printing');
  const isChinese = locale.startsWith('zh');
  const canWrite = can(staff, 'shipping.write');
  const field = 'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs';
  const th = 'px-3 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500';

  return (
    <>
      <ShippingHeader current="queue" />
      <div className="space-y-4 px-6 py-5">
        <form method="get" className="flex flex-wrap items-end gap-3" data-testid="queue-filters">
          <label className="text-xs text-slate-500">{t('queue.warehouse')}
            <select name="warehouse" defaultValue={filters.warehouse ?? ''} className={`${field} mt-1 block`}>
              <option value="">{t('queue.all')}</option>
              {warehouseRows.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
            </select>
          </label>
          <label className="text-xs text-slate-500">{t('queue.carrier')}
            <select name="carrier" defaultValue={filters.carrier ?? ''} className={`${field} mt-1 block`}>
              <option value="">{t('queue.all')}</option>
              <option value="none">{t('queue.noCarrier')}</option>
              {carrierRows.map((c) => <option key={c.id} value={c.id}>{isChinese ? c.name : c.nameEn}</option>)}
            </select>
          </label>
          <label className="text-xs text-slate-500">{t('queue.province')}
            <input name="province" defaultValue={filters.province ?? ''} maxLength={20} className={`${field} mt-1 block w-32`} />
          </label>
          <button type="submit" className="h-8 rounded-md bg-white px-3 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">{t('queue.apply')}</button>
          <Link href="/shipping" className="h-8 px-1 text-sm leading-8 text-slate-500 hover:underline">{t('queue.clear')}</Link>
        </form>
        {rejected.length > 0 && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="rejected-params">
            {t('queue.rejected', { params: rejected.map((key) => t(`queue.${key}` as 'queue.warehouse')).join(', ') })}
          </p>
        )}

        {queue.total === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500" data-testid="queue-empty">{t('queue.empty')}</p>
        ) : (
          <form method="get" action="/shipping/bulk-ship" className="space-y-4">
            <div className="flex items-center justify-between">
              <p className="text-sm text-slate-600">{t('queue.count', { count: queue.total })}{queue.isTruncated ? ` ${t('queue.truncated')}` : ''}</p>
              {canWrite && <button type="submit" data-testid="bulk-ship-selected" className="h-8 rounded-md bg-slate-900 px-3 text-sm font-medium text-white hover:bg-slate-800">{t('queue.bulkShip')}</button>}
            </div>
            {queue.groups.map((group) => (
              <section key={`${group.warehouseId}-${group.carrierId}`} className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs" data-testid="queue-group">
                <header className="flex items-center gap-3 border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm">
                  <span className="font-medium text-slate-900">{group.warehouseName ?? t('queue.noWarehouse')}</span>
                  <span className="text-slate-400">·</span>
                  <span className="text-slate-700">{group.carrierId ? (isChinese ? group.carrierName : group.carrierNameEn) : t('queue.noCarrier')}</span>
                  <span className="ml-auto text-xs text-slate-500">{t('queue.count', { count: group.orders.length })}</span>
                  {group.warehouseId !== null && (
                    // the whole warehouse's picking for the day: every order awaiting shipment there
                    <a href={`/print/pick-list?warehouse=${group.warehouseId}`} target="_blank" rel="noopener" data-testid="queue-warehouse-pick-list"
                      className="text-xs font-medium text-sky-700 hover:underline">{tPrint('entry.warehousePickList')}</a>
                  )}
                </header>
                <table className="w-full text-sm">
                  <thead>
                    <tr className="border-b border-slate-100">
                      <th className={`${th} w-8`}><span className="sr-only">{t('queue.select')}</span></th>
                      <th className={th}>{t('queue.order')}</th>
                      <th className={th}>{t('queue.status')}</th>
                      <th className={th}>{t('queue.recipient')}</th>
                      <th className={th}>{t('queue.destination')}</th>
                      <th className={`${th} text-right`}>{t('queue.units')}</th>
                      <th className={`${th} text-right`}>{t('queue.total')}</th>
                      <th className={th}>{t('queue.placed')}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {group.orders.map((order) => (
                      <tr key={order.id} data-testid="queue-order" data-order-number={order.number}>
                        <td className="px-3 py-2">
                          {canWrite && <input type="checkbox" name="order" value={order.number} aria-label={t('queue.selectOrder', { number: order.number })} />}
                        </td>
                        <td className="px-3 py-2 font-mono text-xs"><Link href={`/orders/${order.id}`} className="text-sky-700 hover:underline">{order.number}</Link></td>
                        <td className="px-3 py-2 text-xs text-slate-600">{tOrders(`status.${order.status}`)}</td>
                        <td className="px-3 py-2 text-slate-700">{order.shipName}</td>
                        <td className="px-3 py-2 text-slate-600">{order.shipProvince} {order.shipCity}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{order.remainingUnits}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{formatMoney(order.totalCents, order.currency, locale)}</td>
                        <td className="px-3 py-2 tabular-nums text-slate-500">{format.dateTime(order.placedAt, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </form>
        )}
      </div>
    </>
  );
}
