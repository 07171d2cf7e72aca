import Link from 'next/link';

export interface SectionTab {
  key: string;
  href: string;
  label: string;
  /** shown after the label, e.g. a count */
  badge?: React.ReactNode;
}

/** The header of a section with tabs (inventory, shipping): title, actions, and the tabs with the current one marked. */
export function SectionHeader({
  title,
  tabsLabel,
  tabs,
  current,
  actions,
}: {
  title: string;
  tabsLabel: string;
  tabs: readonly SectionTab[];
  current: string | null;
  actions?: React.ReactNode;
}) {
  return (
    <header className="border-b border-slate-200 bg-white px-4 pt-3 sm:px-6 sm:pt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">{title}</h1>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <nav aria-label={tabsLabel} className="-mb-px mt-3 flex gap-4 overflow-x-auto">
        {tabs.map((tab) => {
          const isCurrent = tab.key === current;
          return (
            <Link
              key={tab.key}
              href={tab.href}
              aria-current={isCurrent ? 'page' : undefined}
              className={`flex shrink-0 items-center gap-1.5 whitespace-nowrap border-b-2 px-0.5 pb-2 text-sm ${isCurrent ? 'border-sky-600 font-medium text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'}`}
            >
              {tab.label}
              {tab.badge}
            </Link>
          );
        })}
      </nav>
    </header>
  );
}
