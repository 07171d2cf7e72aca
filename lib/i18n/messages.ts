import type { Locale } from './locales';

/**
 * UI text lives in messages/<locale>/<area>.json, one file per area of the app so that areas can
 * grow without touching each other; each file becomes a top-level namespace named after it.
 */
const AREAS = [
  'common',
  'auth',
  'nav',
  'orders',
  'dashboard',
  'staff',
  'inventory',
  'catalog',
  'settings',
  'shipping',
  'printing',
  'payments',
  'refunds',
  'after-sales',
  'analytics',
  'import',
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    AREAS.map(async (area) => [area, (await import(`../../messages/${locale}/${area}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
