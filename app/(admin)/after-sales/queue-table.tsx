'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { RowsTable, type TableColumn, type TableRow } from '@/components/data-table/rows-table';
import { Button } from '@/components/ui/button';
import { compactFieldClass } from '@/components/ui/form-field';
import type { ActionResult } from '@/lib/actions/staff-action';
import { bulkDecideAfterSalesAction, type BulkDecisionResult } from './actions';

/** The queue on the shared table; people who decide requests select rows and approve or reject them together. */
export function QueueTable({
  columns,
  rows,
  emptyTitle,
  canDecide,
}: {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  emptyTitle: string;
  canDecide: boolean;
}) {
  const t = useTranslations('after-sales');
  return (
    <RowsTable
      id="after-sales-table"
      isPlain={false}
      hasStickyHeader
      emptyTitle={emptyTitle}
      columns={columns}
      rows={rows}
      selection={
        canDecide
          ? {
              label: (row) => t('bulk.select', { number: String(row.attributes?.['data-request-number'] ?? row.id) }),
              checkboxAttributes: (row) => ({ 'data-select-request': String(row.attributes?.['data-request-number']) }),
            }
          : undefined
      }
      bulkActions={
        canDecide && rows.length > 0
          ? (selected, clear) => <BulkDecisionBar requestIds={selected.map((row) => Number(row.id))} onDone={clear} />
          : undefined
      }
    />
  );
}

function BulkDecisionBar({ requestIds, onDone }: { requestIds: number[]; onDone: () => void }) {
  const t = useTranslations('after-sales');
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<ActionResult<{ results: BulkDecisionResult[] }> | null>(null);
  const [isPending, startTransition] = useTransition();
  const decide = (input: { decision: 'approve' } | { decision: 'reject'; reason: string }) =>
    startTransition(async () => {
      const result = await bulkDecideAfterSalesAction({ ...input, requestIds });
      setOutcome(result);
      if (result.ok) {
        onDone();
        router.refresh();
      }
    });
  const isEmpty = requestIds.length === 0;
  const results = outcome?.ok ? outcome.data.results : [];
  return (
    <div className="space-y-2 text-sm" data-testid="after-sales-bulk">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-slate-600">{t('bulk.selected', { count: requestIds.length })}</span>
        <Button
          disabled={isEmpty || isPending}
          onClick={() => decide({ decision: 'approve' })}
          data-testid="bulk-approve"
        >
          {t('bulk.approve')}
        </Button>
        <input
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={500}
          placeholder={t('actions.reason')}
          aria-label={t('actions.reason')}
          className={`${compactFieldClass} min-w-64`}
        />
        <Button
          variant="secondary"
          disabled={isEmpty || isPending}
          onClick={() => decide({ decision: 'reject', reason })}
          data-testid="bulk-reject"
        >
          {t('bulk.reject')}
        </Button>
      </div>
      {outcome && !outcome.ok && (
        <p className="text-rose-700" data-testid="bulk-error">
          {[outcome.message, ...Object.values(outcome.fieldErrors ?? {}).flat()].join(' ')}
        </p>
      )}
      {results.length > 0 && (
        <div data-testid="bulk-report">
          <p>
            {t('bulk.summary', {
              ok: results.filter((r) => r.ok).length,
              failed: results.filter((r) => !r.ok).length,
            })}
          </p>
          <ul className="mt-1 space-y-0.5">
            {results
              .filter((r) => !r.ok)
              .map((r) => (
                <li key={r.requestId} className="text-rose-700" data-testid="bulk-result" data-ok="false">
                  <span className="font-mono text-xs">{r.number}</span> {r.message}
                </li>
              ))}
          </ul>
        </div>
      )}
    </div>
  );
}
