'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { fieldClass, primaryButton, secondaryButton } from '@/components/ui/modal-dialog';
import type { RefundableOrderLine, RefundablePayment } from '@/domain/payments/refunds/get-refund-options';
import { formatMoney } from '@/domain/shared/money';
import type { ActionResult } from '@/lib/actions/staff-action';
import { Card } from './card';
import {
  queryRefundAction,
  recordRefundTransferAction,
  requestRefundAction,
  submitRefundAction,
  type RefundActionResult,
} from './refund-actions';

export interface RefundRow {
  id: number;
  outRefundNo: string;
  amountCents: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  reason: string;
  providerRefundId: string | null;
  isManual: boolean;
  createdAt: string;
}

type Message = { tone: 'ok' | 'error'; text: string } | null;
const statusTone = {
  pending: 'bg-amber-50 text-amber-800',
  succeeded: 'bg-emerald-50 text-emerald-700',
  failed: 'bg-rose-50 text-rose-700',
} as const;

/** The order page's refunds: the form (full / by amount / by lines), the refunds with their states and actions. */
export function RefundPanel({
  orderId,
  payments,
  lines,
  refunds,
  locale,
  canWrite,
}: {
  orderId: number;
  payments: RefundablePayment[];
  lines: RefundableOrderLine[];
  refunds: RefundRow[];
  locale: string;
  canWrite: boolean;
}) {
  const t = useTranslations('refunds');
  const tOrders = useTranslations('orders');
  const [message, setMessage] = useState<Message>(null);
  const [isPending, startTransition] = useTransition();
  const money = (cents: number, currency = 'CNY') => formatMoney(cents, currency, locale);

  const explain = (result: ActionResult<RefundActionResult>): Message => {
    if (!result.ok) return { tone: 'error', text: Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message };
    const { answer, status, detail } = result.data;
    if (status === 'succeeded') return { tone: 'ok', text: t('panel.done.succeeded') };
    if (status === 'failed') return { tone: 'error', text: t('panel.done.failed', { detail: detail ?? '' }) };
    if (answer === 'error') return { tone: 'error', text: t('errors.gateway_error', { detail: detail ?? '' }) };
    if (answer === 'processing' || answer === 'not_found') return { tone: 'ok', text: t(`panel.done.${answer}`) };
    return { tone: 'ok', text: t('panel.done.created') };
  };
  const run = (action: () => Promise<ActionResult<RefundActionResult>>) => {
    setMessage(null);
    startTransition(async () => setMessage(explain(await action())));
  };

  return (
    <Card title={t('panel.title')}>
      <div className="space-y-3 px-4 py-3" data-testid="refund-panel">
        {payments.map((payment) => (
          <div key={payment.id} className="space-y-2">
            <p className="text-sm text-slate-700">
              {t('panel.paid', {
                amount: money(payment.amountCents, payment.currency),
                method: tOrders(`paymentMethod.${payment.method}`),
              })}
              {' · '}
              <span data-testid="refundable">
                {t('panel.refundable', { amount: money(payment.refundableCents, payment.currency) })}
              </span>
            </p>
            {payment.needsRefund && <p className="text-xs font-medium text-amber-800">{t('panel.owedBack')}</p>}
            {canWrite && payment.refundableCents > 0 && (
              <RefundForm
                key={`${payment.id}-${payment.refundableCents}`}
                orderId={orderId}
                payment={payment}
                lines={lines}
                isPending={isPending}
                onSubmit={run}
              />
            )}
            {payment.refundableCents <= 0 && <p className="text-xs text-slate-500">{t('panel.nothingRefundable')}</p>}
          </div>
        ))}
        <p
          className={`text-sm ${message?.tone === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}
          data-testid="refund-message"
          aria-live="polite"
        >
          {message?.text}
        </p>
      </div>
      <div className="border-t border-slate-200">
        {refunds.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">{t('panel.none')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="refund-list">
            {refunds.map((refund) => (
              <li
                key={refund.id}
                className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-4 py-2"
                data-testid="refund-row"
                data-refund-status={refund.status}
              >
                <span className="font-mono text-xs text-slate-500" title={t('panel.outRefundNo')}>
                  {refund.outRefundNo}
                </span>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusTone[refund.status]}`}>
                  {tOrders(`refundStatus.${refund.status}`)}
                </span>
                <span className="text-slate-700">{refund.reason}</span>
                <span className="ml-auto tabular-nums text-rose-700">
                  {money(-refund.amountCents, refund.currency)}
                </span>
                {canWrite &&
                  refund.status === 'pending' &&
                  (refund.isManual ? (
                    <TransferForm
                      onSubmit={(reference) =>
                        run(() => recordRefundTransferAction({ orderId, refundId: refund.id, reference }))
                      }
                      isPending={isPending}
                    />
                  ) : (
                    <span className="flex gap-2">
                      <button
                        type="button"
                        className={secondaryButton}
                        disabled={isPending}
                        onClick={() => run(() => submitRefundAction({ orderId, refundId: refund.id }))}
                      >
                        {t('panel.submit')}
                      </button>
                      <button
                        type="button"
                        className={secondaryButton}
                        disabled={isPending}
                        onClick={() => run(() => queryRefundAction({ orderId, refundId: refund.id }))}
                      >
                        {t('panel.query')}
                      </button>
                    </span>
                  ))}
                {canWrite && refund.status !== 'pending' && !refund.isManual && (
                  <button
                    type="button"
                    className="text-xs font-medium text-sky-700 hover:underline"
                    disabled={isPending}
                    onClick={() => run(() => queryRefundAction({ orderId, refundId: refund.id }))}
                  >
                    {t('panel.query')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function RefundForm({
  orderId,
  payment,
  lines,
  isPending,
  onSubmit,
}: {
  orderId: number;
  payment: RefundablePayment;
  lines: RefundableOrderLine[];
  isPending: boolean;
  onSubmit: (action: () => Promise<ActionResult<RefundActionResult>>) => void;
}) {
  const t = useTranslations('refunds');
  const [mode, setMode] = useState<'full' | 'amount' | 'lines'>('full');
  const modes = payment.needsRefund ? (['full'] as const) : (['full', 'amount', 'lines'] as const);
  return (
    <form
      className="space-y-2 rounded-md border border-slate-200 p-3"
      data-testid="refund-form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const chosen = lines.map((line) => ({
          orderLineId: line.id,
          quantity: Number(data.get(`line-${line.id}`) || 0),
        }));
        onSubmit(() =>
          requestRefundAction({
            orderId,
            paymentId: payment.id,
            mode,
            amount: String(data.get('amount') ?? ''),
            lines: chosen,
            reason: String(data.get('reason') ?? ''),
            reference: String(data.get('reference') ?? ''),
          }),
        );
      }}
    >
      <fieldset className="flex gap-3 text-sm">
        {modes.map((value) => (
          <label key={value} className="flex items-center gap-1.5">
            <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
            {t(`panel.mode.${value}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'amount' && (
        <label className="block text-xs font-medium text-slate-600">
          {t('panel.amount')}
          <input name="amount" inputMode="decimal" required className={fieldClass} data-testid="refund-amount" />
        </label>
      )}
      {mode === 'lines' && (
        <table className="w-full text-sm">
          <tbody>
            {lines.map((line) => (
              <tr key={line.id}>
                <td className="py-1 pr-2 text-slate-700">
                  {line.name} <span className="font-mono text-xs text-slate-400">{line.skuCode}</span>
                </td>
                <td className="w-40 py-1">
                  <label className="flex items-center gap-1.5 text-xs text-slate-500">
                    <input
                      name={`line-${line.id}`}
                      type="number"
                      min={0}
                      max={line.refundableQuantity}
                      defaultValue={0}
                      aria-label={t('panel.quantity')}
                      className={`${fieldClass} w-20`}
                      data-testid={`refund-line-${line.id}`}
                      disabled={line.refundableQuantity === 0}
                    />
                    {t('panel.ofQuantity', { count: line.refundableQuantity })}
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="block text-xs font-medium text-slate-600">
        {t('panel.reason')}
        <input name="reason" required maxLength={500} className={fieldClass} data-testid="refund-reason" />
      </label>
      {payment.isManual && (
        <label className="block text-xs font-medium text-slate-600">
          {t('panel.reference')}
          <input name="reference" required maxLength={100} className={fieldClass} data-testid="refund-reference" />
          <span className="mt-0.5 block font-normal text-slate-500">{t('panel.referenceHint')}</span>
        </label>
      )}
      <button type="submit" disabled={isPending} className={primaryButton} data-testid="refund-submit">
        {t('panel.create')}
      </button>
    </form>
  );
}

function TransferForm({ onSubmit, isPending }: { onSubmit: (reference: string) => void; isPending: boolean }) {
  const t = useTranslations('refunds');
  return (
    <form
      className="flex gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(String(new FormData(event.currentTarget).get('reference') ?? ''));
      }}
    >
      <input
        name="reference"
        required
        maxLength={100}
        placeholder={t('panel.reference')}
        className={`${fieldClass} w-40`}
      />
      <button type="submit" disabled={isPending} className={secondaryButton}>
        {t('panel.create')}
      </button>
    </form>
  );
}
