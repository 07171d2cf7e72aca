'use client';

import type { RowData, Table } from '@tanstack/react-table';
import type { DataTableFeatures } from './features';
import { Columns3, Rows3, Rows4 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Density } from './use-table-preferences';

const ICON_BUTTON =
  'inline-flex h-7 items-center gap-1 rounded-md border border-slate-300 bg-white px-2 text-xs font-medium text-slate-600 shadow-xs hover:bg-slate-50';

/** Dense (more rows on screen) or comfortable (easier to tap). */
export function DensityToggle({ density, onChange }: { density: Density; onChange: (density: Density) => void }) {
  const t = useTranslations('common.table');
  const next: Density = density === 'dense' ? 'comfortable' : 'dense';
  const Icon = density === 'dense' ? Rows4 : Rows3;
  return (
    <button
      type="button"
      className={ICON_BUTTON}
      onClick={() => onChange(next)}
      data-testid="density-toggle"
      aria-label={t('densityLabel', { density: t(`density.${density}`) })}
      title={t(`density.${next}`)}
    >
      <Icon aria-hidden className="size-3.5" />
      <span className="max-sm:sr-only">{t(`density.${density}`)}</span>
    </button>
  );
}

/** Which columns to show; the key columns (not hideable) are left out. */
export function ColumnsMenu<T extends RowData>({ table }: { table: Table<DataTableFeatures, T> }) {
  const t = useTranslations('common.table');
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (hideable.length === 0) return null;
  return (
    <details className="relative" data-testid="columns-menu">
      <summary className={`${ICON_BUTTON} cursor-pointer list-none`}>
        <Columns3 aria-hidden className="size-3.5" />
        <span className="max-sm:sr-only">{t('columns')}</span>
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-52 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <fieldset>
          <legend className="px-1 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
            {t('showColumns')}
          </legend>
          {hideable.map((column) => {
            const header = column.columnDef.header;
            const label = column.columnDef.meta?.label ?? (typeof header === 'string' ? header : column.id);
            return (
              <label
                key={column.id}
                className="flex items-center gap-2 rounded px-1 py-1 text-sm text-slate-700 hover:bg-slate-50"
              >
                <input
                  type="checkbox"
                  className="accent-slate-900"
                  checked={column.getIsVisible()}
                  onChange={column.getToggleVisibilityHandler()}
                  data-column-toggle={column.id}
                />
                {label}
              </label>
            );
          })}
        </fieldset>
      </div>
    </details>
  );
}
