'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/staff-action';
import { bulkShipAction, bulkShipCsvAction, type BulkShipReportRow } from '../actions';

const field =
  'h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/20';
const button =
  'h-8 rounded-md bg-slate-900 px-3 text-sm font-medium text-white shadow-xs hover:bg-slate-800 disabled:cursor-wait disabled:opacity-60';

interface OrderRow {
  number: string;
  recipient: string;
  carrierId: number | null;
  /** the e-waybill taken for the order's parcel: the number is already known */
  waybillNumber?: string | null;
  status: string;
}

/** A tracking number per order, typed or scanned (a scanner's Enter moves to the next order). */
export function BulkShipForm({ orders, carriers }: { orders: OrderRow[]; carriers: { id: number; name: string }[] }) {
  const t = useTranslations('shipping.bulk');
  const [result, setResult] = useState<ActionResult<BulkShipReportRow[]> | null>(null);
  const [isPending, startTransition] = useTransition();
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const items = orders
      .map((o) => ({
        orderNumber: o.number,
        carrierId: String(form.get(`carrier-${o.number}`) ?? ''),
        trackingNumber: String(form.get(`tracking-${o.number}`) ?? ''),
      }))
      .filter((item) => item.trackingNumber.trim() !== '');
    startTransition(async () =>
      setResult(await bulkShipAction({ items: items.map((i) => ({ ...i, carrierId: Number(i.carrierId) || 0 })) })),
    );
  };
  // scanners end with Enter: go to the next number instead of submitting half the list
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    const inputs = [...(event.currentTarget.form?.querySelectorAll<HTMLInputElement>('input[data-tracking]') ?? [])];
    const next = inputs[inputs.indexOf(event.currentTarget) + 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="bulk-ship-form">
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-[11px] uppercase tracking-wide text-slate-500">
            <th className="py-1 font-semibold">{t('order')}</th>
            <th className="py-1 font-semibold">{t('recipient')}</th>
            <th className="w-48 py-1 font-semibold">{t('carrier')}</th>
            <th className="w-64 py-1 font-semibold">{t('trackingNumber')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.map((order) => (
            <tr key={order.number} data-testid="bulk-ship-row" data-order-number={order.number}>
              <td className="py-1.5 pr-2 font-mono text-xs">{order.number}</td>
              <td className="py-1.5 pr-2 text-slate-600">{order.recipient}</td>
              <td className="py-1.5 pr-2">
                <select
                  name={`carrier-${order.number}`}
                  defaultValue={order.carrierId ?? ''}
                  className={field}
                  aria-label={t('carrierFor', { number: order.number })}
                >
                  <option value="">{t('chooseCarrier')}</option>
                  {carriers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-1.5">
                <input
                  name={`tracking-${order.number}`}
                  data-tracking
                  defaultValue={order.waybillNumber ?? ''}
                  autoComplete="off"
                  maxLength={40}
                  onKeyDown={onKeyDown}
                  className={`${field} font-mono`}
                  aria-label={t('trackingFor', { number: order.number })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" disabled={isPending} className={button} data-testid="bulk-ship-submit">
        {isPending ? t('shipping') : t('submit')}
      </button>
      <BulkShipReport result={result} />
    </form>
  );
}

/** A CSV file: order number, carrier code, tracking number per line (a header line is allowed). */
export function BulkShipCsvForm() {
  const t = useTranslations('shipping.bulk');
  const [result, setResult] = useState<ActionResult<BulkShipReportRow[]> | null>(null);
  const [isPending, startTransition] = useTransition();
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return;
    startTransition(async () => setResult(await bulkShipCsvAction({ csv: await file.text() })));
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="bulk-ship-csv-form">
      <input type="file" name="file" accept=".csv,.txt,text/csv" required className="block text-sm text-slate-700" />
      <button type="submit" disabled={isPending} className={button}>
        {isPending ? t('shipping') : t('importCsv')}
      </button>
      <BulkShipReport result={result} />
    </form>
  );
}

function BulkShipReport({ result }: { result: ActionResult<BulkShipReportRow[]> | null }) {
  const t = useTranslations('shipping.bulk');
  if (!result) return null;
  if (!result.ok) {
    const details = Object.entries(result.fieldErrors ?? {}).map(([key, messages]) => `${key}: ${messages.join(' ')}`);
    return (
      <p
        className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
        data-testid="bulk-ship-error"
      >
        {[result.message, ...details].join(' ')}
      </p>
    );
  }
  const succeeded = result.data.filter((r) => r.ok).length;
  return (
    <div className="space-y-2" data-testid="bulk-ship-report">
      <p className="text-sm text-slate-700">{t('summary', { succeeded, failed: result.data.length - succeeded })}</p>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
        {result.data.map((row, index) => (
          <li
            key={`${row.orderNumber}-${index}`}
            className="flex flex-wrap items-center gap-3 px-3 py-1.5"
            data-testid="bulk-ship-result"
            data-order-number={row.orderNumber}
            data-ok={row.ok}
          >
            {row.row !== undefined && (
              <span className="w-14 text-xs text-slate-400">{t('line', { row: row.row })}</span>
            )}
            <span className="font-mono text-xs">
              {row.orderId ? (
                <Link href={`/orders/${row.orderId}`} className="text-sky-700 hover:underline">
                  {row.orderNumber}
                </Link>
              ) : (
                row.orderNumber
              )}
            </span>
            <span className={row.ok ? 'text-emerald-700' : 'text-rose-700'}>
              {row.ok ? '✓' : '✗'} {row.message}
            </span>
            {row.shipmentId && (
              <Link
                href={`/shipping/shipments/${row.shipmentId}`}
                className="font-mono text-xs text-sky-700 hover:underline"
                data-testid="bulk-ship-shipment-link"
              >
                {row.trackingNumber}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
