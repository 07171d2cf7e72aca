import { TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export interface LowStockPanelAlert {
  id: number;
  skuId: number;
  skuCode: string;
  skuName: string;
  warehouseName: string;
  available: number;
  threshold: number;
}

/** The dashboard's short list of open low-stock alerts, each linking to its SKU. */
export function LowStockPanel({ alerts, openCount }: { alerts: LowStockPanelAlert[]; openCount: number }) {
  const t = useTranslations('inventory');
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-xs" data-testid="low-stock-panel">
      <div className="flex items-baseline justify-between gap-4 border-b border-slate-200 px-4 py-2.5">
        <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <TriangleAlert aria-hidden className={openCount > 0 ? 'size-4 text-amber-500' : 'size-4 text-slate-400'} />
          {t('alerts.panelTitle')}
          {openCount > 0 && (
            <span className="rounded-full bg-amber-100 px-1.5 text-[11px] font-semibold tabular-nums text-amber-800">
              {openCount}
            </span>
          )}
        </h2>
        <Link href="/inventory/alerts" className="text-xs text-sky-700 hover:underline">
          {t('alerts.panelAll')} →
        </Link>
      </div>
      {alerts.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">{t('alerts.panelEmpty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {alerts.map((a) => (
            <li key={a.id}>
              <Link
                href={`/inventory/${a.skuId}`}
                className="flex items-center gap-3 px-4 py-2 text-sm hover:bg-sky-50/60"
                data-alert-sku={a.skuCode}
              >
                <span className="font-mono text-[13px] font-medium text-sky-700">{a.skuCode}</span>
                <span className="min-w-0 flex-1 truncate text-slate-600">{a.skuName}</span>
                <span className="text-slate-500">{a.warehouseName}</span>
                <span className="w-28 text-right tabular-nums">
                  <span className="font-semibold text-amber-700">{a.available}</span>
                  <span className="text-slate-400"> / {a.threshold}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
