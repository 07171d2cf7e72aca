import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { RowsTable } from '@/components/data-table/rows-table';
import { Badge } from '@/components/ui/badge';
import type { StockListRow } from '@/domain/inventory/list-stock';

export const thClass = 'px-3 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500';

/** The stock table; the SKU code opens the SKU's page (stock per warehouse and ledger). */
export function StockTable({ rows, emptyMessage }: { rows: StockListRow[]; emptyMessage: string }) {
  const t = useTranslations('inventory.stock');
  return (
    <RowsTable
      id="stock-table"
      isPlain={false}
      hasStickyHeader
      emptyTitle={t('emptyTitle')}
      emptyMessage={emptyMessage}
      columns={[
        { id: 'sku', header: t('columns.sku'), sticky: true, className: 'font-mono text-[13px]' },
        { id: 'product', header: t('columns.product') },
        { id: 'warehouse', header: t('columns.warehouse'), className: 'whitespace-nowrap text-slate-700' },
        { id: 'location', header: t('columns.location'), className: 'font-mono text-[12px] text-slate-500' },
        { id: 'on-hand', header: t('columns.onHand'), align: 'right', className: 'text-slate-700' },
        { id: 'reserved', header: t('columns.reserved'), align: 'right', className: 'text-slate-500' },
        { id: 'available', header: t('columns.available'), align: 'right', className: 'font-semibold' },
        { id: 'threshold', header: t('columns.threshold'), align: 'right', className: 'text-slate-500' },
      ]}
      rows={rows.map((row) => ({
        id: `${row.skuId}-${row.warehouseId}`,
        attributes: { 'data-sku-code': row.skuCode, 'data-warehouse-id': row.warehouseId },
        cells: {
          sku: (
            <>
              {/* the link's ::after covers the row, so a click anywhere opens the SKU */}
              <Link href={`/inventory/${row.skuId}`} className="row-link">
                {row.skuCode}
              </Link>
              {!row.isSkuActive && <Badge className="ml-2 font-sans">{t('inactive')}</Badge>}
            </>
          ),
          product: (
            <>
              {/* SKU names usually repeat the product's name; show the product only when it adds something */}
              <span className="text-slate-900">{row.skuName}</span>
              {row.variant && <span className="ml-1.5 text-slate-500">{row.variant}</span>}
              {!row.skuName.startsWith(row.productName) && (
                <span className="ml-1.5 text-slate-400">{row.productName}</span>
              )}
            </>
          ),
          warehouse: row.warehouseName,
          location: row.location ?? '—',
          'on-hand': row.onHand,
          reserved: row.reserved,
          available: (
            <span className={row.isLow ? 'text-amber-700' : 'text-slate-900'}>
              {row.isLow && (
                <Badge tone="attention" className="mr-1.5">
                  {t('low')}
                </Badge>
              )}
              {row.available}
            </span>
          ),
          threshold: row.threshold,
        },
      }))}
    />
  );
}
