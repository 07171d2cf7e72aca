'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { fieldClass, primaryButton } from '@/components/ui/modal-dialog';
import type { PaymentMethodsView } from '@/domain/payments/get-payment-methods';
import { PROVIDER_METHODS, SECRET_NAMES, type ProviderMethod } from '@/domain/payments/payment-methods-config';
import type { ActionResult } from '@/lib/actions/staff-action';
import { updatePaymentMethodsAction } from './actions';

type State = { result: ActionResult<null> | null; values: Record<string, string> | null };

const TEXT_FIELDS: Record<ProviderMethod, readonly string[]> = {
  alipay: ['merchantId', 'gatewayUrl', 'providerPublicKey'],
  wechat_pay: ['merchantId', 'appId', 'gatewayUrl', 'merchantSerial', 'providerSerial', 'providerPublicKey'],
  unionpay: ['merchantId', 'gatewayUrl', 'merchantSerial', 'rootCertPem', 'middleCertPem'],
};
const LONG_FIELDS = new Set(['providerPublicKey', 'rootCertPem', 'middleCertPem']);

export function PaymentMethodsForm({
  view,
  isSandboxAllowed,
}: {
  view: PaymentMethodsView;
  isSandboxAllowed: boolean;
}) {
  const t = useTranslations('payments.settings');
  const [state, formAction, isPending] = useActionState(
    async (_previous: State, formData: FormData): Promise<State> => {
      const values = Object.fromEntries(
        [...formData.entries()].filter(([key]) => !key.startsWith('$')).map(([key, value]) => [key, String(value)]),
      );
      const result = await updatePaymentMethodsAction(formData);
      // keep what was typed (secrets excepted) when something must be corrected
      for (const method of PROVIDER_METHODS)
        for (const secret of SECRET_NAMES[method]) delete values[`${method}.${secret}`];
      return { result, values: result.ok ? null : values };
    },
    { result: null, values: null },
  );

  const errors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const typed = state.values;
  const label = 'mb-1 block text-xs font-medium text-slate-700';
  const errorText = (name: string) =>
    errors[name] ? (
      <p className="mt-1 text-xs text-rose-700" data-testid={`field-error-${name}`}>
        {errors[name].join(' ')}
      </p>
    ) : null;
  const formKey = JSON.stringify(state.values) + String(state.result?.ok);

  return (
    <form key={formKey} action={formAction} className="space-y-5" data-testid="payment-methods-form">
      {state.result?.ok && (
        <p
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
          data-testid="payment-methods-saved"
        >
          {t('saved')}
        </p>
      )}
      {state.result && !state.result.ok && (
        <p
          className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800"
          data-testid="payment-methods-error"
        >
          {state.result.message}
        </p>
      )}
      {!isSandboxAllowed && <p className="text-sm text-amber-800">{t('sandboxRefusedHere')}</p>}
      {PROVIDER_METHODS.map((method) => {
        const provider = view[method];
        const value = (field: string, fallback: string) => (typed ? (typed[`${method}.${field}`] ?? '') : fallback);
        const mode = value('mode', provider.mode);
        return (
          <section
            key={method}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-xs"
            data-testid={`provider-${method}`}
          >
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 className="text-sm font-semibold text-slate-900">{t(`methods.${method}`)}</h2>
              <div className="flex items-center gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name={`${method}.enabled`}
                    defaultChecked={typed ? typed[`${method}.enabled`] === 'on' : provider.enabled}
                    className="size-4 accent-slate-900"
                  />
                  {t('enabled')}
                </label>
                <select
                  name={`${method}.mode`}
                  defaultValue={mode}
                  className={`${fieldClass} w-auto`}
                  aria-label={t('mode')}
                >
                  <option value="sandbox" disabled={!isSandboxAllowed}>
                    {t('modes.sandbox')}
                  </option>
                  <option value="live">{t('modes.live')}</option>
                </select>
              </div>
            </div>
            {errorText(`${method}.mode`)}
            <p className="text-xs text-slate-500">{t('sandboxHint')}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {TEXT_FIELDS[method].map((field) => (
                <div key={field} className={LONG_FIELDS.has(field) ? 'sm:col-span-2' : undefined}>
                  <label htmlFor={`${method}.${field}`} className={label}>
                    {t(`fields.${field}`)}
                  </label>
                  {LONG_FIELDS.has(field) ? (
                    <textarea
                      id={`${method}.${field}`}
                      name={`${method}.${field}`}
                      rows={3}
                      defaultValue={value(field, String(provider[field as keyof typeof provider] ?? ''))}
                      className={`${fieldClass} font-mono text-xs`}
                      aria-invalid={errors[`${method}.${field}`] ? true : undefined}
                    />
                  ) : (
                    <input
                      id={`${method}.${field}`}
                      name={`${method}.${field}`}
                      defaultValue={value(field, String(provider[field as keyof typeof provider] ?? ''))}
                      className={fieldClass}
                      aria-invalid={errors[`${method}.${field}`] ? true : undefined}
                    />
                  )}
                  {errorText(`${method}.${field}`)}
                </div>
              ))}
              {SECRET_NAMES[method].map((secret) => {
                const shown = provider.secrets[secret];
                return (
                  <div key={secret} className="sm:col-span-2">
                    <label htmlFor={`${method}.${secret}`} className={label}>
                      {t(`fields.${secret}`)}
                    </label>
                    <p className="mb-1 text-xs text-slate-500" data-testid={`secret-${method}-${secret}`}>
                      {shown.source === 'env'
                        ? t('secretFromEnv', { name: shown.envName, masked: shown.masked ?? '' })
                        : shown.source === 'stored'
                          ? t('secretStored', { masked: shown.masked ?? '' })
                          : t('secretNone', { name: shown.envName })}
                    </p>
                    <textarea
                      id={`${method}.${secret}`}
                      name={`${method}.${secret}`}
                      rows={2}
                      autoComplete="off"
                      placeholder={t('secretPlaceholder')}
                      className={`${fieldClass} font-mono text-xs`}
                      aria-invalid={errors[`${method}.${secret}`] ? true : undefined}
                    />
                    {errorText(`${method}.${secret}`)}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-xs">
        <h2 className="text-sm font-semibold text-slate-900">{t('manualMethods')}</h2>
        {(['bank_transfer', 'cash_on_delivery'] as const).map((method) => (
          <label key={method} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name={`${method}.enabled`}
              defaultChecked={typed ? typed[`${method}.enabled`] === 'on' : view[method].enabled}
              className="size-4 accent-slate-900"
            />
            {t(`methods.${method}`)}
          </label>
        ))}
      </section>
      <div className="flex justify-end">
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
