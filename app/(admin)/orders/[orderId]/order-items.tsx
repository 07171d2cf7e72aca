import { useTranslations } from 'next-intl';
import type { OrderDetail } from '@/domain/orders/get-order';
import { formatMoney } from '@/domain/shared/money';
import { Card } from './card';

/** Lines with unit price, quantity and line totals, then the totals block. */
export function OrderItems({ detail, locale }: { detail: OrderDetail; locale: string }) {
  const t = useTranslations('orders.detail');
  const { order } = detail;
  const money = (cents: number) => formatMoney(cents, order.currency, locale);
  const th = 'px-4 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500';
  const totals: [string, number, string?][] = [
    [t('subtotal'), order.subtotalCents],
    [t('discount'), -order.discountCents],
    [t('shipping'), order.shippingCents],
    [t('tax'), order.taxCents],
  ];
  return (
    <Card title={t('items')}>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="order-lines">
          <thead className="bg-slate-50">
            <tr className="border-b border-slate-200">
              <th className={th}>{t('product')}</th>
              <th className={th}>{t('sku')}</th>
              <th className={`${th} text-right`}>{t('unitPrice')}</th>
              <th className={`${th} text-right`}>{t('quantity')}</th>
              <th className={`${th} text-right`}>{t('shippedQuantity')}</th>
              <th className={`${th} text-right`}>{t('lineDiscount')}</th>
              <th className={`${th} text-right`}>{t('lineTotal')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {detail.lines.map((line) => (
              <tr key={line.id}>
                <td className="px-4 py-2">
                  <div className="text-slate-900">{line.name}</div>
                  {line.variant && <div className="text-xs text-slate-500">{line.variant}</div>}
                </td>
                <td className="px-4 py-2 font-mono text-xs text-slate-600">{line.skuCode}</td>
                <td className="px-4 py-2 text-right tabular-nums">{money(line.unitPriceCents)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{line.quantity}</td>
                <td className="px-4 py-2 text-right tabular-nums text-slate-500">
                  {detail.shippedQuantities.get(line.id) ?? 0}
                </td>
                <td className="px-4 py-2 text-right tabular-nums text-slate-500">
                  {line.discountCents ? money(-line.discountCents) : '—'}
                </td>
                <td className="px-4 py-2 text-right font-medium tabular-nums">{money(line.lineTotalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl
        className="ml-auto w-full max-w-xs space-y-1 border-t border-slate-200 px-4 py-3 text-sm"
        data-testid="order-totals"
      >
        {totals.map(([label, cents]) => (
          <div key={label} className="flex justify-between gap-4">
            <dt className="text-slate-500">{label}</dt>
            <dd className="tabular-nums text-slate-900">{money(cents)}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-4 border-t border-slate-200 pt-1.5 text-base font-semibold">
          <dt>{t('total')}</dt>
          <dd className="tabular-nums">{money(order.totalCents)}</dd>
        </div>
        {detail.paidCents > 0 && (
          <div className="flex justify-between gap-4 text-slate-500">
            <dt>{t('paid')}</dt>
            <dd className="tabular-nums">{money(detail.paidCents)}</dd>
          </div>
        )}
        {detail.refundedCents > 0 && (
          <div className="flex justify-between gap-4 text-rose-700">
            <dt>{t('refunded')}</dt>
            <dd className="tabular-nums">{money(-detail.refundedCents)}</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}
