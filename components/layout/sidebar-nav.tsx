'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { isNavItemActive, NAV_ITEMS, type NavKey } from './nav-items';

/** The section links; the server decides which the signed-in role may see. */
export function SidebarNav({
  visibleKeys,
  badges = {},
}: {
  visibleKeys: readonly NavKey[];
  badges?: Partial<Record<NavKey, number>>;
}) {
  const t = useTranslations('nav');
  const tInventory = useTranslations('inventory.alerts');
  const pathname = usePathname();
  const items = NAV_ITEMS.filter((item) => visibleKeys.includes(item.key));

  return (
    <nav aria-label={t('mainNavigation')} className="flex-1 overflow-y-auto px-2 py-3">
      <ul className="space-y-0.5">
        {items.map(({ key, href, icon: Icon }) => {
          const isActive = isNavItemActive(href, pathname);
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={isActive ? 'page' : undefined}
                className={
                  isActive
                    ? 'flex items-center gap-2.5 rounded-md bg-slate-800 px-2.5 py-1.5 text-sm font-medium text-white'
                    : 'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-slate-300 hover:bg-slate-800/60 hover:text-white'
                }
              >
                <Icon aria-hidden className={isActive ? 'size-4 text-sky-400' : 'size-4 text-slate-400'} />
                {t(key)}
                {key === 'inventory' && (badges.inventory ?? 0) > 0 && (
                  <span
                    className="ml-auto rounded-full bg-amber-500 px-1.5 text-[11px] font-semibold leading-4 tabular-nums text-slate-950"
                    data-testid="nav-badge-inventory"
                    data-count={badges.inventory}
                    title={tInventory('badge', { count: badges.inventory ?? 0 })}
                  >
                    {badges.inventory}
                    <span className="sr-only"> {tInventory('badge', { count: badges.inventory ?? 0 })}</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
