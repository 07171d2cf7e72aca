export interface TimelineItem {
  key: string | number;
  title: React.ReactNode;
  /** the second, quieter line: time, place, who */
  meta?: React.ReactNode;
  body?: React.ReactNode;
  /** extra attributes for tests, e.g. { 'data-state': '3' } */
  attributes?: Record<`data-${string}`, string>;
}

/** Events on a vertical line, the first one marked (newest first or oldest first is the caller's choice). */
export function Timeline({
  items,
  empty,
  testId,
  highlightFirst = true,
}: {
  items: readonly TimelineItem[];
  empty?: React.ReactNode;
  testId?: string;
  highlightFirst?: boolean;
}) {
  if (items.length === 0)
    return empty ? (
      <p className="text-xs text-slate-500" data-testid={testId ? `${testId}-empty` : undefined}>
        {empty}
      </p>
    ) : null;
  return (
    <ol className="relative space-y-2 border-l border-slate-200 pl-4" data-testid={testId}>
      {items.map((item, index) => {
        const isMarked = highlightFirst && index === 0;
        return (
          <li key={item.key} className="relative text-xs" {...item.attributes}>
            <span
              aria-hidden
              className={`absolute -left-[21px] top-1 size-2.5 rounded-full ${isMarked ? 'bg-sky-600' : 'bg-slate-300'}`}
            />
            <p className={isMarked ? 'font-medium text-slate-900' : 'text-slate-600'}>{item.title}</p>
            {item.meta && <p className="text-slate-400">{item.meta}</p>}
            {item.body && <div className="mt-0.5 text-slate-600">{item.body}</div>}
          </li>
        );
      })}
    </ol>
  );
}
