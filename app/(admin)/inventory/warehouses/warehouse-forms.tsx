'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { fieldClass, FormField } from '@/components/ui/form-field';
import { toast } from '@/components/ui/toast';
import { saveWarehouseAction, setBinLocationAction, setWarehouseActiveAction } from './actions';

type FieldErrors = Record<string, string[]>;

export interface WarehouseFormValues {
  id: number;
  code: string;
  name: string;
  province: string | null;
  city: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  isShipping: boolean;
}

/** A new warehouse, or one's name, address, sender contact and whether it ships. */
export function WarehouseForm({ warehouse }: { warehouse?: WarehouseFormValues }) {
  const t = useTranslations('inventory.warehouses');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [seq, setSeq] = useState(0);
  const error = (name: string) => errors[name]?.join(' ');
  const text = (name: keyof WarehouseFormValues & string, maxLength: number, className = '') => (
    <FormField label={t(`fields.${name}`)} error={error(name)} className={className} required={name === 'name'}>
      <input
        name={name}
        maxLength={maxLength}
        defaultValue={warehouse ? String(warehouse[name] ?? '') : ''}
        className={fieldClass}
      />
    </FormField>
  );
  return (
    <form
      key={seq}
      data-testid={warehouse ? 'edit-warehouse-form' : 'new-warehouse-form'}
      className="grid gap-3 sm:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        if (warehouse) data.set('warehouseId', String(warehouse.id));
        startTransition(async () => {
          const result = await saveWarehouseAction(data);
          if (result.ok) {
            toast.success(t('saved'));
            setErrors({});
            setMessage(null);
            if (!warehouse) setSeq((s) => s + 1);
            router.refresh();
            return;
          }
          setErrors(result.fieldErrors ?? {});
          setMessage(result.message);
        });
      }}
    >
      {warehouse ? (
        <FormField label={t('fields.code')}>
          <input value={warehouse.code} disabled className={`${fieldClass} font-mono`} />
        </FormField>
      ) : (
        <FormField label={t('fields.code')} hint={t('codeHint')} error={error('code')} required>
          <input name="code" maxLength={20} className={`${fieldClass} font-mono uppercase`} />
        </FormField>
      )}
      {text('name', 40)}
      {text('province', 20)}
      {text('city', 20)}
      {text('address', 200, 'sm:col-span-2')}
      {text('contactName', 40)}
      {text('contactPhone', 20)}
      <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
        <input
          type="checkbox"
          name="isShipping"
          defaultChecked={warehouse?.isShipping ?? true}
          className="size-4 rounded border-slate-300"
        />
        {t('fields.isShipping')}
      </label>
      <div className="flex items-center gap-3 sm:col-span-2 sm:justify-end">
        {message && Object.keys(errors).length === 0 && (
          <span className="text-sm text-rose-700" data-testid="form-error">
            {message}
          </span>
        )}
        <Button type="submit" disabled={isPending}>
          {warehouse ? t('save') : t('add')}
        </Button>
      </div>
    </form>
  );
}

/** Deactivate (refused with the reason while it holds stock or open orders) or activate again. */
export function WarehouseActiveButton({ warehouseId, isActive }: { warehouseId: number; isActive: boolean }) {
  const t = useTranslations('inventory.warehouses');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant={isActive ? 'secondary' : 'primary'}
        size="sm"
        disabled={isPending}
        data-testid="warehouse-active-toggle"
        onClick={() =>
          startTransition(async () => {
            const result = await setWarehouseActiveAction({ warehouseId, isActive: !isActive });
            if (!result.ok) {
              setMessage(result.message);
              return;
            }
            setMessage(null);
            toast.success(isActive ? t('deactivated') : t('activated'));
            router.refresh();
          })
        }
      >
        {isActive ? t('deactivate') : t('activate')}
      </Button>
      {message && (
        <span className="text-sm text-rose-700" data-testid="active-error">
          {message}
        </span>
      )}
    </span>
  );
}

/** Put a SKU in a bin of this warehouse (blank bin: clear it). */
export function BinForm({ warehouseId }: { warehouseId: number }) {
  const t = useTranslations('inventory.warehouses');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      data-testid="bin-form"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        data.set('warehouseId', String(warehouseId));
        startTransition(async () => {
          const result = await setBinLocationAction(data);
          if (result.ok) {
            toast.success(t('binSaved'));
            setErrors({});
            setMessage(null);
            router.refresh();
            return;
          }
          setErrors(result.fieldErrors ?? {});
          setMessage(result.message);
        });
      }}
    >
      <FormField label={t('fields.skuCode')} error={errors.skuCode?.join(' ')} required>
        <input name="skuCode" maxLength={64} className={`${fieldClass} font-mono uppercase`} />
      </FormField>
      <FormField label={t('fields.location')} hint={t('locationHint')} error={errors.location?.join(' ')}>
        <input name="location" maxLength={20} className={`${fieldClass} font-mono uppercase`} />
      </FormField>
      <Button type="submit" disabled={isPending}>
        {t('setBin')}
      </Button>
      {message && Object.keys(errors).length === 0 && <span className="text-sm text-rose-700">{message}</span>}
    </form>
  );
}
