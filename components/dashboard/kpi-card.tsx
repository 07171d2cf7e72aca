import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';

export interface KpiCardProps {
  label: string;
  value: string;
  hint: string;
  href: string;
  icon: LucideIcon;
  /** draws attention when a queue needs work */
  tone?: 'neutral' | 'attention';
  testId?: string;
}

/** One figure of the dashboard; the whole card links to the list behind the number. */
export function KpiCard({ label, value, hint, href, icon: Icon, tone = 'neutral', testId }: KpiCardProps) {
  return (
    <Link
      href={href}
      prefetch={false}
      data-testid={testId}
      className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white px-4 py-3.5 shadow-xs transition hover:border-slate-400 hover:shadow-sm"
    >
      <div className="flex items-center gap-2">
        <Icon
          aria-hidden
          className={tone === 'attention' ? 'size-4 shrink-0 text-amber-500' : 'size-4 shrink-0 text-slate-400'}
        />
        <span className="min-w-0 flex-1 truncate text-xs font-medium text-slate-600">{label}</span>
      </div>
      <span
        className="mt-2 truncate text-xl font-semibold tracking-tight text-slate-900 tabular-nums"
        title={value}
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </span>
      <span className="mt-1 line-clamp-2 text-xs leading-snug text-slate-500">{hint}</span>
    </Link>
  );
}
