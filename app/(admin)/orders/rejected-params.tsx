import { useTranslations } from 'next-intl';
import type { RejectedParam } from '@/domain/orders/order-list-filters';

const PARAMS = ['status', 'from', 'to', 'source', 'q', 'sort', 'archived', 'review', 'cursor', 'size'] as const;

/** Tells the person which URL values were ignored instead of failing the page. */
export function RejectedParams({ rejected }: { rejected: RejectedParam[] }) {
  const t = useTranslations('orders.list');
  if (rejected.length === 0) return null;
  const paramLabel = (param: string) =>
    (PARAMS as readonly string[]).includes(param) ? t(`params.${param as (typeof PARAMS)[number]}`) : param;
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
      data-testid="rejected-params"
    >
      <p className="font-medium">{t('rejectedTitle')}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {rejected.map((item, index) => (
          <li key={`${item.param}-${index}`}>
            {t(`rejected.${item.reason}`, { param: paramLabel(item.param), value: item.value })}
          </li>
        ))}
      </ul>
    </div>
  );
}
