'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { signInAction, type SignInState } from './actions';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations('auth.signIn');
  // controlled, so the password survives the form reset when the second step asks for a code
  const [password, setPassword] = useState('');
  const [state, formAction, isPending] = useActionState(
    async (previous: SignInState, formData: FormData) => {
      const next = await signInAction(previous, formData);
      if (next.step !== 'code') setPassword('');
      return next;
    },
    { attempt: 0, error: initialError },
  );
  const askCode = state.step === 'code';

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
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t('email')}
        </label>
        <input
          key={`email-${state.attempt}`}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus={!state.email}
          defaultValue={state.email ?? ''}
          readOnly={askCode}
          placeholder={t('emailPlaceholder')}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3.5 py-2.5 text-sm text-slate-900 shadow-sm outline-none transition placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
        />
      </div>
      <div className={askCode ? 'hidden' : 'space-y-1.5'}>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoFocus={Boolean(state.email) && !askCode}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3.5 py-2.5 text-sm text-slate-900 shadow-sm outline-none transition focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
        />
      </div>
      {askCode ? (
        <div className="space-y-1.5">
          <label htmlFor="code" className="block text-sm font-medium text-slate-700">
            {t('code')}
          </label>
          <input
            key={`code-${state.attempt}`}
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            required
            autoFocus
            maxLength={64}
            className="block w-full rounded-lg border border-slate-300 bg-white px-3.5 py-2.5 text-sm tracking-widest text-slate-900 shadow-sm outline-none transition focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
          />
          <p className="text-xs text-slate-500">{t('codeHint')}</p>
        </div>
      ) : null}
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
