import { useFormatter, useTranslations } from 'next-intl';
import { shipmentStatus, type OrderEvent } from '@/db/schema';
import { formatMoney } from '@/domain/shared/money';
import { Card } from './card';

const HOLD_REASONS = [
  'disabled',
  'over_limit',
  'cash_on_delivery',
  'flagged_customer',
  'buyer_note',
  'incomplete_address',
] as const;
const PAYMENT_METHODS = ['alipay', 'wechat_pay', 'unionpay', 'bank_transfer', 'cash_on_delivery'] as const;
const isShipmentStatus = (value: unknown): value is ShipmentStatus =>
  (shipmentStatus.enumValues as readonly unknown[]).includes(value);
type ShipmentStatus = (typeof shipmentStatus.enumValues)[number];

/** The order's timeline, oldest first: every event with who did it and when; notes can be added below. */
export function OrderTimeline({
  events,
  locale,
  footer,
}: {
  events: OrderEvent[];
  locale: string;
  footer?: React.ReactNode;
}) {
  const t = useTranslations('orders');
  const format = useFormatter();

  const title = (event: OrderEvent): string => {
    if (event.kind === 'status_changed' && event.fromStatus && event.toStatus) {
      return t('detail.statusChange', { from: t(`status.${event.fromStatus}`), to: t(`status.${event.toStatus}`) });
    }
    if (event.kind === 'note' && Array.isArray(event.details?.reviewHold)) return t('automation.needsReviewQueue');
    return t(`eventKind.${event.kind}`);
  };
  const body = (event: OrderEvent): string | null => {
    const details = event.details ?? {};
    if (event.kind === 'note' && Array.isArray(details.reviewHold)) {
      const reasons = (details.reviewHold as string[]).filter((r): r is (typeof HOLD_REASONS)[number] =>
        (HOLD_REASONS as readonly string[]).includes(r),
      );
      return t('actions.timeline.reviewHold', {
        reasons: reasons.map((r) => t(`automation.holdReason.${r}`)).join(locale.startsWith('zh') ? '、' : ', '),
      });
    }
    if (
      event.kind === 'payment' &&
      typeof details.amountCents === 'number' &&
      (PAYMENT_METHODS as readonly unknown[]).includes(details.method)
    ) {
      const line = t('actions.timeline.payment', {
        method: t(`paymentMethod.${details.method as (typeof PAYMENT_METHODS)[number]}`),
        amount: formatMoney(
          details.amountCents,
          typeof details.currency === 'string' ? details.currency : 'CNY',
          locale,
        ),
      });
      return event.message ? `${line} · ${event.message}` : line;
    }
    // tracking moves are stored as "<number>: <status>"; the statuses are shown by name, not code
    if (event.kind === 'tracking' && isShipmentStatus(details.to) && event.message) {
      const number = event.message.slice(0, Math.max(0, event.message.lastIndexOf(': '))) || event.message;
      return t('actions.timeline.tracking', {
        number,
        to: t(`shipmentStatus.${details.to}`),
        from: isShipmentStatus(details.from) ? t(`shipmentStatus.${details.from}`) : '—',
      });
    }
    if (event.kind === 'tagged' && Array.isArray(details.after)) {
      return details.after.length === 0
        ? t('actions.timeline.tagsCleared')
        : t('actions.timeline.tags', { tags: (details.after as string[]).join(', ') });
    }
    return event.message;
  };

  return (
    <Card title={t('detail.timeline')}>
      {events.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">{t('detail.noEvents')}</p>
      ) : (
        <ol className="relative space-y-3 px-4 py-3" data-testid="order-timeline">
          {events.map((event) => {
            const text = body(event);
            return (
              <li key={event.id} className="relative border-l border-slate-200 pl-4" data-event-kind={event.kind}>
                <span
                  aria-hidden
                  className={`absolute -left-[4.5px] top-1.5 size-2 rounded-full ${event.kind === 'note' ? 'bg-amber-400' : 'bg-slate-400'}`}
                />
                <div className="flex items-baseline justify-between gap-2">
                  <span className="text-sm font-medium text-slate-900">{title(event)}</span>
                  <time
                    className="shrink-0 text-xs tabular-nums text-slate-500"
                    dateTime={event.createdAt.toISOString()}
                  >
                    {format.dateTime(event.createdAt, {
                      year: 'numeric',
                      month: '2-digit',
                      day: '2-digit',
                      hour: '2-digit',
                      minute: '2-digit',
                    })}
                  </time>
                </div>
                {text && (
                  <p
                    className={`whitespace-pre-line text-sm ${event.kind === 'note' ? 'rounded bg-amber-50 px-2 py-1 text-amber-900' : 'text-slate-600'}`}
                  >
                    {text}
                  </p>
                )}
                <p className="text-xs text-slate-400">
                  {event.actorName && event.actorType !== 'system'
                    ? event.actorName
                    : t(`actorType.${event.actorType}`)}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {footer}
    </Card>
  );
}
