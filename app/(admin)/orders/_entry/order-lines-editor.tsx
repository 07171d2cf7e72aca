'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { SkuForEntry } from '@/domain/catalog/search-skus';
import { formatMoney } from '@/domain/shared/money';
import type { LineState } from './entry-state';
import { FieldError, inputClass, type FieldErrors } from './fields';
import { useSkuSearch } from './lookups';
import { SearchCombobox } from './search-combobox';

/** Stock a line can draw on: what is free now plus what this order already holds. */
function availableFor(line: LineState): number {
  return line.sku.available + line.heldByOrder;
}

/**
 * The order's lines: a SKU picker showing available stock, then one row per SKU with its
 * quantity. Picking a SKU already on the order adds one to that line instead of a second line.
 */
export function OrderLinesEditor({
  lines,
  onChange,
  errors,
  locale,
  lineTotals,
}: {
  lines: readonly LineState[];
  onChange: (next: LineState[]) => void;
  errors: FieldErrors;
  locale: string;
  /** line totals computed by the server, by SKU id (the preview) */
  lineTotals: ReadonlyMap<number, number>;
}) {
  const t = useTranslations('orders.entry.lines');
  const [text, setText] = useState('');
  const search = useSkuSearch(text);

  const add = (sku: SkuForEntry) => {
    const index = lines.findIndex((line) => line.sku.id === sku.id);
    if (index >= 0) {
      const next = [...lines];
      const current = Number(next[index].quantity);
      next[index] = {
        ...next[index],
        sku,
        quantity: String(Number.isSafeInteger(current) && current > 0 ? current + 1 : 1),
      };
      onChange(next);
    } else {
      onChange([...lines, { sku, quantity: '1', heldByOrder: 0 }]);
    }
    setText('');
  };

  const stockText = (sku: SkuForEntry) =>
    sku.available > 0
      ? `${t('available', { count: sku.available })}${
          sku.warehouses.length > 1
            ? ` · ${sku.warehouses
                .filter((w) => w.available > 0)
                .map((w) => `${w.warehouseName} ${w.available}`)
                .join(' / ')}`
            : ''
        }`
      : t('outOfStock');

  return (
    <div className="space-y-3">
      <SearchCombobox
        label={t('search')}
        placeholder={t('searchPlaceholder')}
        text={text}
        onText={setText}
        items={search.skus}
        itemKey={(s) => s.id}
        renderItem={(s) => (
          <div
            className="grid grid-cols-[9rem_1fr_auto] items-baseline gap-3"
            data-testid="sku-option"
            data-sku-code={s.code}
          >
            <span className="font-mono text-xs text-slate-700">{s.code}</span>
            <span className="truncate text-slate-900">
              {s.name}
              {s.variant ? <span className="text-slate-500"> · {s.variant}</span> : null}
            </span>
            <span className="text-right text-xs tabular-nums">
              <span className="font-medium text-slate-900">{formatMoney(s.priceCents, s.currency, locale)}</span>
              <span
                className={`ml-2 ${s.available > 0 ? 'text-slate-500' : 'text-red-600'}`}
                data-testid="sku-option-available"
                data-available={s.available}
              >
                {stockText(s)}
              </span>
            </span>
          </div>
        )}
        onPick={add}
        isLoading={!search.isSettled}
        error={search.error ? search.error.message : null}
        emptyMessage={t('noMatches')}
        testId="sku-search"
        invalid={Boolean(errors.lines)}
      />
      <FieldError messages={errors.lines} path="lines" />

      <table className="w-full text-sm" data-testid="order-lines">
        <thead>
          <tr className="border-b border-slate-200 text-left text-[11px] font-medium uppercase tracking-wide text-slate-500">
            <th className="py-1.5 pr-3 font-medium">{t('sku')}</th>
            <th className="py-1.5 pr-3 font-medium">{t('product')}</th>
            <th className="py-1.5 pr-3 text-right font-medium">{t('unitPrice')}</th>
            <th className="w-28 py-1.5 pr-3 font-medium">{t('quantity')}</th>
            <th className="py-1.5 pr-3 text-right font-medium">{t('lineTotal')}</th>
            <th className="w-8 py-1.5" aria-label={t('remove')} />
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 && (
            <tr>
              <td colSpan={6} className="py-4 text-center text-slate-500">
                {t('empty')}
              </td>
            </tr>
          )}
          {lines.map((line, index) => {
            const quantityPath = `lines.${index}.quantity`;
            const messages = [
              ...(errors[quantityPath] ?? []),
              ...(errors[`lines.${index}.skuId`] ?? []),
              ...(errors[`lines.${index}`] ?? []),
            ];
            const quantity = Number(line.quantity);
            const available = availableFor(line);
            const isOver = Number.isSafeInteger(quantity) && quantity > available;
            const lineTotal = lineTotals.get(line.sku.id);
            return (
              <tr
                key={line.sku.id}
                className="border-b border-slate-100 align-top"
                data-testid="order-line"
                data-sku-code={line.sku.code}
              >
                <td className="py-2 pr-3 font-mono text-xs text-slate-700">{line.sku.code}</td>
                <td className="py-2 pr-3">
                  <p className="text-slate-900">
                    {line.sku.name}
                    {line.sku.variant ? <span className="text-slate-500"> · {line.sku.variant}</span> : null}
                  </p>
                  <p
                    className={`text-xs ${available > 0 ? 'text-slate-500' : 'text-red-600'}`}
                    data-testid="line-available"
                    data-available={available}
                  >
                    {available > 0 ? t('available', { count: available }) : t('outOfStock')}
                    {line.heldByOrder > 0 && <span> ({t('heldByOrder', { count: line.heldByOrder })})</span>}
                    {!line.sku.isActive && <span className="ml-1 text-amber-700">· {t('offSale')}</span>}
                  </p>
                </td>
                <td className="py-2 pr-3 text-right tabular-nums text-slate-700">
                  {formatMoney(line.sku.priceCents, line.sku.currency, locale)}
                </td>
                <td className="py-2 pr-3">
                  <input
                    aria-label={t('quantityFor', { code: line.sku.code })}
                    name={quantityPath}
                    inputMode="numeric"
                    value={line.quantity}
                    onChange={(event) => {
                      const next = [...lines];
                      next[index] = { ...line, quantity: event.target.value.replace(/\s/g, '') };
                      onChange(next);
                    }}
                    aria-invalid={messages.length > 0 || undefined}
                    className={`${inputClass} w-20 text-right tabular-nums`}
                  />
                  {isOver && messages.length === 0 && (
                    <p className="mt-1 text-xs text-amber-700">{t('overAvailable', { count: available })}</p>
                  )}
                  <FieldError messages={messages.length ? messages : undefined} path={quantityPath} />
                </td>
                <td className="py-2 pr-3 text-right tabular-nums text-slate-900" data-testid="line-total">
                  {lineTotal === undefined ? '—' : formatMoney(lineTotal, line.sku.currency, locale)}
                </td>
                <td className="py-2 text-right">
                  <button
                    type="button"
                    aria-label={t('removeLine', { code: line.sku.code })}
                    title={t('remove')}
                    onClick={() => onChange(lines.filter((_, i) => i !== index))}
                    className="rounded px-1.5 text-slate-400 hover:bg-slate-100 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-sky-500"
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
