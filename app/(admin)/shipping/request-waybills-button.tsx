'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/staff-action';
import { requestWaybillsAction, type WaybillReportRow } from './actions';

/**
 * "Request e-waybills" for the orders ticked in the queue's form: every parcel gets its number from
 * the carrier (a parcel that has one keeps it), with a line per parcel and a link to print the labels.
 */
export function RequestWaybillsButton() {
  const t = useTranslations('shipping.waybills');
  const [result, setResult] = useState<ActionResult<WaybillReportRow[]> | null>(null);
  const [isPending, startTransition] = useTransition();
  const onClick = (event: React.MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    const orders = [...(form?.querySelectorAll<HTMLInputElement>('input[name=order]:checked') ?? [])].map(
      (i) => i.value,
    );
    startTransition(async () => setResult(await requestWaybillsAction({ orders })));
  };
  const assignedIds = result?.ok ? [...new Set(result.data.filter((r) => r.ok).map((r) => r.orderId))] : [];
  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        onClick={onClick}
        disabled={isPending}
        className={buttonClass('secondary')}
        data-testid="request-waybills"
      >
        {isPending ? t('requesting') : t('request')}
      </button>
      {result && (
        <div
          className="w-full max-w-xl rounded-md border border-slate-200 bg-white p-3 text-sm shadow-xs"
          data-testid="waybill-report"
        >
          {result.ok ? (
            <>
              <p className="font-medium text-slate-900">
                {t('summary', {
                  ok: result.data.filter((r) => r.ok).length,
                  failed: result.data.filter((r) => !r.ok).length,
                })}
              </p>
              <ul className="mt-1 space-y-0.5">
                {result.data.map((row, index) => (
                  <li
                    key={`${row.orderId}-${index}`}
                    data-testid="waybill-result"
                    data-order-number={row.orderNumber}
                    data-ok={row.ok}
                    data-tracking-number={row.trackingNumber ?? ''}
                    className={row.ok ? 'text-slate-700' : 'text-rose-700'}
                  >
                    <span className="font-mono">{row.orderNumber}</span>: {row.message}
                  </li>
                ))}
              </ul>
              {assignedIds.length > 0 && (
                <a
                  href={`/print/labels?orders=${assignedIds.join(',')}&format=thermal`}
                  target="_blank"
                  rel="noopener"
                  className="mt-2 inline-block font-medium text-sky-700 hover:underline"
                  data-testid="waybill-print-labels"
                >
                  {t('printLabels')}
                </a>
              )}
            </>
          ) : (
            <p className="text-rose-700">{result.message}</p>
          )}
        </div>
      )}
    </div>
  );
}
