import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AnalyticsSalesChart } from '@/components/charts/analytics-sales-chart';
import { RowsTable, type TableRow } from '@/components/data-table/rows-table';
import { SectionCard } from '@/components/ui/section-card';
import type { Database } from '@/db/client';
import { addDays, type DayRange, type Granularity } from '@/domain/analytics/report-range';
import {
  getSalesBreakdown,
  getSalesSeries,
  type SalesDimension,
  type SalesTotals,
} from '@/domain/analytics/sales-report';
import { formatMoney } from '@/domain/shared/money';
import { ordersHref } from './analytics-links';

/** The Sales tab: net sales and orders over time (chart + table), then by channel, province and payment method. */
export async function SalesSection({
  db,
  range,
  granularity,
  locale,
  currency,
}: {
  db: Database;
  range: DayRange;
  granularity: Granularity;
  locale: string;
  currency: string;
}) {
  const [t, tOrders, series, byChannel, byProvince, byMethod] = await Promise.all([
    getTranslations('analytics'),
    getTranslations('orders'),
    getSalesSeries(db, range, granularity),
    getSalesBreakdown(db, range, 'channel'),
    getSalesBreakdown(db, range, 'province'),
    getSalesBreakdown(db, range, 'payment_method'),
  ]);
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const count = new Intl.NumberFormat(locale);
  // a bucket's days inside the range: weeks and months may start before it or end after it
  const bucketRange = (index: number): DayRange => ({
    from: series[index].start < range.from ? range.from : series[index].start,
    to: index + 1 < series.length ? addDays(series[index + 1].start, -1) : range.to,
  });
  const moneyColumns = [
    { id: 'orders', header: t('sales.columns.orders'), align: 'right' as const, className: 'tabular-nums' },
    { id: 'gross', header: t('sales.columns.gross'), align: 'right' as const, className: 'tabular-nums' },
    { id: 'discounts', header: t('sales.columns.discounts'), align: 'right' as const, className: 'tabular-nums' },
    { id: 'refunds', header: t('sales.columns.refunds'), align: 'right' as const, className: 'tabular-nums' },
    { id: 'net', header: t('sales.columns.net'), align: 'right' as const, className: 'tabular-nums' },
  ];
  const moneyCells = (totals: SalesTotals) => ({
    orders: count.format(totals.orders),
    gross: money(totals.grossCents),
    discounts: money(totals.discountCents),
    refunds: money(totals.refundCents),
    net: money(totals.netCents),
  });
  const keyLabel = (dimension: SalesDimension, key: string) => {
    if (dimension === 'channel') return tOrders(`source.${key}` as 'source.manual');
    if (dimension === 'payment_method')
      return key === 'none' ? t('sales.noPayment') : tOrders(`paymentMethod.${key}` as 'paymentMethod.alipay');
    return key;
  };
  const breakdown = (dimension: SalesDimension, title: string, rows: Awaited<ReturnType<typeof getSalesBreakdown>>) => (
    <SectionCard title={title} flush testId={`analytics-by-${dimension}`}>
      <RowsTable
        id={`analytics-by-${dimension}-table`}
        isPlain
        emptyTitle={t('sales.empty')}
        columns={[{ id: 'key', header: t('sales.columns.key'), sticky: true }, ...moneyColumns]}
        rows={rows.map((row): TableRow => ({
          id: row.key,
          attributes: { 'data-key': row.key },
          cells: {
            key: (
              <Link
                href={ordersHref(range, dimension === 'channel' ? { source: row.key } : {})}
                prefetch={false}
                className="text-indigo-700 hover:underline"
              >
                {keyLabel(dimension, row.key)}
              </Link>
            ),
            ...moneyCells(row),
          },
        }))}
      />
    </SectionCard>
  );

  return (
    <div className="space-y-4" data-testid="analytics-sales">
      <SectionCard title={t('sales.overTime')}>
        <AnalyticsSalesChart
          currency={currency}
          labels={{ chart: t('sales.chartLabel'), net: t('sales.columns.net'), orders: t('sales.columns.orders') }}
          points={series.map((bucket, index) => ({
            start: bucket.start,
            netCents: bucket.netCents,
            orders: bucket.orders,
            href: ordersHref(bucketRange(index)),
          }))}
        />
      </SectionCard>
      <SectionCard flush testId="analytics-series">
        <RowsTable
          id="analytics-series-table"
          isPlain
          columns={[{ id: 'period', header: t('sales.columns.period'), sticky: true }, ...moneyColumns]}
          rows={series.map((bucket, index): TableRow => ({
            id: bucket.start,
            attributes: { 'data-period': bucket.start },
            cells: {
              period: (
                <Link
                  href={ordersHref(bucketRange(index))}
                  prefetch={false}
                  className="text-indigo-700 hover:underline"
                >
                  {bucket.start}
                </Link>
              ),
              ...moneyCells(bucket),
            },
          }))}
        />
      </SectionCard>
      <div className="grid gap-4 xl:grid-cols-3">
        {breakdown('channel', t('sales.byChannel'), byChannel)}
        {breakdown('province', t('sales.byProvince'), byProvince)}
        {breakdown('payment_method', t('sales.byPaymentMethod'), byMethod)}
      </div>
    </div>
  );
}
