import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DashboardOverview } from '@/components/dashboard/dashboard-overview';
import { DashboardRefreshStatus } from '@/components/dashboard/dashboard-refresh-status';
import { LowStockPanel } from '@/components/dashboard/low-stock-panel';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db/client';
import { getDashboardSummary } from '@/domain/analytics/dashboard-summary';
import { listLowStockAlerts } from '@/domain/inventory/list-low-stock-alerts';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { getOpenLowStockAlertCount } from '@/lib/open-alert-count';
import { ClientMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  const staff = await requirePermission('orders.read');
  const canSeeStock = can(staff, 'inventory.read');
  const [t, format, summary, lowStock, openAlertCount] = await Promise.all([
    getTranslations('dashboard'),
    getFormatter(),
    getDashboardSummary(getDb()),
    canSeeStock ? listLowStockAlerts(getDb(), { view: 'open', limit: 5 }) : Promise.resolve([]),
    canSeeStock ? getOpenLowStockAlertCount() : Promise.resolve(0),
  ]);
  // noon of the store's day, so the date reads the same in any time zone setting
  const today = format.dateTime(new Date(`${summary.today}T12:00:00+08:00`), { dateStyle: 'full' });

  return (
    // the overview and chart refresh on the client
    <ClientMessages namespaces={['dashboard']}>
      <>
        <PageHeader
          title={t('title')}
          description={t('subtitle', { date: today })}
          actions={<DashboardRefreshStatus initialSummary={summary} />}
        />
        <DashboardOverview initialSummary={summary} />
        {canSeeStock && (
          <div className="px-6 pb-5">
            <LowStockPanel alerts={lowStock} openCount={openAlertCount} />
          </div>
        )}
      </>
    </ClientMessages>
  );
}
