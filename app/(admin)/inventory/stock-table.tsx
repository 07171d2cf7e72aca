import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { StockListRow } from '@/domain/inventory/list-stock';

export const thClass = 'px-3 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500';

/** The stock table; the SKU code opens the SKU's page (stock per warehouse and ledger). */
export function StockTable({ rows, emptyMessage }: { rows: StockListRow[]; emptyMessage: string }) {
  const t = useTranslations('inventory.stock');
  if (rows.length === 0) {
    return (
      <div className="px-6 py-16 text-center" data-testid="stock-empty">
        <p className="text-sm font-medium text-slate-900">{t('emptyTitle')}</p>
        <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">{emptyMessage}</p>
      </div>
    );
  }
  const num = 'px-3 py-2 text-right tabular-nums';
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="stock-table">
        <thead className="bg-slate-50">
          <tr className="border-b border-slate-200">
            <th scope="col" className={thClass}>{t('columns.sku')}</th>
            <th scope="col" className={thClass}>{t('columns.product')}</th>
            <th scope="col" className={thClass}>{t('columns.warehouse')}</th>
            <th scope="col" className={thClass}>{t('columns.location')}</th>
            <th scope="col" className={`${thClass} text-right`}>{t('columns.onHand')}</th>
            <th scope="col" className={`${thClass} text-right`}>{t('columns.reserved')}</th>
            <th scope="col" className={`${thClass} text-right`}>{t('columns.available')}</th>
            <th scope="col" className={`${thClass} text-right`}>{t('columns.threshold')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={`${row.skuId}-${row.warehouseId}`} className="relative hover:bg-sky-50/60" data-sku-code={row.skuCode} data-warehouse-id={row.warehouseId}>
              <td className="px-3 py-2 font-mono text-[13px]">
                <Link href={`/inventory/${row.skuId}`} className="font-medium text-sky-700 after:absolute after:inset-0 hover:underline focus:outline-none">{row.skuCode}</Link>
                {!row.isSkuActive && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-sans text-[11px] text-slate-500">{t('inactive')}</span>}
              </td>
              <td className="px-3 py-2">
                {/* SKU names usually repeat the product's name; show the product only when it adds something */}
                <span className="text-slate-900">{row.skuName}</span>
                {row.variant && <span className="ml-1.5 text-slate-500">{row.variant}</span>}
                {!row.skuName.startsWith(row.productName) && <span className="ml-1.5 text-slate-400">{row.productName}</span>}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">{row.warehouseName}</td>
              <td className="px-3 py-2 font-mono text-[12px] text-slate-500">{row.location ?? '—'}</td>
              <td className={`${num} text-slate-700`} data-col="on-hand">{row.onHand}</td>
              <td className={`${num} text-slate-500`} data-col="reserved">{row.reserved}</td>
              <td className={`${num} font-semibold ${row.isLow ? 'text-amber-700' : 'text-slate-900'}`} data-col="available">
                {row.isLow && <span className="mr-1.5 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800">{t('low')}</span>}
                {row.available}
              </td>
              <td className={`${num} text-slate-500`}>{row.threshold}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
