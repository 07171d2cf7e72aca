import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { shipmentStatus } from '@/db/schema/logistics';
import { listActiveCarriers, listShipments, ZShipmentListFilters } from '@/domain/logistics/list-shipments';
import { requirePermission } from '@/lib/auth/current-staff';
import { SHIPMENT_TONE, ShippingHeader } from '../shipping-tabs';
import { parseUrlFilters } from '../url-filters';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shipping');
  return { title: t('shipments.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every shipment, newest first, by carrier, state and open exceptions. */
export default async function ShipmentsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('shipping.read');
  const { filters, rejected } = parseUrlFilters(ZShipmentListFilters, await searchParams);
  const db = getDb();
  const [{ shipments, nextBefore }, carrierRows, t, tOrders, format, locale] = await Promise.all([
    listShipments(db, filters), listActiveCarriers(db), getTranslations('shipping'), getTranslations('orders'), getFormatter(), getLocale(),
  ]);
  const isChinese = locale.startsWith('zh');
  const field = 'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs';
  const th = 'px-3 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500';
  const next = new URLSearchParams(Object.entries({ ...filters, before: nextBefore ?? '' }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));

  return (
    <>
      <ShippingHeader current="shipments" />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label className="text-xs text-slate-500">{t('queue.carrier')}
            <select name="carrier" defaultValue={filters.carrier ?? ''} className={`${field} mt-1 block`}>
              <option value="">{t('queue.all')}</option>
              {carrierRows.map((c) => <option key={c.id} value={c.id}>{isChinese ? c.name : c.nameEn}</option>)}
            </select>
          </label>
          <label className="text-xs text-slate-500">{t('shipments.state')}
            <select name="status" defaultValue={filters.status ?? ''} className={`${field} mt-1 block`}>
              <option value="">{t('queue.all')}</option>
              {shipmentStatus.enumValues.map((s) => <option key={s} value={s}>{tOrders(`shipmentStatus.${s}`)}</option>)}
            </select>
          </label>
          <label className="flex h-8 items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="exceptions" value="1" defaultChecked={filters.exceptions === '1'} /> {t('shipments.onlyExceptions')}
          </label>
          <button type="submit" className="h-8 rounded-md bg-white px-3 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">{t('queue.apply')}</button>
        </form>
        {rejected.length > 0 && <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="rejected-params">{t('shipments.rejected', { params: rejected.join(', ') })}</p>}
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
          <table className="w-full text-sm" data-testid="shipments-table">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>{t('shipments.trackingNumber')}</th>
                <th className={th}>{t('queue.carrier')}</th>
                <th className={th}>{t('shipments.state')}</th>
                <th className={th}>{t('queue.order')}</th>
                <th className={th}>{t('queue.destination')}</th>
                <th className={th}>{t('queue.warehouse')}</th>
                <th className={th}>{t('shipments.shippedAt')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shipments.length === 0 && <tr><td colSpan={7} className="px-3 py-6 text-center text-slate-500">{t('shipments.empty')}</td></tr>}
              {shipments.map((s) => (
                <tr key={s.id} data-testid="shipment-row">
                  <td className="px-3 py-2 font-mono text-xs"><Link href={`/shipping/shipments/${s.id}`} className="text-sky-700 hover:underline">{s.trackingNumber}</Link></td>
                  <td className="px-3 py-2">{isChinese ? s.carrierName : s.carrierNameEn}</td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${SHIPMENT_TONE[s.status] ?? 'bg-blue-50 text-blue-700'}`}>{tOrders(`shipmentStatus.${s.status}`)}</span>
                    {s.hasException && <span className="ml-1.5 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-800">{t('shipments.exception')}</span>}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs"><Link href={`/orders/${s.orderId}`} className="text-sky-700 hover:underline">{s.orderNumber}</Link></td>
                  <td className="px-3 py-2 text-slate-600">{s.shipProvince} {s.shipCity}</td>
                  <td className="px-3 py-2 text-slate-600">{s.warehouseName}</td>
                  <td className="px-3 py-2 tabular-nums text-slate-500">{format.dateTime(s.shippedAt, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {nextBefore && <Link href={`/shipping/shipments?${next.toString()}`} className="text-sm text-sky-700 hover:underline">{t('shipments.older')}</Link>}
      </div>
    </>
  );
}
