'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { CharacterCount } from '@/components/ui/character-count';
import { ModalDialog, dangerButton, fieldClass, primaryButton, secondaryButton } from '@/components/ui/modal-dialog';
import { MAX_CANCEL_REASON_LENGTH } from '@/domain/orders/text-limits';
import type { OrderAction } from '@/domain/orders/order-actions';
import type { ActionResult } from '@/lib/actions/staff-action';
import {
  archiveOrderAction,
  cancelOrderAction,
  completeOrderAction,
  confirmPaymentAction,
  restoreOrderAction,
  reviewOrderAction,
  shipOrderAction,
} from './actions';

export interface ShippableLine {
  id: number;
  name: string;
  skuCode: string;
  variant: string | null;
  warehouseName: string | null;
  remaining: number;
}

interface Props {
  order: { id: number; number: string; total: string };
  actions: OrderAction[];
  carriers: { id: number; name: string }[];
  /** the carrier the rules suggested (orders.assigned_carrier_id); preselected, staff may change it */
  suggestedCarrierId?: number | null;
  lines: ShippableLine[];
  paymentMethods: readonly string[];
  /** the same person can refund in the refund panel below: say so instead of "nothing for your role" */
  hasRefundsBelow?: boolean;
}

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

/**
 * The order's buttons: only what the transition table and the person's role allow now (decided
 * on the server). Each opens a confirmation or a form; failures are shown, never thrown.
 */
export function OrderActionBar({
  order,
  actions,
  carriers,
  lines,
  paymentMethods,
  suggestedCarrierId,
  hasRefundsBelow = false,
}: Props) {
  const t = useTranslations('orders');
  const [open, setOpen] = useState<OrderAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [reasonLength, setReasonLength] = useState(0);
  const [isPending, startTransition] = useTransition();

  const run = (action: OrderAction, call: () => Promise<ActionResult<unknown>>) => {
    setOutcome(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setOpen(null);
        setOutcome({ tone: 'ok', text: t(`actions.done.${action}`) });
      } else if (result.fieldErrors && Object.keys(result.fieldErrors).length > 0 && open) {
        setFieldErrors(result.fieldErrors);
        setOutcome({ tone: 'error', text: result.message });
      } else {
        // a lost race or a stale page: the server already re-rendered the order, show why
        setOpen(null);
        setOutcome({ tone: 'error', text: result.message });
      }
    });
  };
  const close = () => {
    setOpen(null);
    setFieldErrors({});
    setOutcome(null);
  };
  const errorFor = (name: string) =>
    fieldErrors[name]?.length ? (
      <p className="mt-1 text-xs text-rose-700" data-testid={`field-error-${name}`}>
        {fieldErrors[name].join(' ')}
      </p>
    ) : null;
  const dialogError =
    outcome?.tone === 'error' && open ? (
      <p
        className="mb-3 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800"
        data-testid="dialog-error"
      >
        {outcome.text}
      </p>
    ) : null;
  const label = 'mb-1 block text-sm font-medium text-slate-700';

  return (
    <section
      className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm"
      aria-label={t('actions.title')}
      data-testid="order-actions"
    >
      <div className="flex flex-wrap items-center gap-2">
        {actions.length === 0 && (
          <p className="text-sm text-slate-500">{t(hasRefundsBelow ? 'actions.noneRefundsBelow' : 'actions.none')}</p>
        )}
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            disabled={isPending}
            onClick={() => {
              setOutcome(null);
              setOpen(action);
            }}
            className={
              action === 'cancel'
                ? `${secondaryButton} text-rose-700`
                : ['archive', 'restore'].includes(action)
                  ? secondaryButton
                  : primaryButton
            }
            data-action={action}
          >
            {t(`actions.${action}`)}
          </button>
        ))}
        {isPending && <span className="text-sm text-slate-500">{t('actions.working')}</span>}
      </div>
      {outcome && !open && (
        <p
          className={`mt-2 text-sm ${outcome.tone === 'ok' ? 'text-emerald-700' : 'text-rose-700'}`}
          data-testid="action-outcome"
          data-tone={outcome.tone}
        >
          {outcome.text}
        </p>
      )}

      {open === 'confirmPayment' && (
        <ModalDialog title={t('actions.payment.title')} onClose={close} testId="confirm-payment-dialog">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              run('confirmPayment', () =>
                confirmPaymentAction({
                  orderId: order.id,
                  method: String(form.get('method')) as 'bank_transfer',
                  reference: String(form.get('reference') ?? ''),
                }),
              );
            }}
            className="space-y-3"
          >
            {dialogError}
            <p className="text-sm text-slate-600">{t('actions.payment.body', { amount: order.total })}</p>
            <div>
              <label htmlFor="payment-method" className={label}>
                {t('actions.payment.method')}
              </label>
              <select id="payment-method" name="method" defaultValue="bank_transfer" className={fieldClass}>
                {paymentMethods.map((method) => (
                  <option key={method} value={method}>
                    {t(`paymentMethod.${method as 'bank_transfer'}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="payment-reference" className={label}>
                {t('actions.payment.reference')}
              </label>
              <input
                id="payment-reference"
                name="reference"
                required
                maxLength={100}
                placeholder={t('actions.payment.referenceHint')}
                className={fieldClass}
                aria-invalid={fieldErrors.reference ? true : undefined}
              />
              {errorFor('reference')}
            </div>
            <DialogButtons
              onClose={close}
              isPending={isPending}
              submit={t('actions.payment.submit')}
              closeLabel={t('actions.close')}
            />
          </form>
        </ModalDialog>
      )}

      {open === 'ship' && (
        <ModalDialog title={t('actions.shipDialog.title')} onClose={close} testId="ship-dialog">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              run('ship', () =>
                shipOrderAction({
                  orderId: order.id,
                  carrierId: Number(form.get('carrierId')),
                  trackingNumber: String(form.get('trackingNumber') ?? ''),
                  lines: lines.map((line) => ({
                    orderLineId: line.id,
                    quantity: Number(form.get(`quantity-${line.id}`)),
                  })),
                }),
              );
            }}
            className="space-y-3"
          >
            {dialogError}
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor="ship-carrier" className={label}>
                  {t('actions.shipDialog.carrier')}
                </label>
                <select
                  id="ship-carrier"
                  name="carrierId"
                  required
                  defaultValue={carriers.some((c) => c.id === suggestedCarrierId) ? String(suggestedCarrierId) : ''}
                  className={fieldClass}
                  aria-invalid={fieldErrors.carrierId ? true : undefined}
                >
                  <option value="" disabled>
                    {t('actions.shipDialog.chooseCarrier')}
                  </option>
                  {carriers.map((carrier) => (
                    <option key={carrier.id} value={carrier.id}>
                      {carrier.name}
                    </option>
                  ))}
                </select>
                {errorFor('carrierId')}
              </div>
              <div>
                <label htmlFor="ship-tracking" className={label}>
                  {t('actions.shipDialog.trackingNumber')}
                </label>
                <input
                  id="ship-tracking"
                  name="trackingNumber"
                  required
                  maxLength={40}
                  autoComplete="off"
                  className={`${fieldClass} font-mono`}
                  aria-invalid={fieldErrors.trackingNumber ? true : undefined}
                />
                {errorFor('trackingNumber')}
              </div>
            </div>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left text-[11px] uppercase tracking-wide text-slate-500">
                    <th className="py-1 font-semibold">{t('actions.shipDialog.line')}</th>
                    <th className="py-1 font-semibold">{t('actions.shipDialog.warehouse')}</th>
                    <th className="py-1 text-right font-semibold">{t('actions.shipDialog.remaining')}</th>
                    <th className="py-1 text-right font-semibold">{t('actions.shipDialog.quantity')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {lines.map((line, index) => (
                    <tr key={line.id}>
                      <td className="py-1.5 pr-2">
                        <div className="text-slate-900">{line.name}</div>
                        <div className="font-mono text-xs text-slate-500">
                          {line.skuCode}
                          {line.variant ? ` · ${line.variant}` : ''}
                        </div>
                      </td>
                      <td className="py-1.5 pr-2 text-slate-600">{line.warehouseName ?? '—'}</td>
                      <td className="py-1.5 pr-2 text-right tabular-nums">{line.remaining}</td>
                      <td className="py-1.5 text-right">
                        <input
                          type="number"
                          name={`quantity-${line.id}`}
                          min={0}
                          max={line.remaining}
                          defaultValue={line.remaining}
                          required
                          aria-label={t('actions.shipDialog.quantity')}
                          data-line-sku={line.skuCode}
                          className={`${fieldClass} ml-auto w-20 text-right tabular-nums`}
                          aria-invalid={fieldErrors[`lines.${index}.quantity`] ? true : undefined}
                        />
                        {errorFor(`lines.${index}.quantity`)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="text-xs text-slate-500">{t('actions.shipDialog.partialHint')}</p>
            <DialogButtons
              onClose={close}
              isPending={isPending}
              submit={t('actions.shipDialog.submit')}
              closeLabel={t('actions.close')}
            />
          </form>
        </ModalDialog>
      )}

      {open === 'cancel' && (
        <ModalDialog
          title={t('actions.cancelDialog.title', { number: order.number })}
          onClose={close}
          testId="cancel-dialog"
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              run('cancel', () => cancelOrderAction({ orderId: order.id, reason: String(form.get('reason') ?? '') }));
            }}
            className="space-y-3"
          >
            {dialogError}
            <p className="text-sm text-slate-600">{t('actions.cancelDialog.body')}</p>
            <div>
              <label htmlFor="cancel-reason" className={label}>
                {t('actions.cancelDialog.reason')}
              </label>
              <textarea
                id="cancel-reason"
                name="reason"
                required
                rows={2}
                className={fieldClass}
                onChange={(event) => setReasonLength(event.target.value.length)}
                aria-invalid={fieldErrors.reason || reasonLength > MAX_CANCEL_REASON_LENGTH ? true : undefined}
              />
              <CharacterCount length={reasonLength} max={MAX_CANCEL_REASON_LENGTH} testId="cancel-reason-count" />
              {errorFor('reason')}
            </div>
            <DialogButtons
              onClose={close}
              isPending={isPending}
              submit={t('actions.cancelDialog.submit')}
              closeLabel={t('actions.cancelDialog.keep')}
              isDanger
            />
          </form>
        </ModalDialog>
      )}

      {(open === 'review' || open === 'complete' || open === 'archive' || open === 'restore') && (
        <ModalDialog title={t(`actions.${open}`)} onClose={close} testId="confirm-dialog">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const call = {
                review: reviewOrderAction,
                complete: completeOrderAction,
                archive: archiveOrderAction,
                restore: restoreOrderAction,
              }[open];
              run(open, () => call({ orderId: order.id }));
            }}
            className="space-y-3"
          >
            {dialogError}
            <p className="text-sm text-slate-600">
              {open === 'review'
                ? t('actions.review') + ' · ' + order.number
                : open === 'complete'
                  ? t('actions.confirmComplete', { number: order.number })
                  : open === 'archive'
                    ? t('actions.confirmArchive', { number: order.number })
                    : t('actions.confirmRestore', { number: order.number })}
            </p>
            <DialogButtons
              onClose={close}
              isPending={isPending}
              submit={t(`actions.${open}`)}
              closeLabel={t('actions.close')}
            />
          </form>
        </ModalDialog>
      )}
    </section>
  );
}

function DialogButtons({
  onClose,
  isPending,
  submit,
  closeLabel,
  isDanger,
}: {
  onClose: () => void;
  isPending: boolean;
  submit: string;
  closeLabel: string;
  isDanger?: boolean;
}) {
  return (
    <div className="flex justify-end gap-2 pt-1">
      <button type="button" onClick={onClose} className={secondaryButton}>
        {closeLabel}
      </button>
      <button
        type="submit"
        disabled={isPending}
        className={isDanger ? dangerButton : primaryButton}
        data-testid="dialog-submit"
      >
        {submit}
      </button>
    </div>
  );
}
