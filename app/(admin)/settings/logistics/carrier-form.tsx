'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/staff-action';
import { saveCarrierAction } from './actions';

const field =
  'h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs focus:border-sky-500 focus:outline-none aria-invalid:border-red-400 disabled:bg-slate-50';
const label = 'mb-1 block text-[11px] font-medium uppercase tracking-wide text-slate-500';

export interface CarrierRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  trackingPattern: string | null;
  trackingUrlTemplate: string | null;
  isActive: boolean;
}

/** One carrier (or a new one): names, tracking-number rule, tracking page, active. The code is fixed once created. */
export function CarrierForm({ carrier, canEdit }: { carrier: CarrierRow | null; canEdit: boolean }) {
  const t = useTranslations('shipping.carriers');
  const [result, setResult] = useState<ActionResult<{ id: number }> | null>(null);
  const [isPending, startTransition] = useTransition();
  const [seq, setSeq] = useState(0);
  const prefix = `carrier-${carrier?.id ?? 'new'}`;
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const input = (
    name: 'code' | 'name' | 'nameEn' | 'trackingPattern' | 'trackingUrlTemplate',
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <div className={name === 'trackingUrlTemplate' || name === 'trackingPattern' ? 'sm:col-span-2' : ''}>
      <label className={label} htmlFor={`${prefix}-${name}`}>
        {t(`fields.${name}`)}
      </label>
      <input
        id={`${prefix}-${name}`}
        name={name}
        defaultValue={carrier ? (carrier[name] ?? '') : ''}
        className={`${field} ${name.startsWith('tracking') ? 'font-mono text-xs' : ''}`}
        aria-invalid={errors[name] ? true : undefined}
        {...extra}
      />
      {errors[name] && <p className="mt-1 text-xs text-red-600">{errors[name].join(' ')}</p>}
    </div>
  );
  return (
    <form
      key={seq}
      className="grid gap-2 sm:grid-cols-4"
      data-testid={carrier ? `carrier-form-${carrier.code}` : 'new-carrier-form'}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(async () => {
          const next = await saveCarrierAction(data);
          setResult(next);
          if (next.ok && !carrier) setSeq((s) => s + 1);
        });
      }}
    >
      <fieldset disabled={!canEdit} className="contents">
        <input type="hidden" name="id" value={carrier?.id ?? ''} />
        {carrier ? <input type="hidden" name="code" value={carrier.code} /> : null}
        {input(
          'code',
          carrier ? { disabled: true, name: undefined } : { required: true, maxLength: 30, placeholder: 'zhaijisong' },
        )}
        {input('name', { required: true, maxLength: 40 })}
        {input('nameEn', { required: true, maxLength: 60 })}
        <label className="flex items-end gap-2 pb-1.5 text-sm text-slate-700">
          <input
            type="checkbox"
            name="isActive"
            defaultChecked={carrier?.isActive ?? true}
            className="size-4 rounded border-slate-300"
          />
          {t('fields.isActive')}
        </label>
        {input('trackingPattern', { maxLength: 200, placeholder: '^ZJS\\d{10}$' })}
        {input('trackingUrlTemplate', {
          maxLength: 300,
          placeholder: 'https://www.kuaidi100.com/chaxun?com=zhaijisong&nu={number}',
        })}
        <div className="flex items-center gap-3 sm:col-span-4">
          <button
            type="submit"
            disabled={isPending}
            className="h-8 rounded-md bg-slate-900 px-3 text-sm font-medium text-white shadow-xs hover:bg-slate-800 disabled:opacity-60"
          >
            {isPending ? t('saving') : carrier ? t('save') : t('add')}
          </button>
          {result?.ok && (
            <span className="text-sm text-emerald-700" data-testid={`${prefix}-saved`}>
              {t('saved')}
            </span>
          )}
          {result && !result.ok && Object.keys(errors).length === 0 && (
            <span role="alert" className="text-sm text-rose-700">
              {result.message}
            </span>
          )}
        </div>
      </fieldset>
    </form>
  );
}
