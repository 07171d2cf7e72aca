'use client';

import { useTranslations } from 'next-intl';

/**
 * "120 / 2000" under a text field, red once past the limit. Fields that show it carry no
 * maxLength: a paste past the limit is kept and refused with a message, never silently cut.
 */
export function CharacterCount({ length, max, testId }: { length: number; max: number; testId?: string }) {
  const t = useTranslations('orders.actions.notes');
  const isOver = length > max;
  return (
    <p
      className={`text-right text-xs tabular-nums ${isOver ? 'font-medium text-rose-700' : 'text-slate-500'}`}
      data-testid={testId}
      aria-live="polite"
    >
      {t('count', { count: length, max })}
      {isOver ? ` · ${t('limit', { max })}` : ''}
    </p>
  );
}
