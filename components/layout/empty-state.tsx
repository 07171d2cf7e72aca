import { Construction } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * What a section that is not built yet shows: says so plainly, with no sample figures, so nobody
 * mistakes an empty screen for an empty business.
 */
export function EmptyState({ section }: { section: string }) {
  const t = useTranslations('common');
  return (
    <div className="px-6 py-6">
      <div
        data-testid="empty-state"
        className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center"
      >
        <div className="flex size-10 items-center justify-center rounded-full bg-slate-100">
          <Construction aria-hidden className="size-5 text-slate-500" />
        </div>
        <h2 className="mt-4 text-base font-semibold text-slate-900">{t('notBuiltTitle')}</h2>
        <p className="mt-1 max-w-md text-sm text-slate-500">
          <span className="font-medium text-slate-700">{section}</span> · {t('notBuiltBody')}
        </p>
        <Link
          href="/"
          className="mt-5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {t('backHome')}
        </Link>
      </div>
    </div>
  );
}
