import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSelectionFeature,
  rowSortingFeature,
  sortFns,
  tableFeatures,
  type ColumnDef,
  type RowData,
} from '@tanstack/react-table';

/** What a column may say about how it is drawn (the table reads these; TanStack Table ignores them). */
export interface DataTableColumnMeta {
  /** right-aligned numbers (quantities, money) */
  align?: 'left' | 'right';
  /** stays in view when the table scrolls sideways on a phone: the key column, e.g. the order number */
  sticky?: boolean;
  /** extra classes on the column's cells */
  className?: string;
  /** the header's text in the column menu when the header itself is not text */
  label?: string;
}

/** The features every console table has: sorting, row selection, column visibility. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;
// a list of columns mixes value types; TanStack's own `helper.columns` types them the same way
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, any>;

/** Typed column definitions for a row type: `const column = columnHelper<OrderListRow>()`. */
export function columnHelper<T extends RowData>() {
  return createColumnHelper<DataTableFeatures, T>();
}
