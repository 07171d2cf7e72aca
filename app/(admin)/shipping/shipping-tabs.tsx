import { useTranslations } from 'next-intl';
import { SectionHeader } from '@/components/layout/section-header';

export type ShippingTab = 'queue' | 'shipments' | 'exceptions' | 'bulkShip' | 'sandbox';

const TABS: { key: ShippingTab; href: string }[] = [
  { key: 'queue', href: '/shipping' },
  { key: 'shipments', href: '/shipping/shipments' },
  { key: 'exceptions', href: '/shipping/exceptions' },
  { key: 'bulkShip', href: '/shipping/bulk-ship' },
  { key: 'sandbox', href: '/sandbox/kuaidi100' },
];

/** The shipping section's header: title and section tabs. */
export function ShippingHeader({
  current,
  title,
  actions,
}: {
  current: ShippingTab | null;
  title?: string;
  actions?: React.ReactNode;
}) {
  const t = useTranslations('shipping');
  return (
    <SectionHeader
      title={title ?? t('title')}
      tabsLabel={t('tabs.label')}
      current={current}
      actions={actions}
      tabs={TABS.map((tab) => ({ ...tab, label: t(`tabs.${tab.key}`) }))}
    />
  );
}
