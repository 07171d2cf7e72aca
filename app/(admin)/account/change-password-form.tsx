'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/staff-action';
import { changeOwnPasswordAction } from './actions';
import { Field, FormError, primaryButton, Success } from './form-bits';

type State = { result: ActionResult<{ endedSessions: number }> | null; attempt: number };

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const t = useTranslations('staff.account.password');
  const [state, formAction, isPending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => ({
      result: await changeOwnPasswordAction(formData),
      attempt: previous.attempt + 1,
    }),
    { result: null, attempt: 0 },
  );
  const errors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};

  return (
    <form key={state.attempt} action={formAction} className="space-y-4" data-testid="change-password-form">
      <FormError result={state.result} testId="change-password-error" />
      {state.result?.ok ? (
        <Success testId="change-password-success">{t('changed', { count: state.result.data.endedSessions })}</Success>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id="currentPassword"
          name="currentPassword"
          type="password"
          label={t('current')}
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <Field
          id="newPassword"
          name="newPassword"
          type="password"
          label={t('new')}
          autoComplete="new-password"
          required
          minLength={minLength}
          error={errors.newPassword}
          hint={t('hint', { min: minLength })}
        />
        <Field
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          label={t('confirm')}
          autoComplete="new-password"
          required
          error={errors.confirmPassword}
        />
      </div>
      <div className="flex justify-end">
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? t('pending') : t('submit')}
        </button>
      </div>
    </form>
  );
}
