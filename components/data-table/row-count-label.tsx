import { useTranslations } from 'next-intl';
import type { RowCount } from '@/domain/shared/row-count';

/**
 * A list's size in words: "1,234 orders", "about 1,200,000 orders", "10,000+ orders". `noun` picks
 * the message (common.table.count.<noun>.*) so each list says what it counts.
 */
export function RowCountLabel({ count, noun, testId }: { count: RowCount; noun: 'orders' | 'rows'; testId?: string }) {
  const t = useTranslations('common.table.count');
  return (
    <span className="tabular-nums" data-testid={testId} data-count-kind={count.kind} data-count={count.value}>
      {t(`${noun}.${count.kind}`, { count: count.value })}
    </span>
  );
}

/** The short form for a tab or chip: "1,234", "≈1.2M", "10k+". */
export function CompactCount({ count, locale }: { count: RowCount; locale: string }) {
  const compact = new Intl.NumberFormat(locale, {
    notation: count.value >= 10_000 ? 'compact' : 'standard',
    maximumFractionDigits: 1,
  });
  const text =
    count.kind === 'exact'
      ? compact.format(count.value)
      : count.kind === 'about'
        ? `≈${compact.format(count.value)}`
        : `${compact.format(count.value)}+`;
  return (
    <span className="tabular-nums" data-count-kind={count.kind} data-count={count.value}>
      {text}
    </span>
  );
}
