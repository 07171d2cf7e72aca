import { useTranslations } from 'next-intl';
import { SectionHeader } from '@/components/layout/section-header';

export type InventoryTab = 'stock' | 'alerts' | 'reorder' | 'receive' | 'warehouses';

/** The inventory section's header: title, section tabs, and a note when the role is read-only. */
export function InventoryHeader({
  current,
  canWrite,
  openAlertCount,
  title,
  actions,
}: {
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
    { key: 'warehouses', href: '/inventory/warehouses' },
  ];
  return (
    <SectionHeader
      title={title ?? t('title')}
      tabsLabel={t('tabs.label')}
      current={current}
      actions={actions}
      tabs={tabs.map((tab) => ({
        ...tab,
        label: t(`tabs.${tab.key}`),
        badge:
          tab.key === 'alerts' && openAlertCount > 0 ? (
            <span
              className="rounded-full bg-amber-100 px-1.5 text-[11px] font-semibold tabular-nums text-amber-800"
              data-testid="alerts-tab-count"
            >
              {openAlertCount}
            </span>
          ) : undefined,
      }))}
    />
  );
}

/** Shown on inventory pages to roles that may look but not change stock. */
export function ReadOnlyNote() {
  const t = useTranslations('inventory');
  return (
    <p
      className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600"
      data-testid="inventory-read-only"
    >
      {t('readOnly')}
    </p>
  );
}
