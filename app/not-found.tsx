import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/** Any unknown URL: a plain 404 that leads back to the dashboard. */
export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center" data-testid="not-found">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{t('notFoundTitle')}</h1>
      <p className="mt-3 max-w-md text-sm text-slate-600">{t('notFoundBody')}</p>
      <Link href="/" className={buttonClass('primary', 'md', 'mt-6')}>
        {t('backHome')}
      </Link>
    </main>
  );
}
