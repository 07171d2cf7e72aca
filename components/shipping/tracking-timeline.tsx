import { useFormatter, useTranslations } from 'next-intl';

export interface TimelineEvent {
  id: number;
  occurredAt: Date;
  stateCode: number | null;
  description: string;
  location: string | null;
}

const DATE_TIME = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/** A parcel's tracking events, newest first, as the carrier reported them. */
export function TrackingTimeline({
  events,
  testId = 'tracking-timeline',
}: {
  events: readonly TimelineEvent[];
  testId?: string;
}) {
  const t = useTranslations('shipping');
  const format = useFormatter();
  if (events.length === 0)
    return (
      <p className="text-xs text-slate-500" data-testid={`${testId}-empty`}>
        {t('timeline.empty')}
      </p>
    );
  return (
    <ol className="relative space-y-2 border-l border-slate-200 pl-4" data-testid={testId}>
      {events.map((event, index) => (
        <li key={event.id} className="relative text-xs" data-state={event.stateCode ?? ''}>
          <span
            aria-hidden
            className={`absolute -left-[21px] top-1 size-2.5 rounded-full ${index === 0 ? 'bg-sky-600' : 'bg-slate-300'}`}
          />
          <p className={index === 0 ? 'font-medium text-slate-900' : 'text-slate-600'}>{event.description}</p>
          <p className="text-slate-400">
            {format.dateTime(event.occurredAt, DATE_TIME)}
            {event.location ? ` · ${event.location}` : ''}
            {event.stateCode !== null &&
              ` · ${t.has(`timeline.state.${event.stateCode}`) ? t(`timeline.state.${event.stateCode}` as 'timeline.state.0') : event.stateCode}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
