'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { AfterSalesKind } from '@/db/schema/after-sales';
import { Button } from '@/components/ui/button';
import { compactFieldClass } from '@/components/ui/form-field';
import type { ActionResult } from '@/lib/actions/staff-action';
import { createAfterSalesAction } from './actions';

export interface RequestableLineOption {
  id: number;
  label: string;
  maxAny: number;
  maxBack: number;
}

/** "New after-sales request" on the order page: offers only the units each kind may still request. */
// the kinds whose goods come back (bounded by what shipped); the server checks again
const RETURNS_GOODS: readonly AfterSalesKind[] = ['return_refund', 'exchange'];
const KINDS: readonly AfterSalesKind[] = ['refund_only', 'return_refund', 'exchange', 'reship'];

export function NewRequestForm({
  orderId,
  lines,
  reasons,
}: {
  orderId: number;
  lines: RequestableLineOption[];
  reasons: { code: string; name: string }[];
}) {
  const t = useTranslations('after-sales');
  const router = useRouter();
  const [kind, setKind] = useState<AfterSalesKind>('refund_only');
  const [result, setResult] = useState<ActionResult<{ id: number }> | null>(null);
  const [isPending, startTransition] = useTransition();
  const maxOf = (line: RequestableLineOption) => (RETURNS_GOODS.includes(kind) ? line.maxBack : line.maxAny);
  const open = lines.filter((l) => maxOf(l) > 0);
  return (
    <form
      className="space-y-2 text-sm"
      data-testid="new-after-sales-form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const chosen = open
          .map((l) => ({
            orderLineId: l.id,
            quantity: Number(form.get(`qty-${l.id}`) || 0),
            reasonCode: String(form.get('reason')),
            note: String(form.get('note') ?? '').trim() || undefined,
          }))
          .filter((l) => l.quantity > 0);
        startTransition(async () => {
          const outcome = await createAfterSalesAction({ orderId, kind, lines: chosen });
          setResult(outcome);
          if (outcome.ok) router.push(`/after-sales/${outcome.data.id}`);
        });
      }}
    >
      <label className="flex items-center gap-2">
        {t('actions.kindLabel')}
        <select value={kind} onChange={(e) => setKind(e.target.value as AfterSalesKind)} className={compactFieldClass}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {open.length === 0 ? (
        <p className="text-slate-500">{t('actions.none')}</p>
      ) : (
        <>
          {open.map((line) => (
            <label key={line.id} className="flex items-center gap-2">
              <span className="min-w-48">{line.label}</span>
              <input
                name={`qty-${line.id}`}
                type="number"
                min={0}
                max={maxOf(line)}
                defaultValue={0}
                className={`${compactFieldClass} w-16`}
              />
              <span className="text-xs text-slate-500">{t('actions.maxUnits', { max: maxOf(line) })}</span>
            </label>
          ))}
          <select name="reason" aria-label={t('detail.reason')} className={compactFieldClass}>
            {reasons.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
          <input
            name="note"
            maxLength={500}
            placeholder={t('detail.note')}
            aria-label={t('detail.note')}
            className={`${compactFieldClass} ml-2`}
          />
          <div>
            <Button type="submit" disabled={isPending} data-testid="new-after-sales-submit">
              {t('actions.create')}
            </Button>
          </div>
        </>
      )}
      {result && !result.ok && (
        <p className="text-rose-700" data-testid="new-after-sales-error">
          {result.message}
        </p>
      )}
    </form>
  );
}
