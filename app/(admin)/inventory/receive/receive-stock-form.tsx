'use client';

import Link from 'next/link';
import { useEffect, useId, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/staff-action';
import { receiveStockAction } from '../actions';

interface Line {
  key: number;
  skuCode: string;
  quantity: string;
  unitCost: string;
}
interface SkuOption {
  id: number;
  code: string;
  name: string;
  variant: string | null;
}
type ReceiveResult = ActionResult<{ receiptId: number; number: string; lines: { skuId: number }[] }>;

const input =
  'h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/20 aria-invalid:border-red-400';
const label = 'mb-1 block text-[11px] font-medium uppercase tracking-wide text-slate-500';

/** SKUs whose code starts with what was typed, for the picker's suggestions. */
function useSkuSuggestions(query: string): SkuOption[] {
  const [options, setOptions] = useState<SkuOption[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/internal/inventory/skus?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { skus: [] }))
        .then((body: { skus: SkuOption[] }) => setOptions(body.skus))
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return options;
}

/** A multi-line goods receipt: warehouse, optional supplier and note, and lines picked by SKU code. */
export function ReceiveStockForm({
  warehouses,
  initialSkuCode,
}: {
  warehouses: { id: number; name: string }[];
  initialSkuCode: string;
}) {
  const t = useTranslations('inventory.receive');
  const listId = useId();
  const [nextKey, setNextKey] = useState(2);
  const [lines, setLines] = useState<Line[]>([{ key: 1, skuCode: initialSkuCode, quantity: '', unitCost: '' }]);
  const [header, setHeader] = useState({ warehouseId: String(warehouses[0]?.id ?? ''), supplier: '', note: '' });
  const [activeQuery, setActiveQuery] = useState('');
  const [result, setResult] = useState<ReceiveResult | null>(null);
  const [isPending, startTransition] = useTransition();
  const suggestions = useSkuSuggestions(activeQuery);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  const update = (key: number, changes: Partial<Line>) =>
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...changes } : l)));
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await receiveStockAction({
        ...header,
        lines: lines.map(({ skuCode, quantity, unitCost }) => ({ skuCode, quantity, unitCost })),
      });
      setResult(outcome);
      if (outcome.ok) {
        setLines([{ key: nextKey, skuCode: '', quantity: '', unitCost: '' }]);
        setNextKey((k) => k + 1);
        setHeader((h) => ({ ...h, supplier: '', note: '' }));
      }
    });
  };
  const fieldError = (path: string) =>
    errors[path]?.length ? (
      <p className="mt-1 text-xs text-red-600" data-testid={`field-error-${path}`}>
        {errors[path].join(' ')}
      </p>
    ) : null;

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="receive-form"
    >
      {result?.ok && (
        <p
          data-testid="receive-success"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {t('done', { number: result.data.number, lines: result.data.lines.length })}{' '}
          {result.data.lines.length === 1 && (
            <Link href={`/inventory/${result.data.lines[0].skuId}`} className="font-medium underline">
              →
            </Link>
          )}
        </p>
      )}
      {result && !result.ok && (
        <p
          data-testid="receive-error"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          {result.message}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="receive-warehouse" className={label}>
            {t('warehouse')}
          </label>
          <select
            id="receive-warehouse"
            value={header.warehouseId}
            onChange={(e) => setHeader({ ...header, warehouseId: e.target.value })}
            className={input}
          >
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
          {fieldError('warehouseId')}
        </div>
        <div>
          <label htmlFor="receive-supplier" className={label}>
            {t('supplier')}
          </label>
          <input
            id="receive-supplier"
            value={header.supplier}
            maxLength={120}
            onChange={(e) => setHeader({ ...header, supplier: e.target.value })}
            className={input}
          />
          {fieldError('supplier')}
        </div>
        <div>
          <label htmlFor="receive-note" className={label}>
            {t('note')}
          </label>
          <input
            id="receive-note"
            value={header.note}
            maxLength={500}
            onChange={(e) => setHeader({ ...header, note: e.target.value })}
            className={input}
          />
          {fieldError('note')}
        </div>
      </div>

      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t('lines')}</legend>
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s.id} value={s.code}>{`${s.name}${s.variant ? ` · ${s.variant}` : ''}`}</option>
          ))}
        </datalist>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col" className={`${label} w-1/2 pr-2`}>
                  {t('skuCode')}
                </th>
                <th scope="col" className={`${label} pr-2`}>
                  {t('quantity')}
                </th>
                <th scope="col" className={`${label} pr-2`}>
                  {t('unitCost')}
                </th>
                <th scope="col">
                  <span className="sr-only">{t('removeLine')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, index) => (
                <tr key={line.key} className="align-top" data-testid={`receive-line-${index}`}>
                  <td className="py-1 pr-2">
                    <input
                      name={`lines.${index}.skuCode`}
                      aria-label={`${t('skuCode')} ${index + 1}`}
                      value={line.skuCode}
                      list={listId}
                      autoComplete="off"
                      placeholder={t('skuCodePlaceholder')}
                      required
                      className={`${input} font-mono`}
                      aria-invalid={errors[`lines.${index}.skuCode`] ? true : undefined}
                      onFocus={() => setActiveQuery(line.skuCode)}
                      onChange={(e) => {
                        update(line.key, { skuCode: e.target.value });
                        setActiveQuery(e.target.value);
                      }}
                    />
                    {fieldError(`lines.${index}.skuCode`)}
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      name={`lines.${index}.quantity`}
                      aria-label={`${t('quantity')} ${index + 1}`}
                      value={line.quantity}
                      inputMode="numeric"
                      required
                      className={`${input} text-right tabular-nums`}
                      aria-invalid={errors[`lines.${index}.quantity`] ? true : undefined}
                      onChange={(e) => update(line.key, { quantity: e.target.value })}
                    />
                    {fieldError(`lines.${index}.quantity`)}
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      name={`lines.${index}.unitCost`}
                      aria-label={`${t('unitCost')} ${index + 1}`}
                      value={line.unitCost}
                      inputMode="decimal"
                      className={`${input} text-right tabular-nums`}
                      aria-invalid={errors[`lines.${index}.unitCost`] ? true : undefined}
                      onChange={(e) => update(line.key, { unitCost: e.target.value })}
                    />
                    {fieldError(`lines.${index}.unitCost`)}
                  </td>
                  <td className="py-1">
                    <button
                      type="button"
                      onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}
                      disabled={lines.length === 1}
                      className="h-8 rounded-md px-2 text-sm text-slate-500 hover:bg-slate-100 hover:text-red-700 disabled:opacity-30"
                      aria-label={`${t('removeLine')} ${index + 1}`}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button
          type="button"
          onClick={() => {
            setLines((all) => [...all, { key: nextKey, skuCode: '', quantity: '', unitCost: '' }]);
            setNextKey((k) => k + 1);
          }}
          className="mt-2 h-8 rounded-md border border-dashed border-slate-300 px-3 text-sm text-slate-600 hover:bg-slate-50"
        >
          + {t('addLine')}
        </button>
      </fieldset>

      <div className="flex justify-end border-t border-slate-100 pt-3">
        <button
          type="submit"
          disabled={isPending}
          className="h-9 rounded-md bg-slate-900 px-4 text-sm font-medium text-white shadow-xs hover:bg-slate-800 disabled:cursor-wait disabled:opacity-60"
        >
          {isPending ? t('pending') : t('submit')}
        </button>
      </div>
    </form>
  );
}
