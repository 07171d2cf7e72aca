'use client';

import { Banknote, Boxes, Hourglass, ReceiptText, Truck } from 'lucide-react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { SalesChart } from '@/components/charts/sales-chart';
import type { DashboardSummary } from '@/domain/analytics/dashboard-summary';
import { formatMoney } from '@/domain/shared/money';
import { KpiCard } from './kpi-card';
import { useDashboardSummary } from './use-dashboard-summary';

/** The dashboard's figures and chart, kept current by useDashboardSummary. */
export function DashboardOverview({ initialSummary }: { initialSummary: DashboardSummary }) {
  const t = useTranslations('dashboard');
  const format = useFormatter();
  const locale = useLocale();
  const { data: summary } = useDashboardSummary(initialSummary);
  const count = (n: number) => format.number(n);
  const today = summary.today;
  const hasOrders = summary.series.some((d) => d.orderCount > 0);

  return (
    <div className="space-y-4 px-6 py-5">
      <section className="grid grid-cols-5 gap-3">
        <KpiCard
          testId="kpi-today-orders"
          icon={ReceiptText}
          label={t('kpi.todayOrders')}
          value={count(summary.todayOrderCount)}
          hint={t('kpi.todayOrdersHint')}
          href={`/orders?from=${today}&to=${today}`}
        />
        <KpiCard
          testId="kpi-today-sales"
          icon={Banknote}
          label={t('kpi.todaySales')}
          value={formatMoney(summary.todaySalesCents, summary.currency, locale)}
          hint={t('kpi.todaySalesHint')}
          href={`/orders?from=${today}&to=${today}`}
        />
        <KpiCard
          testId="kpi-awaiting-payment"
          icon={Hourglass}
          label={t('kpi.awaitingPayment')}
          value={count(summary.awaitingPaymentCount)}
          hint={t('kpi.awaitingPaymentHint')}
          href="/orders?status=pending_payment"
          tone={summary.awaitingPaymentCount > 0 ? 'attention' : 'neutral'}
        />
        <KpiCard
          testId="kpi-awaiting-shipment"
          icon={Truck}
          label={t('kpi.awaitingShipment')}
          value={count(summary.awaitingShipmentCount)}
          hint={t('kpi.awaitingShipmentHint')}
          href="/orders?status=awaiting_shipment&status=partially_shipped"
          tone={summary.awaitingShipmentCount > 0 ? 'attention' : 'neutral'}
        />
        <KpiCard
          testId="kpi-low-stock"
          icon={Boxes}
          label={t('kpi.lowStock')}
          value={count(summary.lowStockSkuCount)}
          hint={t('kpi.lowStockHint', { threshold: summary.lowStockDefaultThreshold })}
          href="/inventory?stock=low"
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
