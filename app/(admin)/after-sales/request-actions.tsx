'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { AfterSalesAction } from '@/domain/after-sales/after-sales-actions';
import { parseYuanToFen } from '@/domain/shared/money';
import type { ActionResult } from '@/lib/actions/staff-action';
import {
  approveAfterSalesAction,
  cancelAfterSalesAction,
  completeReplacementAction,
  proposeRefundAction,
  receiveAndInspectAction,
  recordReturnParcelAction,
  rejectAfterSalesAction,
  sendRefundAction,
  shipReplacementAction,
} from './actions';

export interface ActionContext {
  requestId: number;
  carriers: { id: number; label: string }[];
  warehouses: { id: number; label: string }[];
  lines: { id: number; label: string; quantity: number; shippedFrom: number | null }[];
}

const input = 'h-8 rounded-md border border-slate-300 px-2 text-sm';
const button = 'h-8 rounded-md bg-slate-900 px-3 text-sm font-medium text-white disabled:opacity-60';

/** Fen from a yuan field; empty stays undefined, a bad amount is NaN (the server refuses it). */
function fen(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? '').trim();
  if (text === '') return undefined;
  const parsed = parseYuanToFen(text);
  return parsed.ok ? parsed.fen : Number.NaN;
}

/** One small form per action the person may take now; each calls its server action and shows the outcome. */
export function RequestActions({ actions, context }: { actions: AfterSalesAction[]; context: ActionContext }) {
  const t = useTranslations('after-sales');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, startTransition] = useTransition();
  const { requestId } = context;

  const submit = (run: (form: FormData) => Promise<ActionResult<unknown>>) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => setResult(await run(form)));
  };
  const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim() || undefined;

  return (
    <div className="space-y-3" data-testid="after-sales-actions">
      {actions.length === 0 && <p className="text-sm text-slate-500">{t('detail.noActions')}</p>}
      {actions.includes('approve') && (
        <form onSubmit={submit(() => approveAfterSalesAction({ requestId }))}>
          <button type="submit" disabled={isPending} className={button} data-testid="approve">
            {t('actions.approve')}
          </button>
        </form>
      )}
      {actions.includes('reject') && (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={submit((f) => rejectAfterSalesAction({ requestId, reason: text(f, 'reason') ?? '' }))}
        >
          <input
            name="reason"
            required
            maxLength={500}
            placeholder={t('actions.reason')}
            aria-label={t('actions.reason')}
            className={`${input} min-w-64 flex-1`}
          />
          <button type="submit" disabled={isPending} className={button}>
            {t('actions.reject')}
          </button>
        </form>
      )}
      {actions.includes('record_return') && (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={submit((f) =>
            recordReturnParcelAction({
              requestId,
              carrierId: Number(f.get('carrierId')),
              trackingNumber: String(f.get('trackingNumber') ?? ''),
            }),
          )}
        >
          <select name="carrierId" aria-label={t('actions.carrier')} className={input}>
            {context.carriers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <input
            name="trackingNumber"
            required
            placeholder={t('actions.trackingNumber')}
            aria-label={t('actions.trackingNumber')}
            className={input}
          />
          <button type="submit" disabled={isPending} className={button}>
            {t('actions.record_return')}
          </button>
        </form>
      )}
      {actions.includes('receive') && (
        <form
          className="space-y-2 rounded-md border border-slate-200 p-3"
          data-testid="receive-form"
          onSubmit={submit((f) =>
            receiveAndInspectAction({
              requestId,
              note: text(f, 'note'),
              lines: context.lines.map((l) => ({
                lineId: l.id,
                restock: Number(f.get(`restock-${l.id}`) || 0),
                damaged: Number(f.get(`damaged-${l.id}`) || 0),
                scrap: Number(f.get(`scrap-${l.id}`) || 0),
                restockWarehouseId: Number(f.get(`warehouse-${l.id}`)) || undefined,
              })),
            }),
          )}
        >
          <p className="text-sm font-medium">{t('actions.receive')}</p>
          {context.lines.map((l) => (
            <div key={l.id} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="min-w-48">
                {l.label} × {l.quantity}
              </span>
              {(['restock', 'damaged', 'scrap'] as const).map((kind) => (
                <label key={kind} className="flex items-center gap-1">
                  {t(`actions.${kind}`)}
                  <input
                    name={`${kind}-${l.id}`}
                    type="number"
                    min={0}
                    max={l.quantity}
                    defaultValue={0}
                    className={`${input} w-16`}
                  />
                </label>
              ))}
              <select
                name={`warehouse-${l.id}`}
                defaultValue={l.shippedFrom ?? ''}
                aria-label={t('actions.warehouse')}
                className={input}
              >
                {context.warehouses.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" disabled={isPending} className={button}>
            {t('actions.submit')}
          </button>
        </form>
      )}
      {actions.includes('propose_refund') && (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={submit((f) => proposeRefundAction({ requestId, restockingFeeCents: fen(f.get('fee')) ?? 0 }))}
        >
          <input
            name="fee"
            inputMode="decimal"
            placeholder={t('actions.restockingFee')}
            aria-label={t('actions.restockingFee')}
            className={input}
          />
          <button type="submit" disabled={isPending} className={button}>
            {t('actions.propose_refund')}
          </button>
        </form>
      )}
      {actions.includes('send_refund') && (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={submit((f) =>
            sendRefundAction({ requestId, amountCents: fen(f.get('amount')), reference: text(f, 'reference') }),
          )}
        >
          <input
            name="amount"
            inputMode="decimal"
            placeholder={t('actions.amount')}
            aria-label={t('actions.amount')}
            className={input}
          />
          <input
            name="reference"
            placeholder={t('actions.reference')}
            aria-label={t('actions.reference')}
            className={input}
          />
          <button type="submit" disabled={isPending} className={button} data-testid="send-refund">
            {t('actions.send_refund')}
          </button>
        </form>
      )}
      {actions.includes('ship_replacement') && (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={submit((f) =>
            shipReplacementAction({
              requestId,
              carrierId: Number(f.get('carrierId')),
              trackingNumber: String(f.get('trackingNumber') ?? ''),
            }),
          )}
        >
          <select name="carrierId" aria-label={t('actions.carrier')} className={input}>
            {context.carriers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <input
            name="trackingNumber"
            required
            placeholder={t('actions.trackingNumber')}
            aria-label={t('actions.trackingNumber')}
            className={input}
          />
          <button type="submit" disabled={isPending} className={button}>
            {t('actions.ship_replacement')}
          </button>
        </form>
      )}
      {actions.includes('complete_replacement') && (
        <form onSubmit={submit(() => completeReplacementAction({ requestId }))}>
          <button type="submit" disabled={isPending} className={button}>
            {t('actions.complete_replacement')}
          </button>
        </form>
      )}
      {actions.includes('cancel') && (
        <form onSubmit={submit(() => cancelAfterSalesAction({ requestId }))}>
          <button
            type="submit"
            disabled={isPending}
            className="h-8 rounded-md px-3 text-sm text-rose-700 ring-1 ring-inset ring-rose-300"
          >
            {t('actions.cancel')}
          </button>
        </form>
      )}
      {result && (
        <p className={`text-sm ${result.ok ? 'text-emerald-700' : 'text-rose-700'}`} data-testid="action-result">
          {result.ok
            ? t('actions.done')
            : [
                result.message,
                ...(result.code === 'invalid' ? Object.values(result.fieldErrors ?? {}).flat() : []),
              ].join(' ')}
        </p>
      )}
    </div>
  );
}
