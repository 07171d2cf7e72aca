import { getLocale, getTranslations } from 'next-intl/server';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { PhoneBar, Sidebar, type SidebarProps } from '@/components/layout/sidebar';
import { getOpenLowStockAlertCount } from '@/lib/open-alert-count';
import { can } from '@/domain/staff/permissions';
import { requireStaff } from '@/lib/auth/current-staff';
import { isLocale, DEFAULT_LOCALE } from '@/lib/i18n/locales';
import { QueryProvider } from '@/lib/query-client/query-provider';

/** Every staff page: signed-in check, then the sidebar beside the page. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // pages check again (a pending password change or two-factor setup sends them to /account)
  const staff = await requireStaff({ allowPending: true });
  const [t, locale] = await Promise.all([getTranslations('staff'), getLocale()]);
  const visibleKeys = NAV_ITEMS.filter((item) => can(staff, item.permission)).map((item) => item.key);
  // one count over the partial index of open alerts, only for those who see Inventory
  const openAlerts = can(staff, 'inventory.read') ? await getOpenLowStockAlertCount() : 0;

  const sidebar: SidebarProps = {
    staffName: staff.name,
    roleLabel: t(`roles.${staff.role}`),
    locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
    visibleKeys,
    badges: { inventory: openAlerts },
  };

  return (
    <QueryProvider>
      <div className="flex min-h-screen">
        <Sidebar {...sidebar} />
        <div className="min-w-0 flex-1">
          <PhoneBar {...sidebar} />
          <main className="min-w-0">{children}</main>
        </div>
      </div>
    </QueryProvider>
  );
}
