import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { ACCOUNT_PATH, getCurrentSession } from '@/lib/auth/current-staff';
import { LanguageSwitch } from './language-switch';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('metaTitle') };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  // someone already signed in (with a live session) has nothing to do here
  const active = await getCurrentSession();
  if (active) redirect(active.pending ? ACCOUNT_PATH : callbackUrl);

  const [t, tCommon, tErrors] = await Promise.all([
    getTranslations('auth.signIn'),
    getTranslations('common'),
    getTranslations('auth.errors'),
  ]);
  // next-auth sends failed direct posts to /api/auth back here with ?error=...
  const initialError = params.error
    ? tErrors(params.error === 'CredentialsSignin' ? 'invalidCredentials' : 'unavailable')
    : undefined;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <div
            aria-hidden
            className="mb-4 flex size-11 items-center justify-center rounded-xl bg-slate-900 text-sky-400 shadow-sm"
          >
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" className="size-6">
              <path d="M3 7l9-4 9 4-9 4-9-4z" strokeLinejoin="round" />
              <path d="M3 7v10l9 4 9-4V7" strokeLinejoin="round" />
              <path d="M12 11v10" />
            </svg>
          </div>
          <p className="text-sm font-medium text-indigo-600">{tCommon('appName')}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
          <p className="mt-2 text-sm text-slate-500">{t('subtitle')}</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
        </div>
        <div className="mt-6">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
