'use client';

import { useCallback, useSyncExternalStore } from 'react';

export type Density = 'dense' | 'comfortable';

export interface TablePreferences {
  density: Density;
  /** ids of the columns the person hid */
  hidden: string[];
}

const STORAGE_PREFIX = 'table-preferences:';
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; value: TablePreferences }>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** Reads stored preferences, falling back to the defaults for anything missing or malformed. */
export function parsePreferences(raw: string | null, defaults: TablePreferences): TablePreferences {
  if (!raw) return defaults;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return defaults;
    const { density, hidden } = parsed as Partial<TablePreferences>;
    return {
      density: density === 'comfortable' || density === 'dense' ? density : defaults.density,
      hidden: Array.isArray(hidden)
        ? hidden.filter((column): column is string => typeof column === 'string')
        : defaults.hidden,
    };
  } catch {
    return defaults;
  }
}

/** A table's density and hidden columns, kept in localStorage per table id (per browser, not per account). */
export function useTablePreferences(
  id: string,
  defaultHidden: string[] = [],
): [TablePreferences, (next: TablePreferences) => void] {
  const key = STORAGE_PREFIX + id;
  const defaultsKey = defaultHidden.join(',');
  const read = useCallback((): TablePreferences => {
    const defaults: TablePreferences = { density: 'dense', hidden: defaultsKey ? defaultsKey.split(',') : [] };
    const raw = window.localStorage.getItem(key);
    const cached = cache.get(key);
    if (cached && cached.raw === raw) return cached.value;
    const value = parsePreferences(raw, defaults);
    cache.set(key, { raw, value });
    return value;
  }, [key, defaultsKey]);
  const serverDefaults = useCallback((): TablePreferences => {
    const cached = cache.get(`server:${key}`);
    if (cached) return cached.value;
    const value: TablePreferences = { density: 'dense', hidden: defaultsKey ? defaultsKey.split(',') : [] };
    cache.set(`server:${key}`, { raw: null, value });
    return value;
  }, [key, defaultsKey]);
  const preferences = useSyncExternalStore(subscribe, read, serverDefaults);
  const set = useCallback(
    (next: TablePreferences) => {
      window.localStorage.setItem(key, JSON.stringify(next));
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [preferences, set];
}
