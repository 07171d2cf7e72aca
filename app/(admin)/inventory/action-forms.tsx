'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/staff-action';
import { acknowledgeAlertAction, adjustStockAction, setThresholdAction } from './actions';

const input =
  'h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/20 aria-invalid:border-red-400';
const label = 'mb-1 block text-[11px] font-medium uppercase tracking-wide text-slate-500';
const button =
  'h-8 rounded-md bg-slate-900 px-3 text-sm font-medium text-white shadow-xs hover:bg-slate-800 disabled:cursor-wait disabled:opacity-60';

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} data-testid={`field-error-${id}`} className="mt-1 text-xs text-red-600">
      {messages.join(' ')}
    </p>
  );
}

function FormMessage<T>({
  result,
  success,
  testId,
}: {
  result: ActionResult<T> | null;
  success: (data: T) => string;
  testId: string;
}) {
  if (!result) return null;
  if (result.ok)
    return (
      <p
        data-testid={`${testId}-success`}
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
      >
        {success(result.data)}
      </p>
    );
  if (result.fieldErrors && Object.keys(result.fieldErrors).length > 0) return null;
  return (
    <p
      data-testid={`${testId}-error`}
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
    >
      {result.message}
    </p>
  );
}

type AdjustResult = ActionResult<{ onHand: number; reserved: number; delta: number }>;
type AdjustState = { result: AdjustResult | null; seq: number; values: Record<string, string> };

/** Adjust on hand after a count: the counted quantity or a signed change, with a mandatory reason. */
export function AdjustStockForm({ skuId, warehouses }: { skuId: number; warehouses: { id: number; name: string }[] }) {
  const t = useTranslations('inventory.adjust');
  const [state, formAction, isPending] = useActionState(
    async (previous: AdjustState, formData: FormData): Promise<AdjustState> => {
      const values = Object.fromEntries(
        ['warehouseId', 'mode', 'quantity', 'reason'].map((k) => [k, String(formData.get(k) ?? '')]),
      );
      const result = await adjustStockAction(formData);
      // React resets the form after the action; remount it with what was typed when it must be corrected
      return { result, seq: previous.seq + 1, values: result.ok ? { warehouseId: values.warehouseId } : values };
    },
    { result: null, seq: 0, values: {} },
  );
  const errors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const v = state.values;
  return (
    <form action={formAction} className="space-y-3" data-testid="adjust-form" key={state.seq}>
      <input type="hidden" name="skuId" value={skuId} />
      <FormMessage
        result={state.result}
        testId="adjust"
        success={(d) => t('done', { delta: d.delta > 0 ? `+${d.delta}` : String(d.delta), onHand: d.onHand })}
      />
      <div>
        <label htmlFor="adjust-warehouse" className={label}>
          {t('warehouse')}
        </label>
        <select id="adjust-warehouse" name="warehouseId" defaultValue={v.warehouseId} className={input}>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className={label}>{t('mode')}</legend>
        <div className="flex flex-col gap-1 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="counted" defaultChecked={v.mode !== 'delta'} /> {t('modeCounted')}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="delta" defaultChecked={v.mode === 'delta'} /> {t('modeDelta')}
          </label>
        </div>
      </fieldset>
      <div>
        <label htmlFor="adjust-quantity" className={label}>
          {t('quantity')}
        </label>
        <input
          id="adjust-quantity"
          name="quantity"
          inputMode="numeric"
          required
          defaultValue={v.quantity}
          className={input}
          aria-invalid={errors.quantity ? true : undefined}
          aria-describedby={errors.quantity ? 'adjust-quantity-error' : undefined}
        />
        <FieldError id="adjust-quantity-error" messages={errors.quantity} />
      </div>
      <div>
        <label htmlFor="adjust-reason" className={label}>
          {t('reason')}
        </label>
        <input
          id="adjust-reason"
          name="reason"
          required
          maxLength={500}
          defaultValue={v.reason}
          placeholder={t('reasonPlaceholder')}
          className={input}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? 'adjust-reason-error' : undefined}
        />
        <FieldError id="adjust-reason-error" messages={errors.reason} />
      </div>
      <button type="submit" disabled={isPending} className={button}>
        {isPending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}

type ThresholdResult = ActionResult<{ raised: number; resolved: number }>;

/** Sets one threshold (store default, a SKU's, or a SKU's in one warehouse); empty inherits. */
export function ThresholdForm({
  scope,
  skuId,
  warehouseId,
  current,
  label: title,
  hint,
  compact = false,
}: {
  scope: 'store' | 'sku' | 'level';
  skuId?: number;
  warehouseId?: number;
  current: number | null;
  label: string;
  hint?: string;
  compact?: boolean;
}) {
  const t = useTranslations('inventory.threshold');
  const [result, formAction, isPending] = useActionState(
    async (_: ThresholdResult | null, formData: FormData) => setThresholdAction(formData),
    null,
  );
  const error = result && !result.ok ? (result.fieldErrors?.threshold ?? [result.message]) : null;
  const idBase = `threshold-${scope}-${warehouseId ?? skuId ?? 'store'}`;
  return (
    <form action={formAction} className={compact ? 'flex items-start gap-1.5' : 'space-y-1'} data-testid={idBase}>
      <input type="hidden" name="scope" value={scope} />
      {skuId !== undefined && <input type="hidden" name="skuId" value={skuId} />}
      {warehouseId !== undefined && <input type="hidden" name="warehouseId" value={warehouseId} />}
      {!compact && (
        <label htmlFor={idBase} className={label}>
          {title}
        </label>
      )}
      <div className="flex items-center gap-1.5">
        <input
          id={idBase}
          name="threshold"
          inputMode="numeric"
          defaultValue={current ?? ''}
          aria-label={compact ? title : undefined}
          required={scope === 'store'}
          className={`${input.replace('w-full', '')} ${compact ? 'w-20' : 'w-28'}`}
          aria-invalid={error ? true : undefined}
        />
        <button
          type="submit"
          disabled={isPending}
          className="h-8 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        >
          {isPending ? t('pending') : t('save')}
        </button>
      </div>
      {error && (
        <p className="text-xs text-red-600" data-testid={`${idBase}-error`}>
          {error.join(' ')}
        </p>
      )}
      {result?.ok && (
        <p className="text-xs text-emerald-700" data-testid={`${idBase}-saved`}>
          {result.data.raised || result.data.resolved ? t('savedWithAlerts', result.data) : t('saved')}
        </p>
      )}
      {!compact && hint && !error && !result?.ok && <p className="text-xs text-slate-500">{hint}</p>}
    </form>
  );
}

/** Acknowledge one low-stock alert. */
export function AcknowledgeAlertButton({ alertId }: { alertId: number }) {
  const t = useTranslations('inventory.alerts');
  const [result, formAction, isPending] = useActionState(
    async (_: ActionResult<unknown> | null, formData: FormData) => acknowledgeAlertAction(formData),
    null,
  );
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="alertId" value={alertId} />
      <button
        type="submit"
        disabled={isPending}
        data-testid={`acknowledge-${alertId}`}
        className="h-7 rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {isPending ? t('acknowledging') : t('acknowledge')}
      </button>
      {result && !result.ok && <span className="text-xs text-red-600">{result.message}</span>}
    </form>
  );
}
