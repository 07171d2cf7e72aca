import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/data-table/filter-bar';
import { RowsTable } from '@/components/data-table/rows-table';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { SHIPMENT_STATUSES } from '@/domain/logistics/shipment-status';
import { listActiveCarriers, listShipments, ZShipmentListFilters } from '@/domain/logistics/list-shipments';
import { requirePermission } from '@/lib/auth/current-staff';
import { ShippingHeader } from '../shipping-tabs';
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
    listShipments(db, filters),
    listActiveCarriers(db),
    getTranslations('shipping'),
    getTranslations('orders'),
    getFormatter(),
    getLocale(),
  ]);
  const isChinese = locale.startsWith('zh');
  const next = new URLSearchParams(
    Object.entries({ ...filters, before: nextBefore ?? '' })
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );

  return (
    <>
      <ShippingHeader current="shipments" />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <FilterBar
          submitLabel={t('queue.apply')}
          resetLabel={t('queue.clear')}
          resetHref="/shipping/shipments"
          cursorParam="before"
          fields={[
            {
              name: 'carrier',
              kind: 'select',
              label: t('queue.carrier'),
              options: [
                { value: '', label: t('queue.all') },
                ...carrierRows.map((c) => ({ value: String(c.id), label: isChinese ? c.name : c.nameEn })),
              ],
            },
            {
              name: 'status',
              kind: 'select',
              label: t('shipments.state'),
              options: [
                { value: '', label: t('queue.all') },
                ...SHIPMENT_STATUSES.map((s) => ({ value: s, label: tOrders(`shipmentStatus.${s}`) })),
              ],
            },
            { name: 'exceptions', kind: 'checkbox', label: t('shipments.onlyExceptions') },
          ]}
        />
        {rejected.length > 0 && (
          <p
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="rejected-params"
          >
            {t('shipments.rejected', { params: rejected.join(', ') })}
          </p>
        )}
        <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
          <RowsTable
            id="shipments-table"
            isPlain={false}
            hasStickyHeader
            emptyTitle={t('shipments.empty')}
            columns={[
              { id: 'tracking', header: t('shipments.trackingNumber'), sticky: true, className: 'font-mono text-xs' },
              { id: 'carrier', header: t('queue.carrier') },
              { id: 'state', header: t('shipments.state') },
              { id: 'order', header: t('queue.order'), className: 'font-mono text-xs' },
              { id: 'destination', header: t('queue.destination'), className: 'text-slate-600' },
              { id: 'warehouse', header: t('queue.warehouse'), className: 'text-slate-600' },
              {
                id: 'shippedAt',
                header: t('shipments.shippedAt'),
                className: 'whitespace-nowrap tabular-nums text-slate-500',
              },
            ]}
            rows={shipments.map((s) => ({
              id: s.id,
              attributes: { 'data-testid': 'shipment-row' },
              cells: {
                tracking: (
                  <Link href={`/shipping/shipments/${s.id}`} className="text-sky-700 hover:underline">
                    {s.trackingNumber}
                  </Link>
                ),
                carrier: isChinese ? s.carrierName : s.carrierNameEn,
                state: (
                  <span className="inline-flex items-center gap-1.5">
                    <StatusBadge kind="shipment" status={s.status} />
                    {s.hasException && <Badge tone="danger">{t('shipments.exception')}</Badge>}
                  </span>
                ),
                order: (
                  <Link href={`/orders/${s.orderId}`} className="text-sky-700 hover:underline">
                    {s.orderNumber}
                  </Link>
                ),
                destination: `${s.shipProvince} ${s.shipCity}`,
                warehouse: s.warehouseName,
                shippedAt: format.dateTime(s.shippedAt, {
                  year: 'numeric',
                  month: '2-digit',
                  day: '2-digit',
                  hour: '2-digit',
                  minute: '2-digit',
                }),
              },
            }))}
          />
          {nextBefore && (
            <div className="border-t border-slate-200 px-3 py-2.5">
              <Link href={`/shipping/shipments?${next.toString()}`} className={buttonClass('secondary')}>
                {t('shipments.older')} →
              </Link>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
