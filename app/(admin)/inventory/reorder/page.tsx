import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { countOpenLowStockAlerts } from '@/domain/inventory/list-low-stock-alerts';
import { listReorderSuggestions, ZReorderOptions } from '@/domain/inventory/reorder-suggestions';
import { readParam } from '@/domain/inventory/stock-list-filters';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { InventoryHeader } from '../inventory-tabs';
import { fieldClass, labelClass } from '../stock-filters';
import { RowsTable } from '@/components/data-table/rows-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inventory.reorder');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const MAX_ROWS_ON_PAGE = 300;

/** Reorder suggestions with their formula spelled out, and the same list as CSV. */
export default async function ReorderPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requirePermission('inventory.read');
  const query = await searchParams;
  const raw = { days: readParam(query, 'days'), safetyDays: readParam(query, 'safety') };
  const parsed = ZReorderOptions.safeParse(raw);
  // a bad value falls back to the defaults rather than failing the page; the form shows what was used
  const options = parsed.success ? parsed.data : ZReorderOptions.parse({});
  const db = getDb();
  const [suggestions, openAlertCount, t] = await Promise.all([
    listReorderSuggestions(db, options),
    countOpenLowStockAlerts(db),
    getTranslations('inventory.reorder'),
  ]);
  const shown = suggestions.slice(0, MAX_ROWS_ON_PAGE);
  const csvHref = `/inventory/reorder.csv?days=${options.days}&safety=${options.safetyDays}`;
  const columns = [
    'unitsSold',
    'velocityPerDay',
    'leadTimeDays',
    'available',
    'incoming',
    'suggestedQuantity',
  ] as const;

  return (
    <>
      <InventoryHeader
        current="reorder"
        canWrite={can(staff, 'inventory.write')}
        openAlertCount={openAlertCount}
        actions={
          <a
            href={csvHref}
            download
            className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50"
            data-testid="reorder-csv"
          >
            {t('download')}
          </a>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <div className="space-y-1 text-sm text-slate-600">
          <p>{t('formula', { days: options.days })}</p>
          <p className="text-slate-500">{t('incomingNote')}</p>
        </div>
        <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <form
            method="get"
            action="/inventory/reorder"
            className="flex flex-wrap items-end gap-2 border-b border-slate-200 p-3"
          >
            <label className="flex flex-col gap-1">
              <span className={labelClass}>{t('days')}</span>
              <input
                type="number"
                name="days"
                min={1}
                max={365}
                defaultValue={options.days}
                className={`${fieldClass} w-28`}
              />
            </label>
            <label className="flex flex-col gap-1">
              <span className={labelClass}>{t('safetyDays')}</span>
              <input
                type="number"
                name="safety"
                min={0}
                max={90}
                defaultValue={options.safetyDays}
                className={`${fieldClass} w-28`}
              />
            </label>
            <button
              type="submit"
              className="h-8 rounded-md bg-slate-900 px-4 text-sm font-medium text-white shadow-xs hover:bg-slate-800"
            >
              {t('apply')}
            </button>
            <span className="ml-auto text-sm text-slate-500" data-testid="reorder-count">
              {t('count', { count: suggestions.length })}
            </span>
          </form>
          {suggestions.length === 0 ? (
            <p className="px-6 py-12 text-center text-sm text-slate-500">{t('empty')}</p>
          ) : (
            <RowsTable
              id="reorder-table"
              columns={[
                { id: 'skuCode', header: t('columns.skuCode'), sticky: true },
                { id: 'productName', header: t('columns.productName'), className: 'text-slate-700' },
                ...columns.map((c) => ({
                  id: c,
                  header: t(`columns.${c}`),
                  align: 'right' as const,
                  className:
                    c === 'suggestedQuantity'
                      ? 'font-semibold text-slate-900'
                      : c === 'incoming'
                        ? 'text-slate-400'
                        : 'text-slate-600',
                })),
              ]}
              rows={shown.map((s) => ({
                id: s.skuId,
                attributes: { 'data-sku-code': s.skuCode },
                cells: {
                  skuCode: (
                    <Link
                      href={`/inventory/${s.skuId}`}
                      className="font-mono text-[13px] font-medium text-sky-700 hover:underline"
                    >
                      {s.skuCode}
                    </Link>
                  ),
                  productName: (
                    <>
                      {s.productName}{' '}
                      <span className="text-slate-500">
                        {s.skuName}
                        {s.variant ? ` · ${s.variant}` : ''}
                      </span>
                    </>
                  ),
                  unitsSold: s.unitsSold,
                  velocityPerDay: s.velocityPerDay.toFixed(2),
                  leadTimeDays: s.leadTimeDays,
                  available: s.available,
                  incoming: s.incoming,
                  suggestedQuantity: s.suggestedQuantity,
                },
              }))}
            />
          )}
          {suggestions.length > shown.length && (
            <p className="border-t border-slate-200 px-3 py-2 text-sm text-slate-500">
              {t('truncated', { shown: shown.length, total: suggestions.length })}
            </p>
          )}
        </section>
      </div>
    </>
  );
}
