import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { SkuStockLevel } from '@/domain/inventory/get-sku-stock';
import type { StockMovementPage } from '@/domain/inventory/list-stock-movements';
import { thClass } from '../stock-table';

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
  const num = 'px-3 py-1.5 text-right tabular-nums';

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
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="ledger-table">
            <thead className="bg-slate-50">
              <tr className="border-b border-slate-200">
                <th scope="col" className={thClass}>
                  {t('sku.columns.time')}
                </th>
                <th scope="col" className={thClass}>
                  {t('sku.columns.kind')}
                </th>
                <th scope="col" className={thClass}>
                  {t('sku.columns.warehouse')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {t('sku.columns.onHandDelta')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {t('sku.columns.reservedDelta')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {t('sku.columns.onHandAfter')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {t('sku.columns.reservedAfter')}
                </th>
                <th scope="col" className={thClass}>
                  {t('sku.columns.reference')}
                </th>
                <th scope="col" className={thClass}>
                  {t('sku.columns.actor')}
                </th>
                <th scope="col" className={thClass}>
                  {t('sku.columns.reason')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {ledger.rows.map((m) => (
                <tr key={m.id} data-movement-kind={m.kind}>
                  <td className="whitespace-nowrap px-3 py-1.5 tabular-nums text-slate-600">
                    {format.dateTime(m.createdAt, {
                      year: 'numeric',
                      month: '2-digit',
                      day: '2-digit',
                      hour: '2-digit',
                      minute: '2-digit',
                    })}
                  </td>
                  <td className="px-3 py-1.5 text-slate-900">{t(`kind.${m.kind}`)}</td>
                  <td className="px-3 py-1.5 text-slate-600">{m.warehouseCode}</td>
                  <td
                    className={`${num} ${m.onHandDelta < 0 ? 'text-red-700' : m.onHandDelta > 0 ? 'text-emerald-700' : 'text-slate-400'}`}
                  >
                    {signed(m.onHandDelta)}
                  </td>
                  <td className={`${num} ${m.reservedDelta === 0 ? 'text-slate-400' : 'text-slate-700'}`}>
                    {signed(m.reservedDelta)}
                  </td>
                  <td className={`${num} font-medium text-slate-900`} data-col="on-hand-after">
                    {m.onHandAfter}
                  </td>
                  <td className={`${num} text-slate-600`}>{m.reservedAfter}</td>
                  <td className="px-3 py-1.5 font-mono text-[12px]">
                    {m.order ? (
                      <Link href={`/orders/${m.order.id}`} className="text-sky-700 hover:underline">
                        {m.order.number}
                      </Link>
                    ) : m.documentId ? (
                      <span className="text-slate-700">{m.documentId}</span>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                  <td className="px-3 py-1.5 text-slate-600">{m.actor.name ?? t(`actor.${m.actor.type}`)}</td>
                  <td className="max-w-64 truncate px-3 py-1.5 text-slate-600" title={m.reason ?? undefined}>
                    {m.reason ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
