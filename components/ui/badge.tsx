import { useTranslations } from 'next-intl';
import type { FulfillmentState, PaymentState } from '@/domain/orders/summary-states';
import type {
  AfterSalesStatus,
  ImportStatus,
  OrderStatus,
  PaymentAttemptStatus,
  RefundStatus,
  ShipmentStatus,
} from '@/domain/shared/statuses';
import type { CatalogStatus } from '@/domain/catalog/catalog-status';
import { ENUM_MESSAGES } from '@/lib/i18n/enum-messages';

/**
 * Tones, not colours, are what a status means: warm = someone must act, blue/violet = moving along,
 * green = done, red = went wrong, grey = over without effect. Every status badge in the console
 * takes its colour from STATUS_TONES below, so "pending" looks the same on an order and a refund.
 */
export type Tone = 'neutral' | 'attention' | 'info' | 'progress' | 'transit' | 'success' | 'danger';

const TONE_BADGE: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-600 ring-slate-500/20',
  attention: 'bg-amber-50 text-amber-800 ring-amber-600/25',
  info: 'bg-sky-50 text-sky-800 ring-sky-600/25',
  progress: 'bg-violet-50 text-violet-800 ring-violet-600/25',
  transit: 'bg-blue-50 text-blue-800 ring-blue-600/25',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-600/25',
  danger: 'bg-rose-50 text-rose-800 ring-rose-600/25',
};

const TONE_DOT: Record<Tone, string> = {
  neutral: 'bg-slate-400',
  attention: 'bg-amber-500',
  info: 'bg-sky-500',
  progress: 'bg-violet-500',
  transit: 'bg-blue-500',
  success: 'bg-emerald-500',
  danger: 'bg-rose-500',
};

const TONE_TEXT: Record<Tone, string> = {
  neutral: 'text-slate-500',
  attention: 'text-amber-700',
  info: 'text-sky-700',
  progress: 'text-violet-700',
  transit: 'text-blue-700',
  success: 'text-emerald-700',
  danger: 'text-rose-700',
};

/** THE status colour map: every status of every aggregate, and the derived order summary states. */
export const STATUS_TONES = {
  order: {
    pending_payment: 'attention',
    paid: 'info',
    awaiting_shipment: 'progress',
    partially_shipped: 'progress',
    shipped: 'transit',
    completed: 'success',
    cancelled: 'neutral',
  } satisfies Record<OrderStatus, Tone>,
  payment: { pending: 'attention', succeeded: 'success', failed: 'danger', closed: 'neutral' } satisfies Record<
    PaymentAttemptStatus,
    Tone
  >,
  refund: { pending: 'attention', succeeded: 'success', failed: 'danger' } satisfies Record<RefundStatus, Tone>,
  shipment: {
    pending: 'attention',
    shipped: 'info',
    picked_up: 'transit',
    in_transit: 'transit',
    out_for_delivery: 'transit',
    delivered: 'success',
    exception: 'danger',
    returning: 'attention',
    returned: 'neutral',
  } satisfies Record<ShipmentStatus, Tone>,
  afterSales: {
    requested: 'attention',
    approved: 'info',
    rejected: 'neutral',
    awaiting_return: 'progress',
    return_in_transit: 'transit',
    received: 'progress',
    inspected: 'progress',
    refunding: 'transit',
    replacement_shipped: 'transit',
    completed: 'success',
    cancelled: 'neutral',
    closed: 'neutral',
  } satisfies Record<AfterSalesStatus, Tone>,
  paymentState: {
    unpaid: 'attention',
    cod_due: 'progress',
    paid: 'success',
    partially_refunded: 'attention',
    refunded: 'neutral',
  } satisfies Record<PaymentState, Tone>,
  import: {
    uploaded: 'neutral',
    checking: 'progress',
    checked: 'info',
    running: 'transit',
    completed: 'success',
    failed: 'danger',
    cancelled: 'neutral',
  } satisfies Record<ImportStatus, Tone>,
  fulfillmentState: {
    unfulfilled: 'neutral',
    partial: 'progress',
    fulfilled: 'transit',
    delivered: 'success',
  } satisfies Record<FulfillmentState, Tone>,
  catalog: { on_sale: 'success', off_sale: 'neutral', archived: 'neutral' } satisfies Record<CatalogStatus, Tone>,
} as const;

export type StatusKind = keyof typeof STATUS_TONES;
export type StatusOf<K extends StatusKind> = keyof (typeof STATUS_TONES)[K] & string;

/** Where each kind's names live in the messages (both languages). */
const MESSAGE_NAMESPACES = {
  order: ENUM_MESSAGES.order_status,
  payment: ENUM_MESSAGES.payment_status,
  refund: ENUM_MESSAGES.refund_status,
  shipment: ENUM_MESSAGES.shipment_status,
  afterSales: ENUM_MESSAGES.after_sales_status,
  import: ENUM_MESSAGES.import_status,
  paymentState: 'orders.paymentState',
  fulfillmentState: 'orders.fulfillmentState',
  catalog: 'catalog.status',
} as const satisfies Record<StatusKind, string>;

export function toneOf<K extends StatusKind>(kind: K, status: StatusOf<K>): Tone {
  return (STATUS_TONES[kind] as Record<string, Tone>)[status] ?? 'neutral';
}

// .badge, .badge-dot and .status-text are in app/globals.css: one short class per pill instead of ten
const BASE = 'badge';

/** A plain pill in a tone, for anything that is not a status (a tag, "archived", "sandbox"). */
export function Badge({
  tone = 'neutral',
  children,
  className = '',
  ...rest
}: {
  tone?: Tone;
  children: React.ReactNode;
  className?: string;
} & Omit<React.ComponentProps<'span'>, 'children'>) {
  return (
    <span className={className ? `${BASE} ${TONE_BADGE[tone]} ${className}` : `${BASE} ${TONE_BADGE[tone]}`} {...rest}>
      {children}
    </span>
  );
}

/** A status as a coloured pill with a dot, its name from the messages. */
export function StatusBadge<K extends StatusKind>({
  kind,
  status,
  testId,
}: {
  kind: K;
  status: StatusOf<K>;
  testId?: string;
}) {
  const t = useTranslations();
  const tone = toneOf(kind, status);
  return (
    <span className={`${BASE} ${TONE_BADGE[tone]}`} data-status={status} data-testid={testId}>
      <span aria-hidden className={`badge-dot ${TONE_DOT[tone]}`} />
      {t(`${MESSAGE_NAMESPACES[kind]}.${status}` as 'orders.status.paid')}
    </span>
  );
}

/** A status as quiet coloured text, for a second status beside a badge (the badge is the loud one). */
export function StatusText<K extends StatusKind>({
  kind,
  status,
  ...rest
}: { kind: K; status: StatusOf<K> } & Record<`data-${string}`, string>) {
  const t = useTranslations();
  return (
    <span className={`status-text ${TONE_TEXT[toneOf(kind, status)]}`} {...rest}>
      {t(`${MESSAGE_NAMESPACES[kind]}.${status}` as 'orders.status.paid')}
    </span>
  );
}
