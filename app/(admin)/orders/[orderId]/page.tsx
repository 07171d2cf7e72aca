import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { FulfillmentStateLabel, PaymentStateLabel, StatusBadge } from '@/components/orders/status-badge';
import { MANUAL_PAYMENT_METHODS } from '@/domain/orders/confirm-payment';
import { getOrder } from '@/domain/orders/get-order';
import { EDITABLE_STATUSES } from '@/domain/orders/edit-order';
import { getShipOptions } from '@/domain/orders/get-ship-options';
import { listTrackingEvents } from '@/domain/logistics/list-shipments';
import { availableOrderActions } from '@/domain/orders/order-actions';
import { findOrderByReference } from '@/domain/orders/find-order';
import { parseOrderId } from '@/domain/orders/order-id';
import { getPaymentMethods } from '@/domain/payments/get-payment-methods';
import { PROVIDER_METHODS } from '@/domain/payments/payment-methods-config';
import { getRefundOptions } from '@/domain/payments/refunds/get-refund-options';
import { isManualRefundMethod } from '@/domain/payments/refunds/refund-status';
import { formatMoney } from '@/domain/shared/money';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { PrintLinks } from '@/components/printing/print-links';
import { OrderActionBar } from './order-action-bar';
import { AddNoteForm, OrderTagsEditor } from './order-notes-and-tags';
import { OrderItems } from './order-items';
import { OrderPayments, OrderShipments } from './order-money-and-shipments';
import { OrderOnlinePayment } from './order-online-payment';
import { OrderTimeline } from './order-timeline';
import { RefundPanel } from './refund-panel';
import { OrderAfterSales } from '../../after-sales/order-after-sales';
import { CustomerCard, ShippingCard } from './order-people';
import { ClientMessages } from '@/lib/i18n/client-messages';

type Params = Promise<{ orderId: string }>;

// one load per request: the title (generateMetadata) and the page share it
const loadOrder = cache((id: number) => getOrder(getDb(), id));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseOrderId((await params).orderId);
  const detail = id === null ? null : await loadOrder(id);
  const t = await getTranslations('orders');
  return { title: detail ? detail.order.number : t('detail.notFoundTitle') };
}

/**
 * The order page: what was bought, by whom, where it goes, the money and the timeline, with the
 * actions the order's status and the person's role allow now.
 */
export default async function OrderPage({ params }: { params: Params }) {
  const [staff, { orderId: reference }] = await Promise.all([requirePermission('orders.read'), params]);
  const id = parseOrderId(reference);
  if (id === null) {
    // an order number in the URL, as people paste them: the page lives at the order's id
    const found = await findOrderByReference(getDb(), reference);
    if (found) redirect(`/orders/${found.id}`);
  }
  const detail = id === null ? null : await loadOrder(id);
  if (!detail) notFound();

  const { order } = detail;
  const actions = availableOrderActions(order, staff);
  // refunds: finance and admin act on them; everyone who may read money sees them
  const canRefund = can(staff, 'refunds.write');
  const canWrite = can(staff, 'orders.write');
  // operations start a payment (link, QR code) for an order they entered; manual confirmation is payments.write
  const canCollect = can(staff, 'payments.collect');
  // everything else the page shows depends only on the order and the role: read it at once, not in turn
  const [t, format, locale, shipOptions, trackingEvents, refundOptions, paymentMethods] = await Promise.all([
    getTranslations('orders'),
    getFormatter(),
    getLocale(),
    actions.includes('ship') ? getShipOptions(getDb(), detail) : Promise.resolve({ carriers: [], lines: [] }),
    listTrackingEvents(
      getDb(),
      detail.shipments.map((s) => s.id),
    ),
    canRefund || can(staff, 'payments.read') ? getRefundOptions(getDb(), order.id) : null,
    canCollect ? getPaymentMethods(getDb(), process.env) : null,
  ]);
  const isChinese = locale.startsWith('zh');
  const methodOfPayment = new Map(detail.payments.map((p) => [p.id, p.method]));
  const onlineMethods = paymentMethods ? PROVIDER_METHODS.filter((m) => paymentMethods[m].enabled) : [];
  const dateTime = (value: Date) =>
    format.dateTime(value, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const tag = 'rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600';

  return (
    // the action bar, dialogs, refund and payment forms and the after-sales form read these on the client
    <ClientMessages
      namespaces={[
        'orders.actions',
        'orders.paymentMethod',
        'refunds',
        'payments.order',
        'after-sales.actions',
        'after-sales.detail',
        'after-sales.kind',
        'printing.entry',
      ]}
    >
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <div>
          <Link href="/orders" className="text-sm text-slate-500 hover:text-slate-900 hover:underline">
            ← {t('detail.back')}
          </Link>
        </div>
        <header className="flex flex-wrap items-start justify-between gap-3">
          <div className="space-y-1.5">
            <div className="flex flex-wrap items-center gap-2.5">
              <h1 className="font-mono text-xl font-semibold tracking-tight text-slate-900">{order.number}</h1>
              <span data-testid="order-status">
                <StatusBadge status={order.status} />
              </span>
              {order.isCashOnDelivery && <span className={tag}>{t('detail.cashOnDelivery')}</span>}
              {order.needsReview && (
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">
                  {t('detail.needsReview')}
                </span>
              )}
              {order.archivedAt && (
                <span className={tag}>{t('detail.archivedOn', { date: dateTime(order.archivedAt) })}</span>
              )}
              {canWrite && EDITABLE_STATUSES.includes(order.status) && !order.archivedAt && (
                <Link
                  href={`/orders/${order.id}/edit`}
                  data-testid="edit-order-link"
                  className="rounded-md px-2 py-0.5 text-sm font-medium text-sky-700 ring-1 ring-inset ring-sky-200 hover:bg-sky-50"
                >
                  {t('entry.editLink')}
                </Link>
              )}
            </div>
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500">
              <span>{t('detail.placedOn', { date: dateTime(order.placedAt) })}</span>
              <span>{t('detail.sourceLine', { source: t(`source.${order.source}`) })}</span>
              {order.externalRef && <span>{t('detail.externalRef', { ref: order.externalRef })}</span>}
              <PaymentStateLabel state={detail.paymentState} />
              <FulfillmentStateLabel state={detail.fulfillmentState} />
            </p>
            {order.cancelReason && (
              <p className="text-sm text-slate-600">{t('detail.cancelReason', { reason: order.cancelReason })}</p>
            )}
            <OrderTagsEditor key={order.tags.join('\u0000')} orderId={order.id} tags={order.tags} canEdit={canWrite} />
          </div>
        </header>

        <OrderActionBar
          order={{ id: order.id, number: order.number, total: formatMoney(order.totalCents, order.currency, locale) }}
          actions={actions}
          carriers={shipOptions.carriers.map((c) => ({ id: c.id, name: isChinese ? c.name : c.nameEn }))}
          suggestedCarrierId={order.assignedCarrierId}
          lines={shipOptions.lines}
          paymentMethods={MANUAL_PAYMENT_METHODS}
          hasRefundsBelow={canRefund && Boolean(refundOptions && refundOptions.payments.length > 0)}
        />
        {can(staff, 'shipping.read') && <PrintLinks orderIds={[order.id]} testId="order-print" />}

        <div className="grid gap-4 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            <OrderItems detail={detail} locale={locale} />
            {canCollect && (
              <OrderOnlinePayment
                orderId={order.id}
                locale={locale}
                attempts={detail.payments}
                enabledMethods={onlineMethods}
                canCreate={order.status === 'pending_payment' && !order.isCashOnDelivery}
              />
            )}
            <OrderPayments detail={detail} locale={locale} withoutOnlineAttempts={canCollect} />
            <OrderAfterSales orderId={order.id} staff={staff} />
            {refundOptions && (refundOptions.payments.length > 0 || detail.refunds.length > 0) && (
              <RefundPanel
                orderId={order.id}
                payments={refundOptions.payments}
                lines={refundOptions.lines}
                locale={locale}
                canWrite={canRefund}
                refunds={detail.refunds.map((r) => ({
                  id: r.id,
                  outRefundNo: r.outRefundNo,
                  amountCents: r.amountCents,
                  currency: r.currency,
                  status: r.status,
                  reason: r.reason,
                  providerRefundId: r.providerRefundId,
                  isManual: isManualRefundMethod(methodOfPayment.get(r.paymentId) ?? ''),
                  createdAt: r.createdAt.toISOString(),
                }))}
              />
            )}
            <OrderShipments detail={detail} locale={locale} trackingEvents={trackingEvents} />
          </div>
          <aside className="space-y-4">
            <CustomerCard detail={detail} />
            <ShippingCard detail={detail} />
            <OrderTimeline
              events={detail.events}
              locale={locale}
              footer={canWrite ? <AddNoteForm orderId={order.id} /> : null}
            />
          </aside>
        </div>
      </div>
    </ClientMessages>
  );
}
