import { getTranslations } from 'next-intl/server';
import {
  compareFigure,
  FIGURE_KINDS,
  figureValue,
  OVERVIEW_FIGURES,
  type OverviewFigure,
} from '@/domain/analytics/overview-figures';
import type { DayRange } from '@/domain/analytics/report-range';
import type { SalesOverview } from '@/domain/analytics/sales-report';
import { formatMoney } from '@/domain/shared/money';
import { ordersHref } from './analytics-links';
import { FigureCard } from './figure-card';

/** figures where a rise is bad news: shown in red when they go up */
const RISE_IS_BAD = new Set<OverviewFigure>(['discounts', 'refunds', 'refundRate']);

export async function OverviewSection({
  current,
  previous,
  range,
  locale,
  currency,
}: {
  current: SalesOverview;
  previous: SalesOverview;
  range: DayRange;
  locale: string;
  currency: string;
}) {
  const t = await getTranslations('analytics');
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const format = (figure: OverviewFigure, value: number | null) => {
    if (value === null) return '—';
    const kind = FIGURE_KINDS[figure];
    if (kind === 'money') return formatMoney(value, currency, locale);
    if (kind === 'ratio') return percent.format(value);
    return count.format(value);
  };
  const formatChange = (figure: OverviewFigure, change: number | null, pct: number | null) => {
    if (change === null) return t('noComparison');
    const kind = FIGURE_KINDS[figure];
    if (kind === 'ratio') return `${points.format(change * 100)} pp`;
    const sign = change > 0 ? '+' : '';
    const amount =
      kind === 'money' ? `${sign}${formatMoney(change, currency, locale)}` : `${sign}${count.format(change)}`;
    return pct === null ? amount : `${amount} (${signedPercent.format(pct)})`;
  };
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="analytics-overview">
      {OVERVIEW_FIGURES.map((figure) => {
        const now = figureValue(current, figure);
        const then = figureValue(previous, figure);
        const { change, percent: pct } = compareFigure(now, then);
        const rising = change !== null && change > 0;
        const falling = change !== null && change < 0;
        const good = RISE_IS_BAD.has(figure) ? falling : rising;
        const bad = RISE_IS_BAD.has(figure) ? rising : falling;
        const label = t(`figures.${figure}.label`);
        return (
          <FigureCard
            key={figure}
            id={figure}
            label={label}
            value={format(figure, now)}
            change={formatChange(figure, change, pct)}
            previous={t('previous', { value: format(figure, then) })}
            definition={t(`figures.${figure}.definition`)}
            definitionLabel={t('howComputed', { figure: label })}
            href={ordersHref(range)}
            hrefLabel={t('drillDown')}
            tone={good ? 'up' : bad ? 'down' : 'flat'}
          />
        );
      })}
    </div>
  );
}
