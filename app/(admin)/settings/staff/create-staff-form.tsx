'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { StaffRole } from '@/domain/staff/roles';
import type { ActionResult } from '@/lib/actions/staff-action';
import { createStaffAction } from './actions';
import { buttonClass } from '@/components/ui/button';

type State = { result: ActionResult<{ id: number }> | null; name: string; values: Record<string, string> };

const inputClass =
  'block w-full rounded-lg border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm outline-none transition focus:ring-2 focus:ring-indigo-500/20 aria-invalid:border-red-400 border-slate-300 focus:border-indigo-500';

// roles and the minimum come from the server page: the domain modules they live in import the database schema
export function CreateStaffForm({
  roles,
  minPasswordLength,
}: {
  roles: readonly StaffRole[];
  minPasswordLength: number;
}) {
  const t = useTranslations('staff');
  const [state, formAction, isPending] = useActionState(
    async (_previous: State, formData: FormData): Promise<State> => {
      const values = {
        name: String(formData.get('name') ?? ''),
        email: String(formData.get('email') ?? ''),
        role: String(formData.get('role') ?? ''),
      };
      const result = await createStaffAction(formData);
      // keep what was typed (except the password) when something must be corrected
      return { result, name: values.name, values: result.ok ? {} : values };
    },
    { result: null, name: '', values: {} },
  );

  const errors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const formKey = state.result ? JSON.stringify(state.values) + String(state.result.ok) : 'initial';
  const field = (name: string) => ({
    id: `create-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `create-${name}-error` : undefined,
  });
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={`create-${name}-error`} data-testid={`field-error-${name}`} className="mt-1 text-xs text-red-600">
        {errors[name].join(' ')}
      </p>
    ) : null;

  return (
    <form key={formKey} action={formAction} className="space-y-4">
      {state.result && !state.result.ok && Object.keys(errors).length === 0 ? (
        <p
          data-testid="create-staff-error"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          {state.result.message}
        </p>
      ) : null}
      {state.result?.ok ? (
        <p
          data-testid="create-staff-success"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {t('create.created', { name: state.name })}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="create-name" className="mb-1 block text-sm font-medium text-slate-700">
            {t('create.name')}
          </label>
          <input
            {...field('name')}
            defaultValue={state.values.name}
            required
            maxLength={80}
            autoComplete="off"
            className={inputClass}
          />
          {errorText('name')}
        </div>
        <div>
          <label htmlFor="create-email" className="mb-1 block text-sm font-medium text-slate-700">
            {t('create.email')}
          </label>
          <input
            {...field('email')}
            type="email"
            defaultValue={state.values.email}
            required
            autoComplete="off"
            className={inputClass}
          />
          {errorText('email')}
        </div>
        <div>
          <label htmlFor="create-role" className="mb-1 block text-sm font-medium text-slate-700">
            {t('create.role')}
          </label>
          <select {...field('role')} defaultValue={state.values.role || 'operations'} className={inputClass}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
          {errorText('role')}
        </div>
        <div>
          <label htmlFor="create-password" className="mb-1 block text-sm font-medium text-slate-700">
            {t('create.password')}
          </label>
          <input
            {...field('password')}
            type="password"
            required
            minLength={minPasswordLength}
            autoComplete="new-password"
            className={inputClass}
          />
          {errorText('password') ?? (
            <p className="mt-1 text-xs text-slate-500">{t('create.passwordHint', { min: minPasswordLength })}</p>
          )}
        </div>
      </div>
      <div className="flex justify-end">
        <button type="submit" disabled={isPending} className={buttonClass('primary')}>
          {isPending ? t('create.pending') : t('create.submit')}
        </button>
      </div>
    </form>
  );
}
