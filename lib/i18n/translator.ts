import { createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { loadMessages } from './messages';

/** A translator over every area ("orders.errors.not_found"), usable outside a page request. */
export interface Translate {
  (key: string, values?: Record<string, unknown>): string;
  has(key: string): boolean;
}

/** For callers without the cookie-based request locale: API requests (Accept-Language), jobs. */
export async function translatorFor(locale: Locale): Promise<Translate> {
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  const translate = ((key: string, values?: Record<string, unknown>) => t(key as never, values as never)) as Translate;
  translate.has = (key: string) => t.has(key as never);
  return translate;
}

/** The first supported language of an Accept-Language header ("en-US,en;q=0.9" -> en); Chinese by default. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  const wanted = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.tag && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  }
  return DEFAULT_LOCALE;
}
