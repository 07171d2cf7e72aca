import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import type { KeysetLinks } from './keyset-links';

/** First / previous / next under a keyset list (see keyset-links.ts for how the links are made). */
export function KeysetPagination({ links, label }: { links: KeysetLinks; label?: string }) {
  const t = useTranslations('common.table');
  const off = buttonClass('secondary', 'md', 'pointer-events-none opacity-40');
  return (
    <nav
      className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2.5"
      aria-label={label ?? t('pagination')}
    >
      <div>
        {links.first && (
          <Link href={links.first} className="text-sm text-slate-600 hover:text-slate-900 hover:underline">
            {t('firstPage')}
          </Link>
        )}
      </div>
      <div className="flex gap-2">
        {links.prev ? (
          <Link rel="prev" href={links.prev} className={buttonClass('secondary')}>
            ← {t('previous')}
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            ← {t('previous')}
          </span>
        )}
        {links.next ? (
          <Link rel="next" href={links.next} className={buttonClass('secondary')}>
            {t('next')} →
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            {t('next')} →
          </span>
        )}
      </div>
    </nav>
  );
}
