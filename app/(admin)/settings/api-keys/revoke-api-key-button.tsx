'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { revokeApiKeyAction } from './actions';

/** Revoking cannot be undone: the integration using the key stops working at once, so it asks first. */
export function RevokeApiKeyButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations('settings.apiKeys');
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={isPending}
        data-testid={`revoke-api-key-${id}`}
        onClick={() => {
          if (!window.confirm(t('confirmRevoke', { name }))) return;
          startTransition(async () => {
            const result = await revokeApiKeyAction({ id });
            setError(result.ok ? null : result.message);
          });
        }}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-40"
      >
        {isPending ? t('revoking') : t('revoke')}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}
