import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { settings } from '@/db/schema/system';
import { DEFAULT_SETTINGS, SETTING_SCHEMAS, type SettingKey, type SettingValue } from './setting-defaults';

/** Parses a stored value; a missing or malformed one is the default (a bad row must not stop the jobs). */
function parseSetting<K extends SettingKey>(key: K, raw: unknown): SettingValue<K> {
  if (raw === undefined) return DEFAULT_SETTINGS[key];
  const parsed = SETTING_SCHEMAS[key].safeParse(raw);
  return parsed.success ? (parsed.data as SettingValue<K>) : DEFAULT_SETTINGS[key];
}

/** One setting's value, or its default. */
export async function getSetting<K extends SettingKey>(db: Database, key: K): Promise<SettingValue<K>> {
  return (await getSettings(db, [key]))[key];
}

/** Several settings in one query, each parsed or defaulted. */
export async function getSettings<K extends SettingKey>(
  db: Database,
  keys: readonly K[],
): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [...keys]));
  const byKey = new Map(rows.map((row) => [row.key, row.value as unknown]));
  return Object.fromEntries(keys.map((key) => [key, parseSetting(key, byKey.get(key))])) as {
    [P in K]: SettingValue<P>;
  };
}
