'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '@/domain/shared/money';

export interface SalesChartDay {
  /** YYYY-MM-DD */
  day: string;
  orderCount: number;
  salesCents: number;
}

const COLORS = { bars: '#cbd5e1', line: '#4f46e5', grid: '#e2e8f0', axis: '#64748b', text: '#334155' };

/** Orders per day as bars (left axis) and sales as a line in major units (right axis). */
export function SalesChart({ days, currency }: { days: readonly SalesChartDay[]; currency: string }) {
  const t = useTranslations('dashboard.chart');
  const locale = useLocale();

  const { data, formatDay, formatAxisMoney } = useMemo(() => {
    const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const minorPerMajor = 10 ** (moneyFormat.resolvedOptions().maximumFractionDigits ?? 2);
    // the days are calendar dates; formatting them in UTC keeps the date as written
    const dayFormat = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    const compactMoney = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    return {
      data: days.map((d) => ({ ...d, salesMajor: d.salesCents / minorPerMajor })),
      formatDay: (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`)),
      formatAxisMoney: (value: number) => compactMoney.format(value),
    };
  }, [days, currency, locale]);

  return (
    <figure className="h-72 w-full min-w-0" aria-label={t('label')} data-testid="sales-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 288 }}>
        <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 4 }}>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={formatDay}
            tick={{ fontSize: 11, fill: COLORS.axis }}
            tickLine={false}
            axisLine={{ stroke: COLORS.grid }}
            minTickGap={12}
          />
          <YAxis
            yAxisId="orders"
            allowDecimals={false}
            width={36}
            tick={{ fontSize: 11, fill: COLORS.axis }}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            yAxisId="sales"
            orientation="right"
            width={64}
            tickFormatter={formatAxisMoney}
            tick={{ fontSize: 11, fill: COLORS.axis }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            labelFormatter={(label) => formatDay(String(label))}
            formatter={(value, name, item) =>
              item.dataKey === 'salesMajor'
                ? [formatMoney((item.payload as SalesChartDay).salesCents, currency, locale), name]
                : [value, name]
            }
            contentStyle={{ fontSize: 12, borderColor: COLORS.grid, borderRadius: 6 }}
            itemStyle={{ color: COLORS.text }}
          />
          <Legend
            iconSize={10}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value) => <span className="text-slate-600">{value}</span>}
          />
          <Bar
            yAxisId="orders"
            dataKey="orderCount"
            name={t('orders')}
            fill={COLORS.bars}
            radius={[2, 2, 0, 0]}
            maxBarSize={18}
            isAnimationActive={false}
          />
          <Line
            yAxisId="sales"
            dataKey="salesMajor"
            name={t('sales')}
            type="monotone"
            stroke={COLORS.line}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
