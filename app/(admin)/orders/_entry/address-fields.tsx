'use client';

import { useTranslations } from 'next-intl';
import type { AddressState } from './entry-state';
import { TextField, type FieldErrors } from './fields';

/** Recipient, phone and the address in the order Chinese addresses are written: province → street. */
export function AddressFields({
  value,
  onChange,
  errors,
}: {
  value: AddressState;
  onChange: (next: AddressState) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations('orders.entry.address');
  const field = (
    key: keyof AddressState,
    className: string,
    inputProps?: React.InputHTMLAttributes<HTMLInputElement>,
  ) => (
    <TextField
      label={t(key)}
      path={`shipTo.${key}`}
      value={value[key]}
      onChange={(text) => onChange({ ...value, [key]: text })}
      errors={errors}
      className={className}
      inputProps={inputProps}
    />
  );
  return (
    <div className="grid grid-cols-6 gap-x-3 gap-y-2.5">
      {field('name', 'col-span-3', { maxLength: 40 })}
      {field('phone', 'col-span-3', { maxLength: 20, inputMode: 'tel' })}
      {field('province', 'col-span-2', { maxLength: 20 })}
      {field('city', 'col-span-2', { maxLength: 30 })}
      {field('district', 'col-span-2', { maxLength: 30 })}
      {field('street', 'col-span-4', { maxLength: 120 })}
      {field('postalCode', 'col-span-2', { maxLength: 6, inputMode: 'numeric' })}
    </div>
  );
}
