'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/staff-action';
import { queryShipmentAction, resolveExceptionAction } from './actions';

/** "Query now": asks the aggregator for the parcel's events and applies them like a push. */
export function QueryNowButton({ shipmentId }: { shipmentId: number }) {
  const t = useTranslations('shipping.detail');
  const [result, setResult] = useState<ActionResult<{ eventsAdded: number; status: string }> | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        disabled={isPending}
        data-testid="query-now"
        onClick={() => startTransition(async () => setResult(await queryShipmentAction({ shipmentId })))}
        className="h-8 rounded-md bg-white px-3 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
      >
        {isPending ? t('querying') : t('queryNow')}
      </button>
      {result && (
        <span className={`text-sm ${result.ok ? 'text-emerald-700' : 'text-rose-700'}`} data-testid="query-result">
          {result.ok ? t('queried', { count: result.data.eventsAdded }) : result.message}
        </span>
      )}
    </div>
  );
}

/** Closes an exception with a note saying what was done. */
export function ResolveExceptionForm({ exceptionId }: { exceptionId: number }) {
  const t = useTranslations('shipping.exceptions');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      data-testid="resolve-exception-form"
      onSubmit={(event) => {
        event.preventDefault();
        const note = String(new FormData(event.currentTarget).get('note') ?? '');
        startTransition(async () => setResult(await resolveExceptionAction({ exceptionId, note })));
      }}
    >
      <input
        name="note"
        required
        maxLength={1000}
        placeholder={t('notePlaceholder')}
        aria-label={t('note')}
        className="h-8 min-w-64 flex-1 rounded-md border border-slate-300 px-2 text-sm"
      />
      <button
        type="submit"
        disabled={isPending}
        className="h-8 rounded-md bg-slate-900 px-3 text-sm font-medium text-white disabled:opacity-60"
      >
        {t('resolve')}
      </button>
      {result && !result.ok && (
        <p className="w-full text-xs text-rose-700">{result.fieldErrors?.note?.join(' ') ?? result.message}</p>
      )}
    </form>
  );
}
