import { useFormatter, useTranslations } from 'next-intl';
import type { OrderEvent } from '@/db/schema';
import { Card } from './card';

/** The order's timeline, oldest first, read-only. */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const t = useTranslations('orders');
  const format = useFormatter();
  return (
    <Card title={t('detail.timeline')}>
      {events.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">{t('detail.noEvents')}</p>
      ) : (
        <ol className="relative space-y-3 px-4 py-3" data-testid="order-timeline">
          {events.map((event) => (
            <li key={event.id} className="relative border-l border-slate-200 pl-4">
              <span aria-hidden className="absolute -left-[4.5px] top-1.5 size-2 rounded-full bg-slate-400" />
              <div className="flex items-baseline justify-between gap-2">
                <span className="text-sm font-medium text-slate-900">
                  {event.kind === 'status_changed' && event.fromStatus && event.toStatus
                    ? t('detail.statusChange', { from: t(`status.${event.fromStatus}`), to: t(`status.${event.toStatus}`) })
                    : t(`eventKind.${event.kind}`)}
                </span>
                <time className="shrink-0 text-xs tabular-nums text-slate-500" dateTime={event.createdAt.toISOString()}>
                  {format.dateTime(event.createdAt, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}
                </time>
              </div>
              {event.message && <p className="text-sm text-slate-600">{event.message}</p>}
              <p className="text-xs text-slate-400">{event.actorName ?? t(`actorType.${event.actorType}`)}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
