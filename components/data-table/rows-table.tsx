'use client';

import { useMemo } from 'react';
import { DataTable, type DataTableProps } from './data-table';
import { columnHelper, type DataTableColumn } from './features';

/** A column of a table whose cells the server already rendered. */
export interface TableColumn {
  id: string;
  header: string;
  align?: 'left' | 'right';
  /** the key column: stays in view when the table scrolls sideways on a phone */
  sticky?: boolean;
  className?: string;
  /** sort the shown rows by this column's sortValue (lists of one page; keyset lists sort in SQL) */
  canSort?: boolean;
  /** may be hidden from the column menu (default: every column but the key column) */
  canHide?: boolean;
  /** the header is read by screen readers only (a checkbox column) */
  isHeaderHidden?: boolean;
}

export interface TableRow {
  id: string | number;
  /** the rendered cell of each column, by column id */
  cells: Record<string, React.ReactNode>;
  sortValues?: Record<string, string | number | null>;
  attributes?: Record<`data-${string}`, string | number | boolean | undefined>;
  className?: string;
}

const column = columnHelper<TableRow>();

/**
 * The data table for pages that render their cells on the server: a server component passes
 * rendered cells (React elements travel from server to client), the table adds sorting, column
 * visibility, density, sticky header and the empty state. Same markup and look as DataTable. A client
 * component around it may add row selection and bulk actions (functions cannot come from the server).
 */
export function RowsTable({
  columns,
  rows,
  ...props
}: {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
} & Omit<DataTableProps<TableRow>, 'columns' | 'data' | 'getRowId' | 'rowAttributes' | 'rowClassName'>) {
  const signature = JSON.stringify(columns);
  const definitions = useMemo<DataTableColumn<TableRow>[]>(
    () =>
      (JSON.parse(signature) as TableColumn[]).map((spec) =>
        column.accessor((row) => row.sortValues?.[spec.id] ?? null, {
          id: spec.id,
          header: spec.isHeaderHidden ? () => <span className="sr-only">{spec.header}</span> : spec.header,
          enableSorting: spec.canSort ?? false,
          enableHiding: spec.canHide ?? !spec.sticky,
          meta: { align: spec.align, sticky: spec.sticky, className: spec.className, label: spec.header },
          cell: ({ row }) => row.original.cells[spec.id] ?? null,
        }),
      ),
    [signature],
  );
  return (
    <DataTable
      {...props}
      isPlain={props.isPlain ?? true}
      columns={definitions}
      data={rows}
      getRowId={(row) => String(row.id)}
      rowAttributes={(row) => row.attributes ?? {}}
      rowClassName={(row) => row.className ?? ''}
    />
  );
}
