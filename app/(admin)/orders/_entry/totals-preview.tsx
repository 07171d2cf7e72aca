'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { OrderTotalsPreview } from '@/domain/orders/preview-order-totals';
import { formatMoney } from '@/domain/shared/money';
import { previewOrderTotalsAction } from './actions';
import { useDebouncedValue } from './use-debounced-value';

export interface TotalsInput {
  lines: { skuId: number; quantity: number }[];
  discount: string;
  shipping: string;
  /** an order being edited (its lines keep their sold prices) */
  orderId?: number;
}

/**
 * The server's totals for what is on the form now (asked once typing pauses). The browser never
 * adds prices up itself: what is shown is what createOrder will compute from the same catalog.
 */
export function useTotalsPreview(input: TotalsInput) {
  const debounced = useDebouncedValue(input, 300);
  return useQuery({
    queryKey: ['entry-totals', debounced],
    queryFn: async () => {
      const result = await previewOrderTotalsAction(debounced);
      if (!result.ok) throw new Error(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message);
      return result.data;
    },
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });
}

export function TotalsPreview({
  preview,
  isUpdating,
  error,
  locale,
}: {
  preview: OrderTotalsPreview | undefined;
  isUpdating: boolean;
  error: string | null;
  locale: string;
}) {
  const t = useTranslations('orders.entry.totals');
  const money = (cents: number) => formatMoney(cents, preview?.currency ?? 'CNY', locale);
  const row = (label: string, value: string, testId: string, strong = false) => (
    <div
      className={`flex justify-between gap-4 ${strong ? 'border-t border-slate-200 pt-2 text-base font-semibold text-slate-900' : 'text-slate-600'}`}
    >
      <dt>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <div className="space-y-2 text-sm" aria-live="polite" aria-busy={isUpdating}>
      <dl className={`space-y-1.5 transition-opacity ${isUpdating ? 'opacity-60' : ''}`}>
        {row(t('subtotal'), preview ? money(preview.subtotalCents) : '—', 'totals-subtotal')}
        {row(t('discount'), preview ? `−${money(preview.discountCents)}` : '—', 'totals-discount')}
        {row(t('shipping'), preview ? money(preview.shippingCents) : '—', 'totals-shipping')}
        {row(t('total'), preview?.totalCents != null ? money(preview.totalCents) : '—', 'totals-total', true)}
      </dl>
      {error && (
        <p className="text-xs text-red-600" data-testid="totals-error">
          {t('failed', { message: error })}
        </p>
      )}
      {preview?.problem && (
        <p className="text-xs text-red-600" data-testid="totals-problem">
          {t(preview.problem === 'discount_above_subtotal' ? 'discountTooLarge' : 'totalTooLarge')}
        </p>
      )}
      <p className="text-xs text-slate-400">{isUpdating ? t('updating') : t('computedOnServer')}</p>
    </div>
  );
}
