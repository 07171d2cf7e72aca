'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { parseAsString, useQueryStates } from 'nuqs';
import { useMemo, useTransition } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { columnHelper } from '@/components/data-table/features';
import { FulfillmentStateLabel, PaymentStateLabel, StatusBadge } from '@/components/orders/status-badge';
import { Badge } from '@/components/ui/badge';
import type { OrderListRow } from '@/domain/orders/list-orders';
import type { OrderListSort } from '@/domain/orders/order-list-filters';
import { formatMoney } from '@/domain/shared/money';
import { BulkActionBar } from './bulk-selection';
import { BulkPrintLinks } from './bulk-print-links';

const column = columnHelper<OrderListRow>();
const DATE_TIME = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/** The orders list on the shared data table; the whole row opens the order, the headers sort in SQL. */
export function OrdersTable({
  rows,
  locale,
  sort,
  emptyMessage,
  summary,
  canWrite,
  canPrint,
}: {
  rows: OrderListRow[];
  locale: string;
  sort: OrderListSort;
  emptyMessage: string;
  summary: React.ReactNode;
  canWrite: boolean;
  canPrint: boolean;
}) {
  const t = useTranslations('orders');
  const format = useFormatter();
  const [, startTransition] = useTransition();
  const [, setUrl] = useQueryStates(
    { sort: parseAsString, cursor: parseAsString },
    { shallow: false, history: 'push', startTransition },
  );

  const columns = useMemo(
    () => [
      column.accessor('number', {
        header: t('list.columns.number'),
        enableHiding: false,
        enableSorting: false,
        meta: { sticky: true, className: 'font-mono text-[13px]' },
        cell: ({ row }) => (
          <>
            {/* .row-link's ::after covers the row, so a click anywhere opens the order */}
            <Link href={`/orders/${row.original.id}`} className="row-link">
              {row.original.number}
            </Link>
            {row.original.isArchived && <Badge className="ml-2 font-sans">{t('list.archived')}</Badge>}
          </>
        ),
      }),
      column.accessor('placedAt', {
        header: t('list.columns.placedAt'),
        meta: { className: 'whitespace-nowrap tabular-nums text-slate-600' },
        cell: ({ getValue }) => format.dateTime(getValue(), DATE_TIME),
      }),
      column.accessor('customerName', {
        header: t('list.columns.customer'),
        enableSorting: false,
        meta: { className: 'whitespace-nowrap' },
        cell: ({ row }) => (
          <>
            {row.original.customerName}
            {row.original.customerPhone && (
              <span className="ml-1.5 tabular-nums text-slate-400">{row.original.customerPhone}</span>
            )}
          </>
        ),
      }),
      column.accessor('itemCount', {
        header: t('list.columns.items'),
        enableSorting: false,
        meta: { align: 'right', className: 'text-slate-600' },
      }),
      column.accessor('totalCents', {
        id: 'total',
        header: t('list.columns.total'),
        meta: { align: 'right', className: 'whitespace-nowrap font-medium text-slate-900' },
        cell: ({ row }) => formatMoney(row.original.totalCents, row.original.currency, locale),
      }),
      column.accessor('paymentState', {
        header: t('list.columns.payment'),
        enableSorting: false,
        cell: ({ getValue }) => <PaymentStateLabel state={getValue()} />,
      }),
      column.accessor('fulfillmentState', {
        header: t('list.columns.fulfillment'),
        enableSorting: false,
        cell: ({ getValue }) => <FulfillmentStateLabel state={getValue()} />,
      }),
      column.accessor('status', {
        header: t('list.columns.status'),
        enableSorting: false,
        cell: ({ getValue }) => <StatusBadge status={getValue()} />,
      }),
    ],
    [t, format, locale],
  );

  // the list is sorted in SQL by placed time or total; a header click rewrites ?sort= and starts from page one
  const sortColumn = sort.startsWith('total') ? 'total' : 'placedAt';
  const isSelectable = canWrite || canPrint;

  return (
    <DataTable
      id="orders-table"
      columns={columns}
      data={rows}
      getRowId={(row) => String(row.id)}
      rowAttributes={(row) => ({ 'data-order-id': row.id })}
      summary={summary}
      emptyTitle={t('list.emptyTitle')}
      emptyMessage={emptyMessage}
      hasStickyHeader
      defaultHidden={[]}
      sorting={{
        state: [{ id: sortColumn, desc: sort.endsWith('desc') }],
        onChange: (updater) => {
          const next =
            typeof updater === 'function' ? updater([{ id: sortColumn, desc: sort.endsWith('desc') }]) : updater;
          const [first] = next;
          if (!first) return;
          const value = `${first.id === 'total' ? 'total' : 'placed'}_${first.desc ? 'desc' : 'asc'}`;
          void setUrl({ sort: value === 'placed_desc' ? null : value, cursor: null });
        },
      }}
      selection={
        isSelectable
          ? {
              label: (row) => t('actions.bulk.selectOrder', { number: row.number }),
              checkboxAttributes: (row) => ({ 'data-select-order': row.number }),
            }
          : undefined
      }
      bulkActions={
        isSelectable && rows.length > 0
          ? (selected, clear) => (
              <div className="space-y-2">
                <BulkActionBar canWrite={canWrite} selectedIds={selected.map((row) => row.id)} onDone={clear} />
                {canPrint && <BulkPrintLinks orderIds={selected.map((row) => row.id)} />}
              </div>
            )
          : undefined
      }
    />
  );
}
