'use server';

import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from './locales';

/**
 * Remembers a person's language choice. Takes the locale or a form with a `locale` field; an
 * unknown value is ignored. Setting a cookie in an action makes Next re-render the page.
 */
export async function setLocaleAction(input: string | FormData): Promise<void> {
  const locale = input instanceof FormData ? input.get('locale') : input;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax' });
}
