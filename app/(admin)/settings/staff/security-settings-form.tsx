'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { StaffRole } from '@/domain/staff/roles';
import type { ActionResult } from '@/lib/actions/staff-action';
import { updateSecuritySettingsAction } from './actions';

interface Values {
  sessionIdleMinutes: number;
  sessionAbsoluteDays: number;
  totpRequiredRoles: StaffRole[];
}
type State = { result: ActionResult<Values> | null; attempt: number };

const inputClass =
  'block w-32 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 aria-invalid:border-red-400';

/** Session lifetimes and the roles that must use two-factor sign-in. */
export function SecuritySettingsForm({ values, roles }: { values: Values; roles: readonly StaffRole[] }) {
  const t = useTranslations('staff.security');
  const tRoles = useTranslations('staff.roles');
  const [state, formAction, isPending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => ({
      result: await updateSecuritySettingsAction(formData),
      attempt: previous.attempt + 1,
    }),
    { result: null, attempt: 0 },
  );
  const errors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const shown = state.result?.ok ? state.result.data : values;
  const error = (name: string) =>
    errors[name] ? (
      <p data-testid={`field-error-${name}`} className="mt-1 text-xs text-red-600">
        {errors[name].join(' ')}
      </p>
    ) : null;

  return (
    <form key={state.attempt} action={formAction} className="space-y-4" data-testid="security-settings-form">
      {state.result?.ok ? (
        <p
          data-testid="security-saved"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {t('saved')}
        </p>
      ) : null}
      {state.result && !state.result.ok && Object.keys(errors).length === 0 ? (
        <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.result.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-6">
        <div>
          <label htmlFor="sessionIdleMinutes" className="mb-1 block text-sm font-medium text-slate-700">
            {t('idle')}
          </label>
          <input
            id="sessionIdleMinutes"
            name="sessionIdleMinutes"
            type="number"
            min={5}
            max={10080}
            required
            defaultValue={shown.sessionIdleMinutes}
            aria-invalid={errors.sessionIdleMinutes ? true : undefined}
            className={inputClass}
          />
          {error('sessionIdleMinutes') ?? <p className="mt-1 text-xs text-slate-500">{t('idleHint')}</p>}
        </div>
        <div>
          <label htmlFor="sessionAbsoluteDays" className="mb-1 block text-sm font-medium text-slate-700">
            {t('absolute')}
          </label>
          <input
            id="sessionAbsoluteDays"
            name="sessionAbsoluteDays"
            type="number"
            min={1}
            max={90}
            required
            defaultValue={shown.sessionAbsoluteDays}
            aria-invalid={errors.sessionAbsoluteDays ? true : undefined}
            className={inputClass}
          />
          {error('sessionAbsoluteDays') ?? <p className="mt-1 text-xs text-slate-500">{t('absoluteHint')}</p>}
        </div>
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('totpRoles')}</legend>
        <p className="mb-2 text-xs text-slate-500">{t('totpRolesHint')}</p>
        <div className="flex flex-wrap gap-4">
          {roles.map((role) => (
            <label key={role} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="totpRequiredRoles"
                value={role}
                defaultChecked={shown.totpRequiredRoles.includes(role)}
                className="size-4 rounded border-slate-300"
              />
              {tRoles(role)}
            </label>
          ))}
        </div>
        {error('totpRequiredRoles')}
      </fieldset>
      <div className="flex justify-end">
        <button
          type="submit"
          disabled={isPending}
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-70"
        >
          {isPending ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
