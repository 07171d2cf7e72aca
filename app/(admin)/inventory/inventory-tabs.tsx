import Link from 'next/link';
import { useTranslations } from 'next-intl';

export type InventoryTab = 'stock' | 'alerts' | 'reorder' | 'receive';

/** The inventory section's header: title, section tabs, and a note when the role is read-only. */
export function InventoryHeader({ current, canWrite, openAlertCount, title, actions }: {
  current: InventoryTab | null;
  canWrite: boolean;
  openAlertCount: number;
  title?: string;
  actions?: React.ReactNode;
}) {
  const t = useTranslations('inventory');
  const tabs: { key: InventoryTab; href: string }[] = [
    { key: 'stock', href: '/inventory' },
    { key: 'alerts', href: '/inventory/alerts' },
    { key: 'reorder', href: '/inventory/reorder' },
    ...(canWrite ? [{ key: 'receive' as const, href: '/inventory/receive' }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white px-6 pt-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">{title ?? t('title')}</h1>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      <nav aria-label={t('tabs.label')} className="-mb-px mt-3 flex gap-4">
        {tabs.map((tab) => {
          const isCurrent = tab.key === current;
          return (
            <Link key={tab.key} href={tab.href} aria-current={isCurrent ? 'page' : undefined}
              className={`flex items-center gap-1.5 border-b-2 px-0.5 pb-2 text-sm ${isCurrent ? 'border-sky-600 font-medium text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'}`}>
              {t(`tabs.${tab.key}`)}
              {tab.key === 'alerts' && openAlertCount > 0 && (
                <span className="rounded-full bg-amber-100 px-1.5 text-[11px] font-semibold tabular-nums text-amber-800" data-testid="alerts-tab-count">{openAlertCount}</span>
              )}
            </Link>
          );
        })}
      </nav>
    </header>
  );
}

/** Shown on inventory pages to roles that may look but not change stock. */
export function ReadOnlyNote() {
  const t = useTranslations('inventory');
  return <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="inventory-read-only">{t('readOnly')}</p>;
}
