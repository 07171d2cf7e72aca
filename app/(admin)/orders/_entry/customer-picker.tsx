'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { CustomerMatch } from '@/domain/customers/search-customers';
import { FieldError, TextField, type FieldErrors } from './fields';
import { useCustomerSearch } from './lookups';
import { SearchCombobox } from './search-combobox';

export type CustomerState =
  { kind: 'existing'; customer: CustomerMatch | null } | { kind: 'new'; name: string; phone: string };

/** The customer: search an existing one (name prefix or phone), or create one with the order. */
export function CustomerPicker({
  value,
  onChange,
  onPickExisting,
  errors,
}: {
  value: CustomerState;
  onChange: (next: CustomerState) => void;
  /** a customer was chosen: the form fills the address from their default one */
  onPickExisting: (customer: CustomerMatch) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations('orders.entry.customer');
  const [text, setText] = useState('');
  const search = useCustomerSearch(value.kind === 'existing' && !value.customer ? text : '');
  const chooseError = [...(errors.customer ?? []), ...(errors['customer.id'] ?? [])];

  const tab = (kind: CustomerState['kind'], label: string) => (
    <label
      className={`cursor-pointer rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-inset has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-500 ${value.kind === kind ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
    >
      <input
        type="radio"
        name="customer.kind"
        value={kind}
        checked={value.kind === kind}
        onChange={() => onChange(kind === 'existing' ? { kind, customer: null } : { kind, name: '', phone: '' })}
        className="sr-only"
      />
      {label}
    </label>
  );

  return (
    <div className="space-y-3">
      <div role="radiogroup" aria-label={t('title')} className="flex gap-1.5">
        {tab('existing', t('existing'))}
        {tab('new', t('new'))}
      </div>

      {value.kind === 'existing' && value.customer && (
        <div
          className="flex items-start justify-between gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
          data-testid="chosen-customer"
        >
          <div>
            <p className="font-medium text-slate-900">
              {value.customer.name}
              {value.customer.isFlagged && (
                <span className="ml-2 rounded bg-rose-50 px-1.5 py-0.5 text-xs font-medium text-rose-700">
                  {t('flagged')}
                </span>
              )}
            </p>
            <p className="tabular-nums text-slate-600">{value.customer.phone ?? '—'}</p>
            {!value.customer.defaultAddress && <p className="text-xs text-slate-500">{t('noAddress')}</p>}
          </div>
          <button
            type="button"
            className="text-xs font-medium text-sky-700 hover:underline"
            onClick={() => onChange({ kind: 'existing', customer: null })}
          >
            {t('change')}
          </button>
        </div>
      )}

      {value.kind === 'existing' && !value.customer && (
        <>
          <SearchCombobox
            label={t('search')}
            placeholder={t('searchPlaceholder')}
            text={text}
            onText={setText}
            items={search.customers}
            itemKey={(c) => c.id}
            renderItem={(c) => (
              <div className="flex items-baseline justify-between gap-3">
                <span className="font-medium text-slate-900">
                  {c.name}
                  {c.isFlagged && <span className="ml-2 text-xs text-rose-700">{t('flagged')}</span>}
                </span>
                <span className="tabular-nums text-xs text-slate-500">{c.phone}</span>
                <span className="ml-auto truncate text-xs text-slate-500">
                  {c.defaultAddress ? `${c.defaultAddress.province}${c.defaultAddress.city}` : t('noAddress')}
                </span>
              </div>
            )}
            onPick={(customer) => {
              onChange({ kind: 'existing', customer });
              setText('');
              onPickExisting(customer);
            }}
            isLoading={!search.isSettled}
            error={search.error ? search.error.message : null}
            emptyMessage={t('noMatches')}
            testId="customer-search"
            invalid={chooseError.length > 0}
          />
          <FieldError messages={chooseError.length ? chooseError : undefined} path="customer" />
        </>
      )}

      {value.kind === 'new' && (
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label={t('name')}
            path="customer.name"
            value={value.name}
            errors={errors}
            onChange={(name) => onChange({ ...value, name })}
            inputProps={{ maxLength: 40 }}
          />
          <TextField
            label={t('phone')}
            path="customer.phone"
            value={value.phone}
            errors={errors}
            onChange={(phone) => onChange({ ...value, phone })}
            inputProps={{ maxLength: 20, inputMode: 'tel' }}
          />
        </div>
      )}
    </div>
  );
}
