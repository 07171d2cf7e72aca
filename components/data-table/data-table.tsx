'use client';

import {
  useTable,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  type ColumnVisibilityState,
  type RowData,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { dataTableFeatures, type DataTableColumn } from './features';
import { ColumnsMenu, DensityToggle } from './table-settings';
import { useTablePreferences } from './use-table-preferences';

export interface DataTableProps<T extends RowData> {
  /** the table's test id and the key its column and density choices are remembered under */
  id: string;
  columns: DataTableColumn<T>[];
  data: readonly T[];
  getRowId: (row: T) => string;
  /** attributes on each row (test hooks such as data-order-id) */
  rowAttributes?: (row: T) => Record<`data-${string}`, string | number | boolean | undefined>;
  /** a row-level class (e.g. highlight a row that needs attention) */
  rowClassName?: (row: T) => string;
  /** shown instead of the rows */
  state?: 'ready' | 'loading' | 'error';
  emptyTitle?: string;
  emptyMessage?: React.ReactNode;
  errorMessage?: React.ReactNode;
  /** a checkbox per row; the selected rows are handed to `bulkActions` */
  selection?: {
    label: (row: T) => string;
    /** attributes on the row checkbox (test hooks) */
    checkboxAttributes?: (row: T) => Record<`data-${string}`, string>;
    canSelect?: (row: T) => boolean;
  };
  bulkActions?: (selected: T[], clear: () => void) => React.ReactNode;
  /** server-side sorting (keyset lists sort in SQL): the current sort and how to change it */
  sorting?: { state: SortingState; onChange: OnChangeFn<SortingState> };
  /** the toolbar's left side: usually the count ("1,234 orders") */
  summary?: React.ReactNode;
  /** column ids hidden until the person shows them */
  defaultHidden?: string[];
  /** no column menu or density switch (small tables inside a card) */
  isPlain?: boolean;
  /** the rows scroll under a header that stays put (long lists) */
  hasStickyHeader?: boolean;
  caption?: string;
  /** a totals row (a <tr>) under the rows, in a <tfoot>; shown when there are rows */
  footer?: React.ReactNode;
}

/**
 * The console's one table. Column definitions in, a <table> out, with sorting, row selection for
 * bulk actions, column visibility, dense/comfortable spacing and empty/loading/error states. On a
 * narrow screen it scrolls sideways inside its card with the sticky (key) columns held in place.
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const {
    id,
    columns,
    data,
    getRowId,
    selection,
    bulkActions,
    sorting,
    isPlain = false,
    hasStickyHeader = false,
  } = props;
  const t = useTranslations('common.table');
  const [preferences, setPreferences] = useTablePreferences(id, props.defaultHidden);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [clientSorting, setClientSorting] = useState<SortingState>([]);

  const allColumns = useMemo<DataTableColumn<T>[]>(() => {
    if (!selection) return columns;
    const select: DataTableColumn<T> = {
      id: 'select',
      enableSorting: false,
      enableHiding: false,
      meta: { sticky: true, className: 'w-8' },
      header: ({ table }) => (
        <input
          type="checkbox"
          className={CHECKBOX}
          aria-label={t('selectAll')}
          data-testid="select-all"
          checked={table.getIsAllPageRowsSelected()}
          ref={(el) => {
            if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
          }}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          className={CHECKBOX}
          aria-label={selection.label(row.original)}
          checked={row.getIsSelected()}
          disabled={!row.getCanSelect()}
          onChange={row.getToggleSelectedHandler()}
          {...selection.checkboxAttributes?.(row.original)}
        />
      ),
    };
    return [select, ...columns];
  }, [columns, selection, t]);

  // a new set of rows (another page) keeps only the selected ids still shown
  const visibleSelection = useMemo(() => {
    const ids = new Set(data.map(getRowId));
    return Object.fromEntries(Object.entries(rowSelection).filter(([rowId, on]) => on && ids.has(rowId)));
  }, [data, getRowId, rowSelection]);

  const columnVisibility = useMemo(
    () => Object.fromEntries(preferences.hidden.map((column) => [column, false])) as ColumnVisibilityState,
    [preferences.hidden],
  );
  const onColumnVisibilityChange: OnChangeFn<ColumnVisibilityState> = (updater) => {
    const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
    setPreferences({ ...preferences, hidden: Object.keys(next).filter((column) => next[column] === false) });
  };

  const table = useTable({
    features: dataTableFeatures,
    columns: allColumns,
    data: data as T[],
    getRowId: (row: T) => getRowId(row),
    // keyset lists sort in SQL: the header asks the page to change the URL instead of sorting rows
    manualSorting: Boolean(sorting),
    state: { sorting: sorting ? sorting.state : clientSorting, columnVisibility, rowSelection: visibleSelection },
    onSortingChange: sorting ? sorting.onChange : setClientSorting,
    onColumnVisibilityChange,
    onRowSelectionChange: setRowSelection,
    enableRowSelection: selection ? (row) => selection.canSelect?.(row.original) ?? true : false,
    enableSortingRemoval: false,
  });

  const selected = table.getSelectedRowModel().rows.map((row) => row.original);
  const state = props.state ?? 'ready';
  const visibleColumnCount = table.getVisibleLeafColumns().length;
  const showToolbar = !isPlain || props.summary;

  return (
    <div className="min-w-0" data-table={id}>
      {showToolbar && (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
          <div className="min-w-0 text-sm text-slate-600">{props.summary}</div>
          {!isPlain && (
            <div className="flex items-center gap-2">
              <DensityToggle
                density={preferences.density}
                onChange={(density) => setPreferences({ ...preferences, density })}
              />
              <ColumnsMenu table={table} />
            </div>
          )}
        </div>
      )}
      {bulkActions && selection && (
        <div className="border-b border-slate-200 px-3 py-2">{bulkActions(selected, () => setRowSelection({}))}</div>
      )}
      <div className={`overflow-x-auto ${hasStickyHeader ? 'md:max-h-[calc(100dvh-13rem)] md:overflow-y-auto' : ''}`}>
        <table
          className="data-table w-full border-collapse text-sm"
          data-testid={id}
          data-density={preferences.density}
          aria-busy={state === 'loading'}
        >
          {props.caption && <caption className="sr-only">{props.caption}</caption>}
          <thead className={`bg-slate-50 ${hasStickyHeader ? 'sticky top-0 z-20' : ''}`}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="border-b border-slate-200">
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sort = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      data-col={header.column.id}
                      aria-sort={sort === 'asc' ? 'ascending' : sort === 'desc' ? 'descending' : undefined}
                      data-sticky={meta?.sticky ? stickyOf(header.column.id, Boolean(selection)) : undefined}
                      className={`${HEAD} ${meta?.align === 'right' ? 'text-right' : 'text-left'} ${meta?.className ?? ''}`}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={`inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-800 ${meta?.align === 'right' ? 'flex-row-reverse' : ''}`}
                        >
                          <table.FlexRender header={header} />
                          {sort === 'asc' ? (
                            <ArrowUp aria-hidden className="size-3" />
                          ) : sort === 'desc' ? (
                            <ArrowDown aria-hidden className="size-3" />
                          ) : (
                            <ArrowUpDown aria-hidden className="size-3 opacity-40" />
                          )}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {state === 'ready' &&
              table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  {...props.rowAttributes?.(row.original)}
                  className={joinClasses(row.getIsSelected() && 'bg-sky-50/40', props.rowClassName?.(row.original))}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <td
                        key={cell.id}
                        data-col={cell.column.id}
                        data-align={meta?.align === 'right' ? 'right' : undefined}
                        data-sticky={meta?.sticky ? stickyOf(cell.column.id, Boolean(selection)) : undefined}
                        className={meta?.className || undefined}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            {state === 'loading' &&
              Array.from({ length: 5 }, (_, index) => (
                <tr key={index} data-loading-row>
                  {Array.from({ length: visibleColumnCount }, (_, cell) => (
                    <td key={cell}>
                      <span className="block h-3.5 animate-pulse rounded bg-slate-100" />
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
          {props.footer && state === 'ready' && data.length > 0 && (
            <tfoot className="border-t border-slate-200 bg-slate-50/60">{props.footer}</tfoot>
          )}
        </table>
        {state === 'ready' && data.length === 0 && (
          <div className="px-6 py-14 text-center" data-testid={`${id}-empty`}>
            <p className="text-sm font-medium text-slate-900">{props.emptyTitle ?? t('emptyTitle')}</p>
            {props.emptyMessage && <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">{props.emptyMessage}</p>}
          </div>
        )}
        {state === 'error' && (
          <div className="px-6 py-14 text-center" data-testid={`${id}-error`} role="status">
            <p className="text-sm font-medium text-rose-700">{t('errorTitle')}</p>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">{props.errorMessage ?? t('errorBody')}</p>
          </div>
        )}
      </div>
    </div>
  );
}

const HEAD = 'whitespace-nowrap px-3 py-2 text-[11px] font-semibold uppercase tracking-wide text-slate-500';
/** Which kind of key column a cell is; app/globals.css (.data-table [data-sticky]) holds them in place on a phone. */
function stickyOf(columnId: string, hasSelection: boolean): string {
  if (columnId === 'select') return 'select';
  return hasSelection ? 'key-after-select' : 'key';
}

/** The class attribute from the parts that apply; none at all when nothing applies. */
function joinClasses(...parts: (string | false | undefined)[]): string | undefined {
  return parts.filter(Boolean).join(' ') || undefined;
}
const CHECKBOX = 'data-table-check';
