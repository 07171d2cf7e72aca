import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** An unknown or malformed order id: a proper 404, never a 500. */
export default function OrderNotFound() {
  const t = useTranslations('orders.detail');
  return (
    <div className="px-6 py-16">
      <div
        className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm"
        data-testid="order-not-found"
      >
        <p className="text-sm font-semibold text-slate-400">404</p>
        <h1 className="mt-1 text-lg font-semibold text-slate-900">{t('notFoundTitle')}</h1>
        <p className="mt-2 text-sm text-slate-500">{t('notFoundBody')}</p>
        <Link
          href="/orders"
          className="mt-5 inline-flex h-8 items-center rounded-md bg-slate-900 px-4 text-sm font-medium text-white hover:bg-slate-800"
        >
          {t('back')}
        </Link>
      </div>
    </div>
  );
}
