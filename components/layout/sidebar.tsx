import { LogOut, PackageCheck } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { signOutAction } from '@/lib/auth/sign-out-action';
import type { Locale } from '@/lib/i18n/locales';
import { LanguageSwitch } from './language-switch';
import type { NavKey } from './nav-items';
import { PhoneMenu } from './phone-menu';
import { SidebarNav } from './sidebar-nav';

export interface SidebarProps {
  staffName: string;
  roleLabel: string;
  locale: Locale;
  visibleKeys: readonly NavKey[];
  /** counts shown beside a section, e.g. open low-stock alerts on Inventory */
  badges?: Partial<Record<NavKey, number>>;
}

/**
 * The console's left column: app name, sections, and who is signed in. The dark column stretches
 * to the page's full height while its contents stay in view; below md it is hidden and the same
 * contents open from the menu button of the top bar (PhoneBar).
 */
export function Sidebar(props: SidebarProps) {
  return (
    <aside className="hidden w-56 shrink-0 bg-slate-900 text-slate-300 md:block" data-testid="sidebar">
      <div className="sticky top-0 flex h-dvh flex-col">
        <SidebarContent {...props} />
      </div>
    </aside>
  );
}

/** The narrow screen's top bar: the menu button (opens the sidebar's contents) and the app name. */
export function PhoneBar(props: SidebarProps) {
  const t = useTranslations();
  return (
    <div
      className="sticky top-0 z-40 flex h-12 items-center gap-2 bg-slate-900 px-2 text-white md:hidden"
      data-testid="phone-bar"
    >
      <PhoneMenu openLabel={t('nav.openMenu')} closeLabel={t('nav.closeMenu')}>
        <div className="flex h-full flex-col bg-slate-900 text-slate-300">
          <SidebarContent {...props} />
        </div>
      </PhoneMenu>
      <Link href="/" className="flex min-w-0 items-center gap-2">
        <PackageCheck aria-hidden className="size-5 shrink-0 text-sky-400" />
        <span className="truncate text-sm font-semibold tracking-tight">{t('common.appName')}</span>
      </Link>
    </div>
  );
}

function SidebarContent({ staffName, roleLabel, locale, visibleKeys, badges }: SidebarProps) {
  const t = useTranslations();
  return (
    <>
      <Link href="/" className="flex h-14 shrink-0 items-center gap-2 border-b border-slate-800 px-4 text-white">
        <PackageCheck aria-hidden className="size-5 text-sky-400" />
        <span className="truncate text-sm font-semibold tracking-tight">{t('common.appName')}</span>
      </Link>

      <SidebarNav visibleKeys={visibleKeys} badges={badges} />

      <div className="space-y-3 border-t border-slate-800 p-3">
        <Link
          href="/account"
          className="block min-w-0 rounded-md px-1 py-0.5 hover:bg-slate-800"
          title={t('nav.myAccount')}
          data-testid="my-account-link"
        >
          <p className="truncate text-sm font-medium text-white" data-testid="staff-name">
            {staffName}
          </p>
          <p className="mt-0.5 text-xs text-slate-400" data-testid="staff-role">
            {roleLabel}
          </p>
        </Link>
        <LanguageSwitch current={locale} />
        <form action={signOutAction}>
          <button
            type="submit"
            className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800 hover:text-white"
          >
            <LogOut aria-hidden className="size-4 text-slate-400" />
            {t('nav.signOut')}
          </button>
        </form>
      </div>
    </>
  );
}
