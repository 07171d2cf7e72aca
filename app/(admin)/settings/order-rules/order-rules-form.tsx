'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { fieldClass, primaryButton } from '@/components/ui/modal-dialog';
import type { OrderRules } from '@/domain/settings/update-order-rules';
import type { ActionResult } from '@/lib/actions/staff-action';
import { updateOrderRulesAction } from './actions';

type State = { result: ActionResult<OrderRules> | null; values: Record<string, string | boolean> | null };

/** Yuan for people, from fen: exact digits, no float. */
function fenToYuan(cents: number | null): string {
  if (cents === null) return '';
  const fen = String(cents % 100).padStart(2, '0');
  return fen === '00' ? String(Math.floor(cents / 100)) : `${Math.floor(cents / 100)}.${fen}`;
}

export function OrderRulesForm({ rules, canEdit }: { rules: OrderRules; canEdit: boolean }) {
  const t = useTranslations('settings.orderRules');
  const [state, formAction, isPending] = useActionState(
    async (_previous: State, formData: FormData): Promise<State> => {
      const values = Object.fromEntries(
        [...formData.entries()].filter(([key]) => !key.startsWith('$')).map(([key, value]) => [key, String(value)]),
      );
      const result = await updateOrderRulesAction(formData);
      // keep what was typed when something must be corrected
      return { result, values: result.ok ? null : values };
    },
    { result: null, values: null },
  );

  const errors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const typed = state.values;
  const value = (name: string, fallback: string) => (typed ? String(typed[name] ?? '') : fallback);
  const checked = (name: string, fallback: boolean) => (typed ? typed[name] === 'on' : fallback);
  const formKey = JSON.stringify(state.values) + String(state.result?.ok);
  const errorText = (name: string) =>
    errors[name] ? (
      <p className="mt-1 text-xs text-rose-700" data-testid={`field-error-${name}`}>
        {errors[name].join(' ')}
      </p>
    ) : null;
  const label = 'mb-1 block text-sm font-medium text-slate-700';
  const hint = 'mt-1 text-xs text-slate-500';
  const numberField = (
    name: 'unpaidTimeoutMinutes' | 'autoCompleteDays' | 'reconcileAfterMinutes',
    stored: number,
    hintKey: 'unpaidTimeoutHint' | 'autoCompleteHint' | 'reconcileAfterHint',
  ) => (
    <div>
      <label htmlFor={name} className={label}>
        {t(name)}
      </label>
      <input
        id={name}
        name={name}
        inputMode="numeric"
        defaultValue={value(name, String(stored))}
        className={fieldClass}
        aria-invalid={errors[name] ? true : undefined}
      />
      {errorText(name) ?? <p className={hint}>{t(hintKey)}</p>}
    </div>
  );

  return (
    <form key={formKey} action={formAction} className="space-y-5" data-testid="order-rules-form">
      {state.result?.ok && (
        <p
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
          data-testid="rules-saved"
        >
          {t('saved')}
        </p>
      )}
      {state.result && !state.result.ok && Object.keys(errors).length === 0 && (
        <p className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {state.result.message}
        </p>
      )}
      <fieldset disabled={!canEdit} className="space-y-5">
        <section className="space-y-3">
          <h2 className="text-sm font-semibold text-slate-900">{t('timeouts')}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {numberField('unpaidTimeoutMinutes', rules.unpaidTimeoutMinutes, 'unpaidTimeoutHint')}
            {numberField('autoCompleteDays', rules.autoCompleteDays, 'autoCompleteHint')}
            {numberField('reconcileAfterMinutes', rules.reconcileAfterMinutes, 'reconcileAfterHint')}
          </div>
        </section>
        <section className="space-y-3">
          <div>
            <h2 className="text-sm font-semibold text-slate-900">{t('autoReview')}</h2>
            <p className={hint}>{t('autoReviewHint')}</p>
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="autoReviewEnabled"
              defaultChecked={checked('autoReviewEnabled', rules.autoReview.enabled)}
              className="size-4 accent-slate-900"
            />
            {t('enabled')}
          </label>
          <div className="max-w-xs">
            <label htmlFor="maxTotalYuan" className={label}>
              {t('maxTotalYuan')}
            </label>
            <input
              id="maxTotalYuan"
              name="maxTotalYuan"
              inputMode="decimal"
              defaultValue={value('maxTotalYuan', fenToYuan(rules.autoReview.maxTotalCents))}
              className={fieldClass}
              aria-invalid={errors.maxTotalYuan ? true : undefined}
            />
            {errorText('maxTotalYuan') ?? <p className={hint}>{t('maxTotalHint')}</p>}
          </div>
          {(['holdFlaggedCustomers', 'holdWithBuyerNote'] as const).map((name) => (
            <label key={name} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name={name}
                defaultChecked={checked(name, rules.autoReview[name])}
                className="size-4 accent-slate-900"
              />
              {t(name)}
            </label>
          ))}
        </section>
      </fieldset>
      {canEdit && (
        <div className="flex justify-end">
          <button type="submit" disabled={isPending} className={primaryButton}>
            {isPending ? t('saving') : t('save')}
          </button>
        </div>
      )}
    </form>
  );
}
