import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getCurrentStaff } from '@/lib/auth/current-staff';
import { signOutAction } from '@/lib/auth/sign-out-action';
import { buttonClass } from '@/components/ui/button';

/** Rendered with HTTP 403 by requirePermission (Next's forbidden()). */
export default async function Forbidden() {
  const [t, tAuth, tRoles, staff] = await Promise.all([
    getTranslations('auth.forbidden'),
    getTranslations('auth'),
    getTranslations('staff.roles'),
    getCurrentStaff(),
  ]);
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-indigo-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
      <p className="mt-3 max-w-md text-sm text-slate-600">{t('body')}</p>
      {staff ? (
        <p className="mt-2 text-xs text-slate-500">{t('signedInAs', { name: staff.name, role: tRoles(staff.role) })}</p>
      ) : null}
      <div className="mt-6 flex items-center gap-3">
        <Link href="/" className={buttonClass('primary')}>
          {t('back')}
        </Link>
        {staff ? (
          // someone on a shared computer may need to switch to an account that has access
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              {tAuth('signOut')}
            </button>
          </form>
        ) : null}
      </div>
    </main>
  );
}
