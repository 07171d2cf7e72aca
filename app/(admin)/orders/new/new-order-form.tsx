'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { CustomerPicker, type CustomerState } from '../_entry/customer-picker';
import {
  addressFromCustomer,
  EMPTY_ADDRESS,
  linesPayload,
  type AddressState,
  type LineState,
} from '../_entry/entry-state';
import { FieldError, FormSection, type FieldErrors } from '../_entry/fields';
import {
  AddressAndLinesSections,
  BuyerNoteField,
  MoneyField,
  TotalsAndSubmit,
  useLineTotals,
  withoutLineErrors,
} from '../_entry/form-parts';
import { createOrderAction } from './actions';

/**
 * Manual order entry (手动录入): customer, address, lines, money and note in one keyboard-first
 * form. Totals come from the server; the action checks everything again and returns every field
 * message at once.
 */
export function NewOrderForm({ locale }: { locale: string }) {
  const t = useTranslations('orders.entry');
  const router = useRouter();
  const [customer, setCustomer] = useState<CustomerState>({ kind: 'existing', customer: null });
  const [address, setAddress] = useState<AddressState>(EMPTY_ADDRESS);
  const [lines, setLines] = useState<LineState[]>([]);
  const [discount, setDiscount] = useState('');
  const [shipping, setShipping] = useState('');
  const [isCashOnDelivery, setIsCashOnDelivery] = useState(false);
  const [buyerNote, setBuyerNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const { totals, lineTotals } = useLineTotals(lines, { discount, shipping });

  // a quick-created customer is usually the recipient: the address follows until someone edits it
  const onCustomerChange = (next: CustomerState) => {
    if (next.kind === 'new') {
      const previous = customer.kind === 'new' ? customer : { name: '', phone: '' };
      setAddress((a) => ({
        ...a,
        name: a.name === previous.name ? next.name : a.name,
        phone: a.phone === previous.phone ? next.phone : a.phone,
      }));
    }
    setCustomer(next);
  };

  const onLinesChange = (next: LineState[]) => {
    if (next.length !== lines.length) setErrors(withoutLineErrors);
    setLines(next);
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const payload = {
      customer:
        customer.kind === 'existing'
          ? { kind: 'existing' as const, id: customer.customer?.id ?? 0 }
          : { kind: 'new' as const, name: customer.name, phone: customer.phone },
      shipTo: address,
      lines: linesPayload(lines),
      discount,
      shipping,
      isCashOnDelivery,
      buyerNote,
    };
    startTransition(async () => {
      const result = await createOrderAction(payload);
      if (result.ok) {
        router.push(`/orders/${result.data.orderId}`);
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setFormError(
        result.fieldErrors && Object.keys(result.fieldErrors).length > 0 && result.code === 'invalid'
          ? t('fixErrors')
          : result.message,
      );
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 xl:grid-cols-3" data-testid="new-order-form">
      <div className="space-y-4 xl:col-span-2">
        {formError && (
          <p
            data-testid="form-error"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
          >
            {formError}
          </p>
        )}
        <FormSection title={t('customer.title')} testId="section-customer">
          <CustomerPicker
            value={customer}
            onChange={onCustomerChange}
            onPickExisting={(picked) => {
              if (picked.defaultAddress) setAddress(addressFromCustomer(picked.defaultAddress));
            }}
            errors={errors}
          />
        </FormSection>
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
            <div className="grid grid-cols-2 gap-3">
              <MoneyField
                label={t('amounts.discount')}
                path="discount"
                value={discount}
                onChange={setDiscount}
                errors={errors}
              />
              <MoneyField
                label={t('amounts.shipping')}
                path="shipping"
                value={shipping}
                onChange={setShipping}
                errors={errors}
              />
            </div>
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="isCashOnDelivery"
                checked={isCashOnDelivery}
                onChange={(e) => setIsCashOnDelivery(e.target.checked)}
                className="mt-0.5 size-4 rounded border-slate-300 text-sky-600 focus:ring-sky-500"
              />
              <span>
                <span className="font-medium">{t('amounts.cod')}</span>
                <span className="block text-xs text-slate-500">{t('amounts.codHint')}</span>
              </span>
            </label>
            <FieldError messages={errors.isCashOnDelivery} path="isCashOnDelivery" />
            <BuyerNoteField label={t('amounts.buyerNote')} value={buyerNote} onChange={setBuyerNote} errors={errors} />
          </div>
        </FormSection>
        <TotalsAndSubmit
          title={t('totals.title')}
          totals={totals}
          locale={locale}
          cancelHref="/orders"
          cancelLabel={t('cancel')}
          submitLabel={isPending ? t('submitting') : t('submit')}
          submitTestId="submit-order"
          isPending={isPending}
        />
      </aside>
    </form>
  );
}
