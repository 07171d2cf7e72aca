'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { formatMoney } from '@/domain/shared/money';
import { linesPayload, type AddressState, type LineState } from '../../_entry/entry-state';
import { FormSection, type FieldErrors } from '../../_entry/fields';
import {
  AddressAndLinesSections,
  BuyerNoteField,
  MoneyField,
  TotalsAndSubmit,
  useLineTotals,
  withoutLineErrors,
} from '../../_entry/form-parts';
import { editOrderAction } from './actions';

export interface EditOrderInitial {
  orderId: number;
  version: number;
  address: AddressState;
  lines: LineState[];
  /** the discount as yuan text ("12.50") */
  discount: string;
  /** shipping as yuan text, for the totals preview; not edited here */
  shipping: string;
  shippingCents: number;
  currency: string;
  buyerNote: string;
}

/** Edits an order before shipment; the version it was opened at guards against overwriting someone else's edit. */
export function EditOrderForm({ initial, locale }: { initial: EditOrderInitial; locale: string }) {
  const t = useTranslations('orders.entry');
  const router = useRouter();
  const [address, setAddress] = useState(initial.address);
  const [lines, setLines] = useState(initial.lines);
  const [discount, setDiscount] = useState(initial.discount);
  const [buyerNote, setBuyerNote] = useState(initial.buyerNote);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isConflict, setIsConflict] = useState(false);
  const [isPending, startTransition] = useTransition();

  const { totals, lineTotals } = useLineTotals(lines, {
    discount,
    shipping: initial.shipping,
    orderId: initial.orderId,
  });

  const onLinesChange = (next: LineState[]) => {
    if (next.length !== lines.length) setErrors(withoutLineErrors);
    setLines(next);
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const payload = {
      orderId: initial.orderId,
      expectedVersion: initial.version,
      shipTo: address,
      lines: linesPayload(lines),
      discount,
      buyerNote,
    };
    startTransition(async () => {
      const result = await editOrderAction(payload);
      if (result.ok) {
        router.push(`/orders/${initial.orderId}`);
        return;
      }
      setIsConflict(result.code === 'stale');
      setErrors(result.fieldErrors ?? {});
      setFormError(
        result.code === 'stale'
          ? t('edit.conflict')
          : result.code === 'invalid' && result.fieldErrors && Object.keys(result.fieldErrors).length > 0
            ? t('fixErrors')
            : result.message,
      );
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 xl:grid-cols-3" data-testid="edit-order-form">
      <div className="space-y-4 xl:col-span-2">
        {formError && (
          <div
            data-testid="form-error"
            className="flex items-center justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
          >
            <p>{formError}</p>
            {isConflict && (
              // a full reload: the form starts again from the order as it is now
              <button
                type="button"
                onClick={() => window.location.reload()}
                className="shrink-0 rounded-md bg-white px-2.5 py-1 text-xs font-semibold text-red-700 ring-1 ring-red-300 hover:bg-red-50"
              >
                {t('edit.reload')}
              </button>
            )}
          </div>
        )}
        <AddressAndLinesSections
          t={t}
          address={address}
          onAddressChange={setAddress}
          lines={lines}
          onLinesChange={onLinesChange}
          errors={errors}
          locale={locale}
          lineTotals={lineTotals}
        />
      </div>
      <aside className="space-y-4">
        <FormSection title={t('amounts.title')} testId="section-amounts">
          <div className="space-y-3">
            <MoneyField
              label={t('amounts.discount')}
              path="discount"
              value={discount}
              onChange={setDiscount}
              errors={errors}
            />
            <p className="text-xs text-slate-500">
              {t('edit.shippingFixed', { amount: formatMoney(initial.shippingCents, initial.currency, locale) })}
            </p>
            <BuyerNoteField label={t('amounts.buyerNote')} value={buyerNote} onChange={setBuyerNote} errors={errors} />
          </div>
        </FormSection>
        <TotalsAndSubmit
          title={t('totals.title')}
          totals={totals}
          locale={locale}
          cancelHref={`/orders/${initial.orderId}`}
          cancelLabel={t('cancel')}
          submitLabel={isPending ? t('saving') : t('save')}
          submitTestId="save-order"
          isPending={isPending}
        />
      </aside>
    </form>
  );
}
