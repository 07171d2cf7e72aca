import { useTranslations } from 'next-intl';
import { setLocaleAction } from '@/lib/i18n/set-locale-action';
import { LOCALES, type Locale } from '@/lib/i18n/locales';

/** Two buttons posting the chosen language to a server action; works without client JS. */
export function LanguageSwitch({ current }: { current: Locale }) {
  const t = useTranslations('nav');
  return (
    <form
      action={setLocaleAction}
      aria-label={t('languageSwitch')}
      className="flex rounded-md bg-slate-800 p-0.5 text-xs"
    >
      {LOCALES.map((locale) => {
        const isCurrent = locale === current;
        return (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={isCurrent}
            className={
              isCurrent
                ? 'flex-1 rounded bg-slate-600 px-2 py-1 font-medium text-white'
                : 'flex-1 rounded px-2 py-1 text-slate-400 hover:text-white'
            }
          >
            {t(`localeNames.${locale}`)}
          </button>
        );
      })}
    </form>
  );
}
