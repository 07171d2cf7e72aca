import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { TrackingTimeline, type TimelineEvent } from '@/components/shipping/tracking-timeline';
import type { OrderDetail } from '@/domain/orders/get-order';
import { PROVIDER_METHODS } from '@/domain/payments/payment-methods-config';
import { formatMoney } from '@/domain/shared/money';
import { RowsTable } from '@/components/data-table/rows-table';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from './card';

const DATE_TIME = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/**
 * Payments of the order. With `withoutOnlineAttempts` the provider attempts are left out: the
 * online payment section above lists them with their actions, so they are not shown twice.
 */
export function OrderPayments({
  detail,
  locale,
  withoutOnlineAttempts = false,
}: {
  detail: OrderDetail;
  locale: string;
  withoutOnlineAttempts?: boolean;
}) {
  const t = useTranslations('orders');
  const shown = withoutOnlineAttempts
    ? detail.payments.filter((p) => !(PROVIDER_METHODS as readonly string[]).includes(p.method))
    : detail.payments;
  const format = useFormatter();
  // the online payment panel above is then the order's payments panel: no second, empty one under it
  if (withoutOnlineAttempts && shown.length === 0) return null;
  return (
    <Card title={t('detail.payments')}>
      {shown.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">{t('detail.noPayments')}</p>
      ) : (
        <RowsTable
          id="order-payments"
          columns={[
            { id: 'method', header: t('detail.method'), sticky: true },
            { id: 'state', header: t('detail.state') },
            { id: 'reference', header: t('detail.reference'), className: 'font-mono text-xs text-slate-500' },
            { id: 'date', header: t('detail.date'), className: 'tabular-nums text-slate-600' },
            { id: 'amount', header: t('detail.amount'), align: 'right' },
          ]}
          rows={shown.map((payment) => ({
            id: payment.id,
            cells: {
              method: t(`paymentMethod.${payment.method}`),
              state: <StatusBadge kind="payment" status={payment.status} />,
              reference: payment.providerTxnId ?? payment.outTradeNo,
              date: format.dateTime(payment.paidAt ?? payment.createdAt, DATE_TIME),
              amount: formatMoney(payment.amountCents, payment.currency, locale),
            },
          }))}
        />
      )}
      {/* refunds have their own panel (refund-panel.tsx), with their states and actions */}
    </Card>
  );
}

export function OrderShipments({
  detail,
  locale,
  trackingEvents,
}: {
  detail: OrderDetail;
  locale: string;
  trackingEvents: ReadonlyMap<number, readonly TimelineEvent[]>;
}) {
  const t = useTranslations('orders');
  const format = useFormatter();
  // carriers have a Chinese and an English name; show the one of the reader's language
  const isChinese = locale.startsWith('zh');
  return (
    <Card title={t('detail.shipments')}>
      {detail.shipments.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">{t('detail.noShipments')}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="order-shipments">
          {detail.shipments.map((shipment) => (
            <li key={shipment.id} className="space-y-1.5 px-4 py-3 text-sm">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-medium text-slate-900">
                  {isChinese ? shipment.carrierName : shipment.carrierNameEn}
                </span>
                <Link
                  href={`/shipping/shipments/${shipment.id}`}
                  className="font-mono text-xs text-sky-700 hover:underline"
                  data-testid="order-shipment-link"
                >
                  {t('detail.trackingNumber')} {shipment.trackingNumber}
                </Link>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${shipment.status === 'delivered' ? 'bg-emerald-50 text-emerald-700' : shipment.hasException || shipment.status === 'exception' ? 'bg-rose-50 text-rose-700' : 'bg-blue-50 text-blue-700'}`}
                >
                  {t(`shipmentStatus.${shipment.status}`)}
                </span>
              </div>
              <div className="flex flex-wrap gap-x-3 text-xs text-slate-500">
                <span>{t('detail.fromWarehouse', { warehouse: shipment.warehouseName })}</span>
                <span>{t('detail.shippedAt', { date: format.dateTime(shipment.shippedAt, DATE_TIME) })}</span>
                {shipment.deliveredAt && (
                  <span>{t('detail.deliveredAt', { date: format.dateTime(shipment.deliveredAt, DATE_TIME) })}</span>
                )}
              </div>
              <ul className="text-xs text-slate-600">
                {shipment.lines.map((line) => (
                  <li key={line.orderLineId}>
                    <span className="font-mono">{line.skuCode}</span> {line.name} × {line.quantity}
                  </li>
                ))}
              </ul>
              <div className="pt-1">
                <TrackingTimeline
                  events={trackingEvents.get(shipment.id) ?? []}
                  testId={`order-tracking-${shipment.id}`}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
