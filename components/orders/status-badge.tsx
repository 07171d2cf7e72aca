import { useTranslations } from 'next-intl';
import type { OrderStatus } from '@/domain/orders/order-status';
import type { FulfillmentState, PaymentState } from '@/domain/orders/summary-states';

const BASE = 'inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

/** One colour per status, so a column of badges reads at a glance: warm = needs action, green = done. */
const STATUS_STYLES: Record<OrderStatus, string> = {
  pending_payment: 'bg-amber-50 text-amber-800 ring-amber-600/25',
  paid: 'bg-sky-50 text-sky-800 ring-sky-600/25',
  awaiting_shipment: 'bg-violet-50 text-violet-800 ring-violet-600/25',
  partially_shipped: 'bg-indigo-50 text-indigo-800 ring-indigo-600/25',
  shipped: 'bg-blue-50 text-blue-800 ring-blue-600/25',
  completed: 'bg-emerald-50 text-emerald-800 ring-emerald-600/25',
  cancelled: 'bg-slate-100 text-slate-600 ring-slate-500/20',
};

const DOT_STYLES: Record<OrderStatus, string> = {
  pending_payment: 'bg-amber-500',
  paid: 'bg-sky-500',
  awaiting_shipment: 'bg-violet-500',
  partially_shipped: 'bg-indigo-500',
  shipped: 'bg-blue-500',
  completed: 'bg-emerald-500',
  cancelled: 'bg-slate-400',
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations('orders.status');
  return (
    <span className={`${BASE} ${STATUS_STYLES[status]}`} data-status={status}>
      <span aria-hidden className={`size-1.5 rounded-full ${DOT_STYLES[status]}`} />
      {t(status)}
    </span>
  );
}

const PAYMENT_STYLES: Record<PaymentState, string> = {
  unpaid: 'text-amber-700',
  cod_due: 'text-violet-700',
  paid: 'text-emerald-700',
  partially_refunded: 'text-orange-700',
  refunded: 'text-rose-700',
};

const FULFILLMENT_STYLES: Record<FulfillmentState, string> = {
  unfulfilled: 'text-slate-500',
  partial: 'text-indigo-700',
  fulfilled: 'text-blue-700',
  delivered: 'text-emerald-700',
};

/** The derived payment state as quiet coloured text (the status badge is the loud one). */
export function PaymentStateLabel({ state }: { state: PaymentState }) {
  const t = useTranslations('orders.paymentState');
  return <span className={`whitespace-nowrap text-xs font-medium ${PAYMENT_STYLES[state]}`} data-payment-state={state}>{t(state)}</span>;
}

export function FulfillmentStateLabel({ state }: { state: FulfillmentState }) {
  const t = useTranslations('orders.fulfillmentState');
  return <span className={`whitespace-nowrap text-xs font-medium ${FULFILLMENT_STYLES[state]}`} data-fulfillment-state={state}>{t(state)}</span>;
}
