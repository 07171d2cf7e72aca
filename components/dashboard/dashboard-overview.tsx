'use client';

import { useQuery } from '@tanstack/react-query';
import { Banknote, Boxes, Hourglass, ReceiptText, Truck } from 'lucide-react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { SalesChart } from '@/components/charts/sales-chart';
import type { DashboardSummary } from '@/domain/analytics/dashboard-summary';
import { formatMoney } from '@/domain/shared/money';
import { KpiCard } from './kpi-card';

/** How often the figures refresh while the dashboard is open. */
const REFRESH_INTERVAL_MS = 60_000;

async function fetchDashboardSummary(): Promise<DashboardSummary> {
  const response = await fetch('/api/internal/dashboard', { cache: 'no-store' });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body as DashboardSummary;
}

/**
 * The dashboard's figures and chart. The server render supplies the first summary; after that
 * the browser asks the route handler again every minute, so a screen left open stays current.
 */
export function DashboardOverview({ initialSummary }: { initialSummary: DashboardSummary }) {
  const t = useTranslations('dashboard');
  const format = useFormatter();
  const locale = useLocale();
  const { data: summary, error, isFetching } = useQuery({
    queryKey: ['dashboard-summary'],
    queryFn: fetchDashboardSummary,
    initialData: initialSummary,
    initialDataUpdatedAt: Date.parse(initialSummary.asOf),
    refetchInterval: REFRESH_INTERVAL_MS,
  });

  const time = format.dateTime(new Date(summary.asOf), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const count = (n: number) => format.number(n);
  const today = summary.today;
  const hasOrders = summary.series.some((d) => d.orderCount > 0);

  return (
    <div className="space-y-4 px-6 py-5">
      <div className="flex h-5 items-center justify-end gap-3 text-xs text-slate-500" aria-live="polite">
        {error ? (
          <span className="text-amber-700" data-testid="dashboard-refresh-error">
            {t('refreshFailed', { time })} ({error.message})
          </span>
        ) : (
          <span data-testid="dashboard-updated-at">{isFetching ? t('refreshing') : t('updatedAt', { time })}</span>
        )}
      </div>

      <section className="grid grid-cols-5 gap-3">
        <KpiCard
          testId="kpi-today-orders"
          icon={ReceiptText}
          label={t('kpi.todayOrders')}
          value={count(summary.todayOrderCount)}
          hint={t('kpi.todayOrdersHint')}
          href={`/orders?placedFrom=${today}&placedTo=${today}`}
          linkLabel={t('kpi.viewList')}
        />
        <KpiCard
          testId="kpi-today-sales"
          icon={Banknote}
          label={t('kpi.todaySales')}
          value={formatMoney(summary.todaySalesCents, summary.currency, locale)}
          hint={t('kpi.todaySalesHint')}
          href={`/orders?placedFrom=${today}&placedTo=${today}`}
          linkLabel={t('kpi.viewList')}
        />
        <KpiCard
          testId="kpi-awaiting-payment"
          icon={Hourglass}
          label={t('kpi.awaitingPayment')}
          value={count(summary.awaitingPaymentCount)}
          hint={t('kpi.awaitingPaymentHint')}
          href="/orders?status=pending_payment"
          linkLabel={t('kpi.viewList')}
          tone={summary.awaitingPaymentCount > 0 ? 'attention' : 'neutral'}
        />
        <KpiCard
          testId="kpi-awaiting-shipment"
          icon={Truck}
          label={t('kpi.awaitingShipment')}
          value={count(summary.awaitingShipmentCount)}
          hint={t('kpi.awaitingShipmentHint')}
          href="/orders?status=awaiting_shipment,partially_shipped"
          linkLabel={t('kpi.viewList')}
          tone={summary.awaitingShipmentCount > 0 ? 'attention' : 'neutral'}
        />
        <KpiCard
          testId="kpi-low-stock"
          icon={Boxes}
          label={t('kpi.lowStock')}
          value={count(summary.lowStockSkuCount)}
          hint={t('kpi.lowStockHint', { threshold: summary.lowStockDefaultThreshold })}
          href="/inventory?stock=low"
          linkLabel={t('kpi.viewList')}
          tone={summary.lowStockSkuCount > 0 ? 'attention' : 'neutral'}
        />
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
        <div className="mb-3 flex items-baseline justify-between gap-4">
          <h2 className="text-sm font-semibold text-slate-900">{t('chart.title')}</h2>
          <p className="text-xs text-slate-500">
            {hasOrders ? t('chart.description', { currency: summary.currency }) : t('chart.noOrders')}
          </p>
        </div>
        <SalesChart days={summary.series} currency={summary.currency} />
      </section>
    </div>
  );
}
