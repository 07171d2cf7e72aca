import {
  ChevronRight,
  KeyRound,
  ListChecks,
  ScrollText,
  Store,
  Timer,
  Truck,
  Users,
  Wallet,
  type LucideIcon,
} from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { can, type Permission } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';

type SectionKey = 'staff' | 'store' | 'orderRules' | 'paymentProviders' | 'carriers' | 'apiKeys' | 'audit' | 'jobs';

interface SettingsSection {
  key: SectionKey;
  icon: LucideIcon;
  /** where the section lives once it exists; null while it is not built */
  href: string | null;
  /** who may open it */
  permission: Permission;
}

const SECTIONS: readonly SettingsSection[] = [
  { key: 'staff', icon: Users, href: '/settings/staff', permission: 'staff.manage' },
  { key: 'store', icon: Store, href: null, permission: 'settings.write' },
  { key: 'orderRules', icon: ListChecks, href: '/settings/order-rules', permission: 'settings.read' },
  { key: 'paymentProviders', icon: Wallet, href: '/settings/payment-methods', permission: 'settings.write' },
  { key: 'carriers', icon: Truck, href: '/settings/logistics', permission: 'settings.read' },
  { key: 'apiKeys', icon: KeyRound, href: '/settings/api-keys', permission: 'api_keys.manage' },
  { key: 'audit', icon: ScrollText, href: '/settings/audit-log', permission: 'audit.read' },
  { key: 'jobs', icon: Timer, href: '/settings/order-rules#jobs', permission: 'settings.read' },
];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('settings') };
}

export default async function SettingsPage() {
  const staff = await requirePermission('settings.read');
  const t = await getTranslations('nav');

  return (
    <>
      <PageHeader title={t('settings')} description={t('settingsPage.description')} />
      <div className="px-4 py-4 sm:px-6 sm:py-5">
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
          {SECTIONS.map(({ key, icon: Icon, href, permission }) => {
            const title = t(`settingsPage.sections.${key}.title`);
            const body = t(`settingsPage.sections.${key}.body`);
            const isAllowed = can(staff, permission);
            const content = (
              <>
                <Icon
                  aria-hidden
                  className={href ? 'size-5 shrink-0 text-slate-500' : 'size-5 shrink-0 text-slate-300'}
                />
                <div className="min-w-0 flex-1">
                  <p className={href ? 'text-sm font-medium text-slate-900' : 'text-sm font-medium text-slate-500'}>
                    {title}
                  </p>
                  <p className="mt-0.5 truncate text-xs text-slate-500">{body}</p>
                </div>
              </>
            );
            if (href && isAllowed) {
              return (
                <li key={key}>
                  <Link
                    href={href}
                    className="group flex items-center gap-3 px-4 py-3 hover:bg-slate-50"
                    data-testid={`settings-${key}`}
                  >
                    {content}
                    <span className="flex items-center text-xs font-medium text-slate-500 group-hover:text-slate-900">
                      {t('settingsPage.open')}
                      <ChevronRight aria-hidden className="size-4" />
                    </span>
                  </Link>
                </li>
              );
            }
            return (
              <li key={key} className="flex items-center gap-3 px-4 py-3" data-testid={`settings-${key}`}>
                {content}
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-500">
                  {href ? t('settingsPage.adminOnly') : t('settingsPage.notAvailable')}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
