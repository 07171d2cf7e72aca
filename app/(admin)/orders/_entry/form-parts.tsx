'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { CharacterCount } from '@/components/ui/character-count';
import { MAX_BUYER_NOTE_LENGTH } from '@/domain/orders/text-limits';
import { AddressFields } from './address-fields';
import type { AddressState, LineState } from './entry-state';
import { FieldError, FormSection, inputClass, labelClass, TextField, type FieldErrors } from './fields';
import { OrderLinesEditor } from './order-lines-editor';
import { TotalsPreview, useTotalsPreview } from './totals-preview';
import { buttonClass } from '@/components/ui/button';

/** Drops the messages of line rows once the rows move, so a message never lands on the wrong line. */
export function withoutLineErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith('lines.')));
}

/**
 * The server's totals for the lines as typed (rows with a quantity that is not a whole number yet
 * are left out until it is), and each line's total by SKU for the lines editor.
 */
export function useLineTotals(lines: LineState[], money: { discount: string; shipping: string; orderId?: number }) {
  const { discount, shipping, orderId } = money;
  const input = useMemo(
    () => ({
      lines: lines.flatMap((line) => {
        const quantity = Number(line.quantity);
        return Number.isSafeInteger(quantity) && quantity >= 0 && quantity <= 9_999
          ? [{ skuId: line.sku.id, quantity }]
          : [];
      }),
      discount,
      shipping,
      ...(orderId === undefined ? {} : { orderId }),
    }),
    [lines, discount, shipping, orderId],
  );
  const totals = useTotalsPreview(input);
  const lineTotals = useMemo(
    () => new Map((totals.data?.lines ?? []).map((l) => [l.skuId, l.lineTotalCents])),
    [totals.data],
  );
  return { totals, lineTotals };
}

/** A yuan amount typed as text ("12.50"); the server parses it exactly. */
export function MoneyField({
  label,
  path,
  value,
  onChange,
  errors,
}: {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
}) {
  return (
    <TextField
      label={label}
      path={path}
      value={value}
      onChange={onChange}
      errors={errors}
      inputProps={{ inputMode: 'decimal', placeholder: '0.00', className: `${inputClass} text-right tabular-nums` }}
    />
  );
}

export function BuyerNoteField({
  label,
  value,
  onChange,
  errors,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
}) {
  return (
    <div>
      <label htmlFor="buyer-note" className={labelClass}>
        {label}
      </label>
      <textarea
        id="buyer-note"
        name="buyerNote"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={3}
        aria-invalid={errors.buyerNote || value.length > MAX_BUYER_NOTE_LENGTH ? true : undefined}
        className={`${inputClass} h-auto py-1.5`}
      />
      <CharacterCount length={value.length} max={MAX_BUYER_NOTE_LENGTH} testId="buyer-note-count" />
      <FieldError messages={errors.buyerNote} path="buyerNote" />
    </div>
  );
}

/** The totals card with cancel and submit, shared by new and edit. */
export function TotalsAndSubmit({
  title,
  totals,
  locale,
  cancelHref,
  cancelLabel,
  submitLabel,
  submitTestId,
  isPending,
}: {
  title: string;
  totals: ReturnType<typeof useLineTotals>['totals'];
  locale: string;
  cancelHref: string;
  cancelLabel: string;
  submitLabel: string;
  submitTestId: string;
  isPending: boolean;
}) {
  return (
    <FormSection title={title} testId="section-totals">
      <TotalsPreview
        preview={totals.data}
        isUpdating={totals.isFetching}
        error={totals.error ? totals.error.message : null}
        locale={locale}
      />
      <div className="mt-4 flex items-center justify-end gap-2">
        <Link
          href={cancelHref}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100"
        >
          {cancelLabel}
        </Link>
        <button type="submit" disabled={isPending} data-testid={submitTestId} className={buttonClass('primary')}>
          {submitLabel}
        </button>
      </div>
    </FormSection>
  );
}

/** Ship-to address and order lines, the middle of both the new and the edit form. */
export function AddressAndLinesSections({
  t,
  address,
  onAddressChange,
  lines,
  onLinesChange,
  errors,
  locale,
  lineTotals,
}: {
  t: (key: 'address.title' | 'lines.title') => string;
  address: AddressState;
  onAddressChange: (address: AddressState) => void;
  lines: LineState[];
  onLinesChange: (lines: LineState[]) => void;
  errors: FieldErrors;
  locale: string;
  lineTotals: Map<number, number>;
}) {
  return (
    <>
      <FormSection title={t('address.title')} testId="section-address">
        <AddressFields value={address} onChange={onAddressChange} errors={errors} />
      </FormSection>
      <FormSection title={t('lines.title')} testId="section-lines">
        <OrderLinesEditor
          lines={lines}
          onChange={onLinesChange}
          errors={errors}
          locale={locale}
          lineTotals={lineTotals}
        />
      </FormSection>
    </>
  );
}
