import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { FulfillmentStateLabel, PaymentStateLabel, StatusBadge } from '@/components/orders/status-badge';
import type { OrderListRow } from '@/domain/orders/list-orders';
import { formatMoney } from '@/domain/shared/money';
import { RowCheckbox, SelectAllCheckbox } from './bulk-selection';

/** The orders table, rendered on the server; the whole row opens the order. */
export function OrdersTable({ rows, locale, emptyMessage, isSelectable = false }: { rows: OrderListRow[]; locale: string; emptyMessage: string; isSelectable?: boolean }) {
  const t = useTranslations('orders.list');
  const format = useFormatter();
  const th = 'px-3 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500';

  if (rows.length === 0) {
    return (
      <div className="px-6 py-16 text-center" data-testid="orders-empty">
        <p className="text-sm font-medium text-slate-900">{t('emptyTitle')}</p>
        <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">{emptyMessage}</p>
      </div>
    );
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="orders-table">
        <thead className="bg-slate-50">
          <tr className="border-b border-slate-200">
            {isSelectable && <th scope="col" className="w-8 px-3 py-2"><SelectAllCheckbox /></th>}
            <th scope="col" className={th}>{t('columns.number')}</th>
            <th scope="col" className={th}>{t('columns.placedAt')}</th>
            <th scope="col" className={th}>{t('columns.customer')}</th>
            <th scope="col" className={`${th} text-right`}>{t('columns.items')}</th>
            <th scope="col" className={`${th} text-right`}>{t('columns.total')}</th>
            <th scope="col" className={th}>{t('columns.payment')}</th>
            <th scope="col" className={th}>{t('columns.fulfillment')}</th>
            <th scope="col" className={th}>{t('columns.status')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="relative hover:bg-sky-50/60 focus-within:bg-sky-50/60" data-order-id={row.id}>
              {isSelectable && <td className="px-3 py-2"><RowCheckbox orderId={row.id} number={row.number} /></td>}
              <td className="px-3 py-2 font-mono text-[13px]" data-col="number">
                {/* the link's ::after covers the row, so a click anywhere opens the order */}
                <Link href={`/orders/${row.id}`} className="font-medium text-sky-700 after:absolute after:inset-0 hover:underline focus:outline-none">
                  {row.number}
                </Link>
                {row.isArchived && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-sans text-[11px] text-slate-500">{t('archived')}</span>}
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">
                {format.dateTime(row.placedAt, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}
              </td>
              <td className="px-3 py-2">
                <span className="text-slate-900">{row.customerName}</span>
                {row.customerPhone && <span className="ml-1.5 tabular-nums text-slate-400">{row.customerPhone}</span>}
              </td>
              <td className="px-3 py-2 text-right tabular-nums text-slate-600">{row.itemCount}</td>
              <td className="whitespace-nowrap px-3 py-2 text-right font-medium tabular-nums text-slate-900" data-col="total">
                {formatMoney(row.totalCents, row.currency, locale)}
              </td>
              <td className="px-3 py-2"><PaymentStateLabel state={row.paymentState} /></td>
              <td className="px-3 py-2"><FulfillmentStateLabel state={row.fulfillmentState} /></td>
              <td className="px-3 py-2"><StatusBadge status={row.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
