'use client';

import { useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { compactFieldClass } from '@/components/ui/form-field';
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

type Run = (form: FormData, requestId: number) => Promise<ActionResult<unknown>>;

/** Fen from a yuan field; empty stays undefined, a bad amount is NaN (the server refuses it). */
function fen(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? '').trim();
  if (text === '') return undefined;
  const parsed = parseYuanToFen(text);
  return parsed.ok ? parsed.fen : Number.NaN;
}
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim() || undefined;
const count = (form: FormData, name: string) => Number(form.get(name) || 0);

/** How each action turns its form into the server action's input. */
const RUN: Record<AfterSalesAction, Run> = {
  approve: (_, requestId) => approveAfterSalesAction({ requestId }),
  reject: (f, requestId) => rejectAfterSalesAction({ requestId, reason: text(f, 'reason') ?? '' }),
  cancel: (_, requestId) => cancelAfterSalesAction({ requestId }),
  record_return: (f, requestId) =>
    recordReturnParcelAction({
      requestId,
      carrierId: Number(f.get('carrierId')),
      trackingNumber: String(f.get('trackingNumber') ?? ''),
    }),
  receive: (f, requestId) =>
    receiveAndInspectAction({
      requestId,
      note: text(f, 'note'),
      lines: f.getAll('lineId').map((id) => ({
        lineId: Number(id),
        restock: count(f, `restock-${id}`),
        damaged: count(f, `damaged-${id}`),
        scrap: count(f, `scrap-${id}`),
        restockWarehouseId: Number(f.get(`warehouse-${id}`)) || undefined,
      })),
    }),
  propose_refund: (f, requestId) => proposeRefundAction({ requestId, restockingFeeCents: fen(f.get('fee')) ?? 0 }),
  send_refund: (f, requestId) =>
    sendRefundAction({ requestId, amountCents: fen(f.get('amount')), reference: text(f, 'reference') }),
  ship_replacement: (f, requestId) =>
    shipReplacementAction({
      requestId,
      carrierId: Number(f.get('carrierId')),
      trackingNumber: String(f.get('trackingNumber') ?? ''),
    }),
  complete_replacement: (_, requestId) => completeReplacementAction({ requestId }),
};

/** The order the forms appear in (cancelling last: it is the buyer's withdrawal, not the next step). */
const ORDER: readonly AfterSalesAction[] = [
  'approve',
  'reject',
  'record_return',
  'receive',
  'propose_refund',
  'send_refund',
  'ship_replacement',
  'complete_replacement',
  'cancel',
];

/** One form per action the person may take now: its fields, one button, the outcome below all of them. */
export function RequestActions({ actions, context }: { actions: AfterSalesAction[]; context: ActionContext }) {
  const t = useTranslations('after-sales');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, startTransition] = useTransition();
  const { requestId } = context;

  const onSubmit = (action: AfterSalesAction) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => setResult(await RUN[action](form, requestId)));
  };
  const field = (name: string, label: string, extra: React.ComponentProps<'input'> = {}) => (
    <input name={name} placeholder={label} aria-label={label} className={compactFieldClass} {...extra} />
  );
  const carrierFields = (
    <>
      <select name="carrierId" aria-label={t('actions.carrier')} className={compactFieldClass}>
        {context.carriers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      {field('trackingNumber', t('actions.trackingNumber'), { required: true })}
    </>
  );
  const receiveFields = (
    <div className="w-full space-y-2">
      {context.lines.map((l) => (
        <div key={l.id} className="flex flex-wrap items-center gap-2 text-sm">
          <input type="hidden" name="lineId" value={l.id} />
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
                className={`${compactFieldClass} w-16`}
              />
            </label>
          ))}
          <select
            name={`warehouse-${l.id}`}
            defaultValue={l.shippedFrom ?? ''}
            aria-label={t('actions.warehouse')}
            className={compactFieldClass}
          >
            {context.warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
  const FIELDS: Partial<Record<AfterSalesAction, ReactNode>> = {
    reject: field('reason', t('actions.reason'), {
      required: true,
      maxLength: 500,
      className: `${compactFieldClass} min-w-64 flex-1`,
    }),
    record_return: carrierFields,
    receive: receiveFields,
    propose_refund: field('fee', t('actions.restockingFee'), { inputMode: 'decimal' }),
    send_refund: (
      <>
        {field('amount', t('actions.amount'), { inputMode: 'decimal' })}
        {field('reference', t('actions.reference'))}
      </>
    ),
    ship_replacement: carrierFields,
  };

  return (
    <div className="space-y-3" data-testid="after-sales-actions">
      {actions.length === 0 && <p className="text-sm text-slate-500">{t('detail.noActions')}</p>}
      {ORDER.filter((action) => actions.includes(action)).map((action) => (
        <form
          key={action}
          className={`flex flex-wrap items-center gap-2${action === 'receive' ? ' rounded-md border border-slate-200 p-3' : ''}`}
          data-testid={`${action.replaceAll('_', '-')}-form`}
          onSubmit={onSubmit(action)}
        >
          {FIELDS[action]}
          <Button
            type="submit"
            disabled={isPending}
            variant={action === 'cancel' ? 'secondary' : 'primary'}
            data-testid={action.replaceAll('_', '-')}
          >
            {t(`actions.${action}`)}
          </Button>
        </form>
      ))}
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
