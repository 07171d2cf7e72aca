import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listOpenExceptions } from '@/domain/logistics/list-shipments';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { ResolveExceptionForm } from '../shipment-forms';
import { ShippingHeader } from '../shipping-tabs';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shipping');
  return { title: t('exceptions.title') };
}

/** Parcels a person must handle (problem, refused, returning, rejected), oldest first, each resolved with a note. */
export default async function ExceptionsPage() {
  const staff = await requirePermission('shipping.read');
  const [rows, t, format, locale] = await Promise.all([
    listOpenExceptions(getDb()),
    getTranslations('shipping'),
    getFormatter(),
    getLocale(),
  ]);
  const isChinese = locale.startsWith('zh');
  const canWrite = can(staff, 'shipping.write');
  return (
    <>
      <ShippingHeader current="exceptions" />
      <div className="space-y-3 px-4 py-4 sm:px-6 sm:py-5">
        {rows.length === 0 ? (
          <p
            className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500"
            data-testid="exceptions-empty"
          >
            {t('exceptions.noneOpen')}
          </p>
        ) : (
          <ul
            className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-xs"
            data-testid="exceptions-list"
          >
            {rows.map((row) => (
              <li key={row.id} className="space-y-1.5 px-4 py-3 text-sm" data-testid="exception-row">
                <div className="flex flex-wrap items-center gap-3">
                  <span className="font-medium text-rose-700">{t(`exceptions.kind.${row.kind}`)}</span>
                  <Link
                    href={`/shipping/shipments/${row.shipmentId}`}
                    className="font-mono text-xs text-sky-700 hover:underline"
                  >
                    {isChinese ? row.carrierName : row.carrierNameEn} {row.trackingNumber}
                  </Link>
                  <Link href={`/orders/${row.orderId}`} className="font-mono text-xs text-sky-700 hover:underline">
                    {row.orderNumber}
                  </Link>
                  <span className="text-xs text-slate-500">{row.shipName}</span>
                  <span className="ml-auto text-xs text-slate-400">
                    {format.dateTime(row.raisedAt, {
                      month: '2-digit',
                      day: '2-digit',
                      hour: '2-digit',
                      minute: '2-digit',
                    })}
                  </span>
                </div>
                <p className="text-xs text-slate-600">{row.description}</p>
                {canWrite && <ResolveExceptionForm exceptionId={row.id} />}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
