'use client';

import { useState } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { columnHelper } from '@/components/data-table/features';
import { FilterBar } from '@/components/data-table/filter-bar';
import { StatusBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { fieldClass, FormField } from '@/components/ui/form-field';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import type { OrderStatus } from '@/domain/orders/order-status';
import { formatMoney } from '@/domain/shared/money';

interface SampleRow {
  id: number;
  number: string;
  customer: string;
  totalCents: number;
  status: OrderStatus;
}

const SAMPLE: SampleRow[] = [
  { id: 1, number: 'SO261207000001', customer: '张三', totalCents: 128_000, status: 'paid' },
  { id: 2, number: 'SO261207000002', customer: 'Li Na', totalCents: 4_990, status: 'pending_payment' },
  { id: 3, number: 'SO261207000003', customer: '王五', totalCents: 56_800, status: 'shipped' },
];
const column = columnHelper<SampleRow>();

/** The client pieces: dialog, form field, toast, filter bar. */
export function ShowcaseInteractive() {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <SectionCard title="Dialog, form field, toast, filter bar">
      <div className="space-y-4">
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setIsOpen(true)}>
            Open dialog
          </Button>
          <Button variant="secondary" onClick={() => toast.success('Order reviewed')}>
            Show a toast
          </Button>
        </div>
        <div className="grid max-w-xl gap-3 sm:grid-cols-2">
          <FormField label="Note" hint="Up to 500 characters">
            <input className={fieldClass} />
          </FormField>
          <FormField label="Quantity" error="Must be at least 1" required>
            <input className={fieldClass} defaultValue="-3" />
          </FormField>
        </div>
        <FilterBar
          submitLabel="Apply"
          resetLabel="Reset"
          resetHref="/dev/ui"
          fields={[
            { name: 'q', kind: 'search', label: 'Search', isWide: true },
            { name: 'from', kind: 'date', label: 'From' },
            {
              name: 'state',
              kind: 'select',
              label: 'State',
              options: [
                { value: '', label: 'Any' },
                { value: 'paid', label: 'Paid' },
              ],
            },
          ]}
        />
        {isOpen && (
          <Dialog
            title="Cancel 2 orders"
            description="Stock is released and the buyers are told."
            onClose={() => setIsOpen(false)}
          >
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setIsOpen(false)}>
                Close
              </Button>
              <Button variant="danger" onClick={() => setIsOpen(false)}>
                Cancel orders
              </Button>
            </div>
          </Dialog>
        )}
      </div>
    </SectionCard>
  );
}

/** The data table with sample rows, and its loading, error and empty states. */
export function ShowcaseTables({ locale }: { locale: string }) {
  const columns = [
    column.accessor('number', {
      header: 'Order',
      enableHiding: false,
      meta: { sticky: true, className: 'font-mono text-[13px]' },
    }),
    column.accessor('customer', { header: 'Customer' }),
    column.accessor('totalCents', {
      header: 'Total',
      meta: { align: 'right' },
      cell: ({ getValue }) => formatMoney(getValue(), 'CNY', locale),
    }),
    column.accessor('status', {
      header: 'Status',
      enableSorting: false,
      cell: ({ getValue }) => <StatusBadge kind="order" status={getValue()} />,
    }),
  ];
  return (
    <div className="divide-y divide-slate-200">
      <DataTable
        id="showcase-table"
        columns={columns}
        data={SAMPLE}
        getRowId={(row) => String(row.id)}
        summary="3 orders"
        selection={{ label: (row) => `Select ${row.number}` }}
        bulkActions={(selected, clear) => (
          <div className="flex items-center gap-2 text-sm">
            <span>{selected.length} selected</span>
            <Button
              size="sm"
              variant="secondary"
              disabled={selected.length === 0}
              onClick={() => {
                toast(`${selected.length} reviewed`);
                clear();
              }}
            >
              Review
            </Button>
          </div>
        )}
      />
      <DataTable
        id="showcase-loading"
        columns={columns}
        data={[]}
        getRowId={(row) => String(row.id)}
        state="loading"
        isPlain
      />
      <DataTable
        id="showcase-error"
        columns={columns}
        data={[]}
        getRowId={(row) => String(row.id)}
        state="error"
        isPlain
      />
      <DataTable
        id="showcase-empty"
        columns={columns}
        data={[]}
        getRowId={(row) => String(row.id)}
        emptyMessage="No orders match these filters."
        isPlain
      />
    </div>
  );
}
