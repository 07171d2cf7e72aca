import { Info } from 'lucide-react';
import Link from 'next/link';

/**
 * One figure of the Overview: its value, the change against the previous period, a "how this is computed" popover
 * (the browser's own popover: no script needed) and a link to the orders behind it.
 */
export function FigureCard({
  id,
  label,
  value,
  change,
  previous,
  definition,
  definitionLabel,
  href,
  hrefLabel,
  tone,
}: {
  id: string;
  label: string;
  value: string;
  change: string;
  previous: string;
  definition: string;
  definitionLabel: string;
  href: string;
  hrefLabel: string;
  tone: 'up' | 'down' | 'flat';
}) {
  const popoverId = `figure-definition-${id}`;
  const toneClass = tone === 'up' ? 'text-emerald-700' : tone === 'down' ? 'text-rose-700' : 'text-slate-500';
  return (
    <div
      className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white px-4 py-3.5 shadow-xs"
      data-testid={`figure-${id}`}
    >
      <div className="flex items-center gap-1.5">
        <span className="min-w-0 flex-1 truncate text-xs font-medium text-slate-600">{label}</span>
        <button
          type="button"
          popoverTarget={popoverId}
          aria-label={definitionLabel}
          title={definitionLabel}
          className="rounded p-0.5 text-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-500"
          data-testid={`figure-${id}-how`}
        >
          <Info aria-hidden className="size-3.5" />
        </button>
        <div
          id={popoverId}
          popover="auto"
          role="note"
          className="m-auto max-w-sm rounded-lg border border-slate-200 bg-white p-4 text-sm leading-relaxed text-slate-700 shadow-lg backdrop:bg-slate-900/10"
          data-testid={`figure-${id}-definition`}
        >
          <p className="mb-1 font-semibold text-slate-900">{label}</p>
          <p>{definition}</p>
        </div>
      </div>
      <Link
        href={href}
        prefetch={false}
        title={hrefLabel}
        className="mt-2 truncate text-xl font-semibold tracking-tight text-slate-900 tabular-nums hover:underline"
        data-testid={`figure-${id}-value`}
      >
        {value}
      </Link>
      <span className={`mt-1 text-xs tabular-nums ${toneClass}`} data-testid={`figure-${id}-change`}>
        {change}
      </span>
      <span className="text-xs text-slate-500 tabular-nums">{previous}</span>
    </div>
  );
}
