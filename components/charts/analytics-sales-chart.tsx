'use client';

import { useRouter } from 'next/navigation';
import { useLocale } from 'next-intl';
import { useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '@/domain/shared/money';

export interface AnalyticsChartPoint {
  /** the first day of the period, YYYY-MM-DD */
  start: string;
  netCents: number;
  orders: number;
  /** the orders list filtered to this period: a click on the point opens it */
  href: string;
}

const COLORS = { bars: '#cbd5e1', line: '#4f46e5', grid: '#e2e8f0', axis: '#64748b', text: '#334155' };

/** Net sales (line, right axis) and orders (bars, left axis) per period; a click drills down to the orders. */
export function AnalyticsSalesChart({
  points,
  currency,
  labels,
}: {
  points: readonly AnalyticsChartPoint[];
  currency: string;
  labels: { chart: string; net: string; orders: string };
}) {
  const locale = useLocale();
  const router = useRouter();
  const { data, formatDay, formatAxisMoney } = useMemo(() => {
    const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const minorPerMajor = 10 ** (moneyFormat.resolvedOptions().maximumFractionDigits ?? 2);
    const dayFormat = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    const compactMoney = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    return {
      data: points.map((p) => ({ ...p, netMajor: p.netCents / minorPerMajor })),
      formatDay: (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`)),
      formatAxisMoney: (value: number) => compactMoney.format(value),
    };
  }, [points, currency, locale]);

  return (
    <figure className="h-72 w-full min-w-0" aria-label={labels.chart} data-testid="analytics-sales-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 288 }}>
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 4, bottom: 0, left: 4 }}
          onClick={(state) => {
            const index = Number(state?.activeTooltipIndex);
            if (Number.isInteger(index) && data[index]) router.push(data[index].href);
          }}
          style={{ cursor: 'pointer' }}
        >
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis
            dataKey="start"
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
            yAxisId="net"
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
              item.dataKey === 'netMajor'
                ? [formatMoney((item.payload as AnalyticsChartPoint).netCents, currency, locale), name]
                : [value, name]
            }
            contentStyle={{ fontSize: 12, borderColor: COLORS.grid, borderRadius: 6 }}
            itemStyle={{ color: COLORS.text }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            yAxisId="orders"
            dataKey="orders"
            name={labels.orders}
            fill={COLORS.bars}
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
          <Line
            yAxisId="net"
            dataKey="netMajor"
            name={labels.net}
            stroke={COLORS.line}
            strokeWidth={2}
            dot={false}
            type="monotone"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
