'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { signInAction } from './actions';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations('auth.signIn');
  const [state, formAction, isPending] = useActionState(signInAction, { attempt: 0, error: initialError });

  return (
    <form action={formAction} className="space-y-5" noValidate={false}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error ? (
        <div
          data-testid="sign-in-error"
          aria-live="polite"
          className="rounded-lg border border-red-200 bg-red-50 px-3.5 py-2.5 text-sm text-red-700"
        >
          {state.error}
        </div>
      ) : null}
      <div className="space-y-1.5">
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">{t('email')}</label>
        <input
          key={`email-${state.attempt}`}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus={!state.email}
          defaultValue={state.email ?? ''}
          placeholder={t('emailPlaceholder')}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3.5 py-2.5 text-sm text-slate-900 shadow-sm outline-none transition placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">{t('password')}</label>
        <input
          key={`password-${state.attempt}`}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus={Boolean(state.email)}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3.5 py-2.5 text-sm text-slate-900 shadow-sm outline-none transition focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
        />
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-slate-900 px-4 py-2.5 text-sm font-semibold text-white shadow-sm transition hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-wait disabled:opacity-70"
      >
        {isPending ? (
          <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />
        ) : null}
        {isPending ? t('pending') : t('submit')}
      </button>
      <p className="text-center text-xs text-slate-500">{t('forgotHint')}</p>
    </form>
  );
}
