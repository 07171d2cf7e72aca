'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { buttonClass, dangerButton, primaryButton, secondaryButton } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { fieldClass } from '@/components/ui/form-field';
import { bulkOrderAction, type BulkOrderResult } from './actions';

type Mode = 'review' | 'cancel' | 'tag';

/** The toolbar over the table: what to do with the selected orders (the table's selection), then each order's outcome. */
export function BulkActionBar({
  canWrite,
  selectedIds,
  onDone,
}: {
  canWrite: boolean;
  selectedIds: number[];
  onDone: () => void;
}) {
  const t = useTranslations('orders.actions');
  const selected = { size: selectedIds.length };
  const [mode, setMode] = useState<Mode | null>(null);
  const [results, setResults] = useState<BulkOrderResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (!canWrite) return null;

  const submit = (
    input: { action: 'review' } | { action: 'cancel'; reason: string } | { action: 'tag'; tag: string },
  ) => {
    setError(null);
    startTransition(async () => {
      const result = await bulkOrderAction({ ...input, orderIds: selectedIds });
      if (result.ok) {
        setResults(result.data.results);
        setMode(null);
        onDone();
      } else setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message);
    });
  };
  const succeeded = results?.filter((r) => r.ok).length ?? 0;

  return (
    <div className="space-y-2" data-testid="bulk-actions">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600" data-testid="bulk-count">
          {t('bulk.selected', { count: selected.size })}
        </span>
        <button
          type="button"
          className={secondaryButton}
          disabled={selected.size === 0 || isPending}
          onClick={() => submit({ action: 'review' })}
        >
          {t('bulk.review')}
        </button>
        <button
          type="button"
          className={`${secondaryButton} text-rose-700`}
          disabled={selected.size === 0 || isPending}
          onClick={() => {
            setError(null);
            setMode('cancel');
          }}
        >
          {t('bulk.cancel')}
        </button>
        <button
          type="button"
          className={secondaryButton}
          disabled={selected.size === 0 || isPending}
          onClick={() => {
            setError(null);
            setMode('tag');
          }}
        >
          {t('bulk.addTag')}
        </button>
        {selected.size > 0 && (
          <button type="button" className={buttonClass('ghost', 'sm')} onClick={onDone}>
            {t('bulk.clear')}
          </button>
        )}
        {isPending && <span className="text-sm text-slate-500">{t('working')}</span>}
        {error && !mode && <span className="text-sm text-rose-700">{error}</span>}
      </div>

      {results && (
        <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2" data-testid="bulk-results">
          <div className="flex items-center justify-between">
            <p className="text-sm font-medium text-slate-900">
              {t('bulk.resultsTitle', { succeeded, failed: results.length - succeeded })}
            </p>
            <button type="button" className="text-xs text-slate-500 hover:underline" onClick={() => setResults(null)}>
              {t('bulk.dismiss')}
            </button>
          </div>
          <ul className="mt-1 space-y-0.5 text-sm">
            {results.map((r) => (
              <li key={r.orderId} data-result-order={r.number} data-ok={r.ok} className="flex gap-2">
                <span className="font-mono text-[13px]">{r.number}</span>
                <span className={r.ok ? 'text-emerald-700' : 'text-rose-700'}>
                  {r.ok ? t('bulk.succeeded') : `${t('bulk.failed')}: ${r.message}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {mode && (
        <Dialog
          title={mode === 'cancel' ? t('bulk.cancel') : t('bulk.addTag')}
          onClose={() => setMode(null)}
          testId="bulk-dialog"
        >
          <form
            className="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              const value = String(new FormData(event.currentTarget).get('value') ?? '');
              submit(mode === 'cancel' ? { action: 'cancel', reason: value } : { action: 'tag', tag: value });
            }}
          >
            {mode === 'cancel' && (
              <p className="text-sm text-slate-600">{t('bulk.confirmCancel', { count: selected.size })}</p>
            )}
            <div>
              <label htmlFor="bulk-value" className="mb-1 block text-sm font-medium text-slate-700">
                {mode === 'cancel' ? t('bulk.reason') : t('bulk.tag')}
              </label>
              {mode === 'cancel' ? (
                <textarea id="bulk-value" name="value" rows={2} required maxLength={500} className={fieldClass} />
              ) : (
                <input id="bulk-value" name="value" required maxLength={30} className={fieldClass} />
              )}
              {error && <p className="mt-1 text-xs text-rose-700">{error}</p>}
            </div>
            <div className="flex justify-end gap-2">
              <button type="button" className={secondaryButton} onClick={() => setMode(null)}>
                {t('close')}
              </button>
              <button
                type="submit"
                disabled={isPending}
                className={mode === 'cancel' ? dangerButton : primaryButton}
                data-testid="dialog-submit"
              >
                {t('bulk.apply')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
