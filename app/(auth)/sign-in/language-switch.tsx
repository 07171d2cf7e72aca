import { getLocale, getTranslations } from 'next-intl/server';
import { LOCALES } from '@/lib/i18n/locales';
import { setLocaleAction } from '@/lib/i18n/set-locale-action';

const LOCALE_NAMES: Record<(typeof LOCALES)[number], string> = { 'zh-CN': '中文', en: 'English' };

/** Two buttons posting the language choice; works without client JavaScript. */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('auth.signIn')]);
  return (
    <form
      action={setLocaleAction}
      className="flex items-center justify-center gap-1 text-xs text-slate-500"
      aria-label={t('languageLabel')}
    >
      {LOCALES.map((value, index) => (
        <span key={value} className="flex items-center gap-1">
          {index > 0 ? (
            <span aria-hidden className="text-slate-300">
              |
            </span>
          ) : null}
          <button
            type="submit"
            name="locale"
            value={value}
            lang={value}
            aria-pressed={locale === value}
            className={
              locale === value
                ? 'rounded px-1.5 py-0.5 font-semibold text-slate-900'
                : 'rounded px-1.5 py-0.5 hover:bg-slate-100 hover:text-slate-800'
            }
          >
            {LOCALE_NAMES[value]}
          </button>
        </span>
      ))}
    </form>
  );
}
