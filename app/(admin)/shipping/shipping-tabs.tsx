import Link from 'next/link';
import { useTranslations } from 'next-intl';

export type ShippingTab = 'queue' | 'shipments' | 'exceptions' | 'bulkShip' | 'sandbox';

const TABS: { key: ShippingTab; href: string }[] = [
  { key: 'queue', href: '/shipping' },
  { key: 'shipments', href: '/shipping/shipments' },
  { key: 'exceptions', href: '/shipping/exceptions' },
  { key: 'bulkShip', href: '/shipping/bulk-ship' },
  { key: 'sandbox', href: '/sandbox/kuaidi100' },
];

/** The shipping section's header: title and section tabs. */
export function ShippingHeader({ current, title, actions }: { current: ShippingTab | null; title?: string; actions?: React.ReactNode }) {
  const t = useTranslations('shipping');
  return (
    <header className="border-b border-slate-200 bg-white px-6 pt-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">{title ?? t('title')}</h1>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      <nav aria-label={t('tabs.label')} className="-mb-px mt-3 flex gap-4">
        {TABS.map((tab) => (
          <Link key={tab.key} href={tab.href} aria-current={tab.key === current ? 'page' : undefined}
            className={`border-b-2 px-0.5 pb-2 text-sm ${tab.key === current ? 'border-sky-600 font-medium text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'}`}>
            {t(`tabs.${tab.key}`)}
          </Link>
        ))}
      </nav>
    </header>
  );
}

export const SHIPMENT_TONE: Record<string, string> = {
  delivered: 'bg-emerald-50 text-emerald-700', exception: 'bg-rose-50 text-rose-700', returning: 'bg-rose-50 text-rose-700',
  returned: 'bg-rose-50 text-rose-700',
};
