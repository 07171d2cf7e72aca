import { ChevronRight, type LucideIcon } from 'lucide-react';
import Link from 'next/link';

export interface KpiCardProps {
  label: string;
  value: string;
  hint: string;
  href: string;
  linkLabel: string;
  icon: LucideIcon;
  /** draws attention when a queue needs work */
  tone?: 'neutral' | 'attention';
  testId?: string;
}

/** One figure of the dashboard; the whole card links to the list behind the number. */
export function KpiCard({ label, value, hint, href, linkLabel, icon: Icon, tone = 'neutral', testId }: KpiCardProps) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className="group flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-xs transition-colors hover:border-slate-300 hover:shadow-sm"
    >
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-xs font-medium text-slate-500">{label}</span>
        <Icon aria-hidden className={tone === 'attention' ? 'size-4 shrink-0 text-amber-500' : 'size-4 shrink-0 text-slate-400'} />
      </div>
      <span className="mt-2 truncate text-2xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </span>
      <div className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-400">
        <span className="truncate">{hint}</span>
        <span className="flex shrink-0 items-center text-slate-400 group-hover:text-slate-700">
          {linkLabel}
          <ChevronRight aria-hidden className="size-3.5" />
        </span>
      </div>
    </Link>
  );
}
