'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import type { StaffSignInError } from '@/lib/auth/sign-in-error';

export interface SignInState {
  error?: string;
  email?: string;
  /** 'code': the password was right and the account uses two-factor sign-in; ask for the code */
  step?: 'code';
  /** bumps on every failed attempt so the form re-mounts with the typed email kept */
  attempt: number;
}

const ZSignInForm = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  code: z.string().trim().max(64).optional(),
  callbackUrl: z.string().optional(),
});

/** Signs a staff member in and redirects to where they were going; failures come back as text. */
export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations('auth.errors');
  // both arguments come from the client as sent: a forged call may send anything
  const attempt = (Number.isSafeInteger(previous?.attempt) ? previous.attempt : 0) + 1;
  if (!(formData instanceof FormData)) return { error: t('missingFields'), attempt };
  const email = String(formData.get('email') ?? '').slice(0, 320);
  const parsed = ZSignInForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: t('missingFields'), email, attempt };

  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      ...(parsed.data.code ? { code: parsed.data.code } : {}),
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const { code, retryAfterMinutes } = error as StaffSignInError;
      if (code === 'throttled') return { error: t('throttled', { minutes: retryAfterMinutes ?? 15 }), email, attempt };
      if (code === 'totp_required') return { email, attempt, step: 'code' };
      if (code === 'invalid_totp') return { error: t('invalidTotp'), email, attempt, step: 'code' };
      return { error: t('invalidCredentials'), email, attempt };
    }
    if (error instanceof AuthError) {
      console.error('sign-in failed unexpectedly', error);
      return { error: t('unavailable'), email, attempt };
    }
    throw error; // the success redirect travels as a thrown NEXT_REDIRECT
  }
  return { attempt };
}
