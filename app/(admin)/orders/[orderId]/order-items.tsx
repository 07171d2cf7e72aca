import { useTranslations } from 'next-intl';
import type { OrderDetail } from '@/domain/orders/get-order';
import { formatMoney } from '@/domain/shared/money';
import { RowsTable } from '@/components/data-table/rows-table';
import { Card } from './card';

/** Lines with unit price, quantity and line totals, then the totals block. */
export function OrderItems({ detail, locale }: { detail: OrderDetail; locale: string }) {
  const t = useTranslations('orders.detail');
  const { order } = detail;
  const money = (cents: number) => formatMoney(cents, order.currency, locale);
  const totals: [string, number, string?][] = [
    [t('subtotal'), order.subtotalCents],
    [t('discount'), -order.discountCents],
    [t('shipping'), order.shippingCents],
    [t('tax'), order.taxCents],
  ];
  return (
    <Card title={t('items')}>
      <RowsTable
        id="order-lines"
        columns={[
          { id: 'product', header: t('product'), sticky: true },
          { id: 'sku', header: t('sku'), className: 'font-mono text-xs text-slate-600' },
          { id: 'unitPrice', header: t('unitPrice'), align: 'right' },
          { id: 'quantity', header: t('quantity'), align: 'right' },
          { id: 'shipped', header: t('shippedQuantity'), align: 'right', className: 'text-slate-500' },
          { id: 'discount', header: t('lineDiscount'), align: 'right', className: 'text-slate-500' },
          { id: 'lineTotal', header: t('lineTotal'), align: 'right', className: 'font-medium' },
        ]}
        rows={detail.lines.map((line) => ({
          id: line.id,
          cells: {
            product: (
              <>
                <div className="text-slate-900">{line.name}</div>
                {line.variant && <div className="text-xs text-slate-500">{line.variant}</div>}
              </>
            ),
            sku: line.skuCode,
            unitPrice: money(line.unitPriceCents),
            quantity: line.quantity,
            shipped: detail.shippedQuantities.get(line.id) ?? 0,
            discount: line.discountCents ? money(-line.discountCents) : '—',
            lineTotal: money(line.lineTotalCents),
          },
        }))}
      />
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
