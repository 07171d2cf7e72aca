import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { SkuStockLevel } from '@/domain/inventory/get-sku-stock';
import type { StockMovementPage } from '@/domain/inventory/list-stock-movements';
import { RowsTable } from '@/components/data-table/rows-table';

/** The SKU's ledger, newest first, filterable by warehouse, paged by movement id. */
export function SkuLedger({
  skuId,
  levels,
  ledger,
  warehouseId,
  beforeId,
}: {
  skuId: number;
  levels: SkuStockLevel[];
  ledger: StockMovementPage;
  warehouseId: number | undefined;
  beforeId: number | undefined;
}) {
  const t = useTranslations('inventory');
  const format = useFormatter();
  const href = (changes: { warehouse?: number; before?: number }) => {
    const params = new URLSearchParams();
    if (changes.warehouse) params.set('warehouse', String(changes.warehouse));
    if (changes.before) params.set('before', String(changes.before));
    const query = params.toString();
    return `/inventory/${skuId}${query ? `?${query}` : ''}#ledger`;
  };
  const chip = 'rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset';
  const on = 'bg-slate-900 text-white ring-slate-900';
  const off = 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50';
  const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '0' : String(n));

  return (
    <section id="ledger" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-slate-900">{t('sku.ledger')}</h2>
        <nav className="flex flex-wrap gap-1.5" aria-label={t('stock.warehouseLabel')}>
          <Link href={href({})} className={`${chip} ${warehouseId ? off : on}`}>
            {t('sku.ledgerAll')}
          </Link>
          {levels.map((l) => (
            <Link
              key={l.warehouseId}
              href={href({ warehouse: l.warehouseId })}
              className={`${chip} ${warehouseId === l.warehouseId ? on : off}`}
            >
              {l.warehouseName}
            </Link>
          ))}
        </nav>
      </div>
      {ledger.rows.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500">{t('sku.ledgerEmpty')}</p>
      ) : (
        <RowsTable
          id="ledger-table"
          columns={[
            { id: 'time', header: t('sku.columns.time'), className: 'whitespace-nowrap tabular-nums text-slate-600' },
            { id: 'kind', header: t('sku.columns.kind'), sticky: true, className: 'text-slate-900' },
            { id: 'warehouse', header: t('sku.columns.warehouse'), className: 'text-slate-600' },
            { id: 'on-hand-delta', header: t('sku.columns.onHandDelta'), align: 'right' },
            { id: 'reserved-delta', header: t('sku.columns.reservedDelta'), align: 'right' },
            {
              id: 'on-hand-after',
              header: t('sku.columns.onHandAfter'),
              align: 'right',
              className: 'font-medium text-slate-900',
            },
            {
              id: 'reserved-after',
              header: t('sku.columns.reservedAfter'),
              align: 'right',
              className: 'text-slate-600',
            },
            { id: 'reference', header: t('sku.columns.reference'), className: 'font-mono text-[12px]' },
            { id: 'actor', header: t('sku.columns.actor'), className: 'text-slate-600' },
            { id: 'reason', header: t('sku.columns.reason'), className: 'max-w-64 truncate text-slate-600' },
          ]}
          rows={ledger.rows.map((m) => ({
            id: m.id,
            attributes: { 'data-movement-kind': m.kind },
            cells: {
              time: format.dateTime(m.createdAt, {
                year: 'numeric',
                month: '2-digit',
                day: '2-digit',
                hour: '2-digit',
                minute: '2-digit',
              }),
              kind: t(`kind.${m.kind}`),
              warehouse: m.warehouseCode,
              'on-hand-delta': (
                <span
                  className={
                    m.onHandDelta < 0 ? 'text-red-700' : m.onHandDelta > 0 ? 'text-emerald-700' : 'text-slate-400'
                  }
                >
                  {signed(m.onHandDelta)}
                </span>
              ),
              'reserved-delta': (
                <span className={m.reservedDelta === 0 ? 'text-slate-400' : 'text-slate-700'}>
                  {signed(m.reservedDelta)}
                </span>
              ),
              'on-hand-after': m.onHandAfter,
              'reserved-after': m.reservedAfter,
              reference: m.order ? (
                <Link href={`/orders/${m.order.id}`} className="text-sky-700 hover:underline">
                  {m.order.number}
                </Link>
              ) : m.documentId ? (
                <span className="text-slate-700">{m.documentId}</span>
              ) : (
                <span className="text-slate-400">—</span>
              ),
              actor: m.actor.name ?? t(`actor.${m.actor.type}`),
              reason: <span title={m.reason ?? undefined}>{m.reason ?? ''}</span>,
            },
          }))}
        />
      )}
      {(beforeId || ledger.nextBeforeId) && (
        <nav className="flex justify-between border-t border-slate-200 px-3 py-2 text-sm">
          {beforeId ? (
            <Link href={href({ warehouse: warehouseId })} className="text-slate-600 hover:underline">
              {t('sku.ledgerNewest')}
            </Link>
          ) : (
            <span />
          )}
          {ledger.nextBeforeId ? (
            <Link
              rel="next"
              href={href({ warehouse: warehouseId, before: ledger.nextBeforeId })}
              className="text-sky-700 hover:underline"
            >
              {t('sku.ledgerOlder')} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
