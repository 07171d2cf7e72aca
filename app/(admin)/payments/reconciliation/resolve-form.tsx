'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { fieldClass, secondaryButton } from '@/components/ui/modal-dialog';
import { resolveIssueAction } from './actions';

/** The note and button that mark one reconciliation issue resolved. */
export function ResolveIssueForm({ issueId }: { issueId: number }) {
  const t = useTranslations('refunds.reconciliation');
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      data-testid="resolve-form"
      onSubmit={(event) => {
        event.preventDefault();
        const note = String(new FormData(event.currentTarget).get('note') ?? '');
        setError(null);
        startTransition(async () => {
          const result = await resolveIssueAction({ issueId, note });
          if (!result.ok) setError(result.fieldErrors?.note?.[0] ?? result.message);
        });
      }}
    >
      <input
        name="note"
        required
        maxLength={1000}
        placeholder={t('note')}
        aria-label={t('note')}
        className={`${fieldClass} w-64`}
      />
      <button type="submit" disabled={isPending} className={secondaryButton}>
        {t('resolve')}
      </button>
      {error && <p className="w-full text-xs text-rose-700">{error}</p>}
    </form>
  );
}
