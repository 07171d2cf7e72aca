import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { TrackingTimeline } from '@/components/shipping/tracking-timeline';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { fillTrackingUrl } from '@/domain/logistics/carriers';
import { getShipment } from '@/domain/logistics/list-shipments';
import { parseOrderId } from '@/domain/orders/order-id';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { QueryNowButton, ResolveExceptionForm } from '../../shipment-forms';
import { ShippingHeader } from '../../shipping-tabs';

type Params = Promise<{ shipmentId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('shipping');
  return { title: `${t('detail.title')} ${(await params).shipmentId}` };
}

/** One parcel: what is in it, where it is (the tracking timeline), its exceptions and the pushes received. */
export default async function ShipmentPage({ params }: { params: Params }) {
  const staff = await requirePermission('shipping.read');
  const id = parseOrderId((await params).shipmentId);
  const detail = id === null ? null : await getShipment(getDb(), id);
  if (!detail) notFound();
  const [t, tOrders, format, locale] = await Promise.all([
    getTranslations('shipping'),
    getTranslations('orders'),
    getFormatter(),
    getLocale(),
  ]);
  const { shipment } = detail;
  const isChinese = locale.startsWith('zh');
  const canWrite = can(staff, 'shipping.write');
  const when = (value: Date) =>
    format.dateTime(value, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  const card = 'rounded-lg border border-slate-200 bg-white shadow-xs';
  // the log keeps codes ("accepted", "in_transit (replay)"); people read their names
  const pushSummary = (push: { outcome: string; message: string | null; eventsAdded: number }) => {
    const outcome = t.has(`pushOutcome.${push.outcome}`)
      ? t(`pushOutcome.${push.outcome}` as 'pushOutcome.accepted')
      : push.outcome;
    const [, code, replay] = /^([a-z_]+)( \(replay\))?$/.exec(push.message ?? '') ?? [];
    const status =
      code && tOrders.has(`shipmentStatus.${code}`)
        ? tOrders(`shipmentStatus.${code}` as 'shipmentStatus.pending')
        : push.message;
    return [
      outcome,
      status,
      replay ? t('pushOutcome.replay') : null,
      push.eventsAdded > 0 ? `+${push.eventsAdded}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
  };
  const link = shipment.trackingUrlTemplate
    ? fillTrackingUrl(shipment.trackingUrlTemplate, shipment.trackingNumber)
    : null;

  return (
    <>
      <ShippingHeader
        current="shipments"
        title={`${isChinese ? shipment.carrierName : shipment.carrierNameEn} ${shipment.trackingNumber}`}
        actions={canWrite ? <QueryNowButton shipmentId={shipment.id} /> : null}
      />
      <div className="grid gap-4 px-4 py-4 sm:px-6 sm:py-5 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <section className={`${card} p-4`}>
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <StatusBadge kind="shipment" status={shipment.status} testId="shipment-status" />
              {shipment.hasException && (
                <Badge tone="danger" data-testid="shipment-exception-badge">
                  {t('shipments.exception')}
                </Badge>
              )}
              <span className="text-slate-600">
                {t('detail.order')}{' '}
                <Link href={`/orders/${shipment.orderId}`} className="font-mono text-sky-700 hover:underline">
                  {shipment.orderNumber}
                </Link>
              </span>
              <span className="text-slate-600">{t('detail.warehouse', { warehouse: shipment.warehouseName })}</span>
              {link && (
                <a href={link} target="_blank" rel="noreferrer" className="text-sky-700 hover:underline">
                  {t('detail.carrierPage')}
                </a>
              )}
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-4">
              <div>
                <dt className="text-slate-400">{t('shipments.shippedAt')}</dt>
                <dd>{when(shipment.shippedAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-400">{t('detail.deliveredAt')}</dt>
                <dd data-testid="shipment-delivered-at">{shipment.deliveredAt ? when(shipment.deliveredAt) : '—'}</dd>
              </div>
              <div>
                <dt className="text-slate-400">{t('detail.lastTracked')}</dt>
                <dd>{shipment.lastTrackedAt ? when(shipment.lastTrackedAt) : '—'}</dd>
              </div>
              <div>
                <dt className="text-slate-400">{t('detail.subscribed')}</dt>
                <dd>
                  {shipment.trackingSubscribedAt ? when(shipment.trackingSubscribedAt) : t('detail.notSubscribed')}
                </dd>
              </div>
            </dl>
            <ul className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-600">
              {detail.lines.map((line) => (
                <li key={line.orderLineId}>
                  <span className="font-mono">{line.skuCode}</span> {line.name}
                  {line.variant ? ` (${line.variant})` : ''} × {line.quantity}
                </li>
              ))}
            </ul>
          </section>
          <section className={`${card} p-4`}>
            <h2 className="mb-3 text-sm font-semibold text-slate-900">{t('timeline.title')}</h2>
            <TrackingTimeline events={detail.events} />
          </section>
        </div>
        <aside className="space-y-4">
          <section className={`${card} p-4`} data-testid="shipment-exceptions">
            <h2 className="mb-2 text-sm font-semibold text-slate-900">{t('exceptions.title')}</h2>
            {detail.exceptions.length === 0 ? (
              <p className="text-xs text-slate-500">{t('exceptions.none')}</p>
            ) : (
              <ul className="space-y-3 text-sm">
                {detail.exceptions.map((e) => (
                  <li key={e.id} className="space-y-1">
                    <p>
                      <span className="font-medium text-rose-700">{t(`exceptions.kind.${e.kind}`)}</span>{' '}
                      <span className="text-xs text-slate-400">{when(e.raisedAt)}</span>
                    </p>
                    <p className="text-xs text-slate-600">{e.description}</p>
                    {e.resolvedAt ? (
                      <p className="text-xs text-emerald-700">
                        {t('exceptions.resolvedOn', { date: when(e.resolvedAt), note: e.resolutionNote ?? '' })}
                      </p>
                    ) : (
                      canWrite && <ResolveExceptionForm exceptionId={e.id} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={`${card} p-4`}>
            <h2 className="mb-2 text-sm font-semibold text-slate-900">{t('detail.pushes')}</h2>
            {detail.pushes.length === 0 ? (
              <p className="text-xs text-slate-500">{t('detail.noPushes')}</p>
            ) : (
              <ul className="space-y-1 text-xs text-slate-600" data-testid="shipment-pushes">
                {detail.pushes.map((p) => (
                  <li key={p.id} data-outcome={p.outcome}>
                    {when(p.receivedAt)} · {pushSummary(p)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
