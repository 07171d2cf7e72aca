'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from './locales';

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * Remembers a person's UI language in the NEXT_LOCALE cookie for a year. Takes the locale or a
 * form with a `locale` field; an unknown value changes nothing.
 */
export async function setLocaleAction(input: string | FormData): Promise<void> {
  const locale = input instanceof FormData ? input.get('locale') : input;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: ONE_YEAR_SECONDS, path: '/', sameSite: 'lax' });
  // every rendered page holds text in the old language
  revalidatePath('/', 'layout');
}
