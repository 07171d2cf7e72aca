import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-staff';
import { NewOrderForm } from './new-order-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('orders.entry');
  return { title: t('newTitle') };
}

/** Manual order entry: staff type in an order taken by phone, chat or in person. */
export default async function NewOrderPage() {
  await requirePermission('orders.write');
  const [t, locale] = await Promise.all([getTranslations('orders.entry'), getLocale()]);
  return (
    <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
      <div>
        <Link href="/orders" className="text-sm text-slate-500 hover:text-slate-900 hover:underline">
          ← {t('back')}
        </Link>
      </div>
      <header>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t('newTitle')}</h1>
        <p className="mt-0.5 text-sm text-slate-500">{t('newDescription')}</p>
      </header>
      <NewOrderForm locale={locale} />
    </div>
  );
}
