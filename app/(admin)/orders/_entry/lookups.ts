'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { SkuForEntry } from '@/domain/catalog/search-skus';
import type { CustomerMatch } from '@/domain/customers/search-customers';
import { useDebouncedValue } from './use-debounced-value';

async function fetchLookup<T>(path: string, q: string, signal: AbortSignal, signedOutMessage: string): Promise<T> {
  const response = await fetch(`${path}?q=${encodeURIComponent(q)}`, { cache: 'no-store', signal });
  if (response.redirected || response.status === 401) throw new Error(signedOutMessage);
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new Error(body && typeof body.message === 'string' ? body.message : `HTTP ${response.status}`);
  return body as T;
}

/** Customers matching what was typed (name prefix or phone), asked once typing pauses. */
export function useCustomerSearch(text: string) {
  const t = useTranslations('common');
  const q = useDebouncedValue(text.trim());
  const query = useQuery({
    queryKey: ['entry-customers', q],
    queryFn: ({ signal }) =>
      fetchLookup<{ customers: CustomerMatch[] }>('/api/internal/customers', q, signal, t('signedOut')),
    enabled: q.length > 0,
    staleTime: 10_000,
  });
  // only answers to what is typed now: Enter must never pick a match for an earlier, shorter text
  const isCurrent = q.length > 0 && q === text.trim() && !query.isPlaceholderData;
  return {
    ...query,
    customers: isCurrent ? (query.data?.customers ?? []) : [],
    isSettled: isCurrent && !query.isFetching,
  };
}

/** SKUs matching a code, barcode or name, with live available stock (never cached for long: stock moves). */
export function useSkuSearch(text: string) {
  const t = useTranslations('common');
  const q = useDebouncedValue(text.trim());
  const query = useQuery({
    queryKey: ['entry-skus', q],
    queryFn: ({ signal }) => fetchLookup<{ skus: SkuForEntry[] }>('/api/internal/skus', q, signal, t('signedOut')),
    enabled: q.length > 0,
    staleTime: 0,
  });
  const isCurrent = q.length > 0 && q === text.trim() && !query.isPlaceholderData;
  return { ...query, skus: isCurrent ? (query.data?.skus ?? []) : [], isSettled: isCurrent && !query.isFetching };
}
