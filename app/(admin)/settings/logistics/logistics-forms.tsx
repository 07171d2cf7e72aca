'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/staff-action';
import { moveCarrierRuleAction, saveCarrierRuleAction, updateKuaidi100Action } from './actions';

const field =
  'h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs focus:border-sky-500 focus:outline-none aria-invalid:border-red-400';
const label = 'mb-1 block text-[11px] font-medium uppercase tracking-wide text-slate-500';
const button =
  'h-8 rounded-md bg-slate-900 px-3 text-sm font-medium text-white shadow-xs hover:bg-slate-800 disabled:opacity-60';

function Errors({ result, name }: { result: ActionResult<unknown> | null; name: string }) {
  const messages = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  return messages?.length ? <p className="mt-1 text-xs text-red-600">{messages.join(' ')}</p> : null;
}

function Outcome({
  result,
  success,
  testId,
}: {
  result: ActionResult<unknown> | null;
  success: string;
  testId: string;
}) {
  if (!result) return null;
  if (result.ok)
    return (
      <p className="text-sm text-emerald-700" data-testid={`${testId}-success`}>
        {success}
      </p>
    );
  return (
    <p className="text-sm text-rose-700" data-testid={`${testId}-error`}>
      {result.message}
    </p>
  );
}

export interface MaskedKuaidi100 {
  mode: 'sandbox' | 'live';
  customer: string;
  callbackUrl: string;
  key: string;
  salt: string;
}

/** The aggregator's account: mode, key, customer, salt (secrets shown masked; empty keeps them), push URL. */
export function Kuaidi100Form({
  settings,
  defaultPushUrl,
  canEdit,
}: {
  settings: MaskedKuaidi100;
  defaultPushUrl: string;
  canEdit: boolean;
}) {
  const t = useTranslations('shipping.settings');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      data-testid="kuaidi100-form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        startTransition(async () => {
          const next = await updateKuaidi100Action(new FormData(form));
          setResult(next);
          if (next.ok)
            form.querySelectorAll<HTMLInputElement>('input[type=password]').forEach((input) => {
              input.value = '';
            });
        });
      }}
    >
      <fieldset disabled={!canEdit} className="contents">
        <div>
          <label className={label} htmlFor="k100-mode">
            {t('mode')}
          </label>
          <select id="k100-mode" name="mode" defaultValue={settings.mode} className={field}>
            <option value="sandbox">{t('modeSandbox')}</option>
            <option value="live">{t('modeLive')}</option>
          </select>
        </div>
        <div>
          <label className={label} htmlFor="k100-customer">
            {t('customer')}
          </label>
          <input id="k100-customer" name="customer" defaultValue={settings.customer} className={field} />
        </div>
        <div>
          <label className={label} htmlFor="k100-key">
            {t('key')}
          </label>
          <input
            id="k100-key"
            name="key"
            type="password"
            autoComplete="off"
            placeholder={settings.key ? t('stored', { masked: settings.key }) : t('notSet')}
            className={field}
            aria-invalid={result && !result.ok && result.fieldErrors?.key ? true : undefined}
          />
          <Errors result={result} name="key" />
        </div>
        <div>
          <label className={label} htmlFor="k100-salt">
            {t('salt')}
          </label>
          <input
            id="k100-salt"
            name="salt"
            type="password"
            autoComplete="off"
            placeholder={settings.salt ? t('stored', { masked: settings.salt }) : t('notSet')}
            className={field}
            aria-invalid={result && !result.ok && result.fieldErrors?.salt ? true : undefined}
          />
          <Errors result={result} name="salt" />
        </div>
        <div className="sm:col-span-2">
          <label className={label} htmlFor="k100-callback">
            {t('callbackUrl')}
          </label>
          <input
            id="k100-callback"
            name="callbackUrl"
            defaultValue={settings.callbackUrl}
            placeholder={defaultPushUrl}
            className={`${field} font-mono`}
          />
          <p className="mt-1 text-xs text-slate-500">{t('callbackHint', { url: defaultPushUrl })}</p>
          <Errors result={result} name="callbackUrl" />
        </div>
        {canEdit && (
          <div className="flex items-center gap-3 sm:col-span-2">
            <button type="submit" disabled={isPending} className={button}>
              {t('save')}
            </button>
            <Outcome result={result} success={t('saved')} testId="kuaidi100" />
          </div>
        )}
      </fieldset>
    </form>
  );
}

export interface RuleRow {
  id: number;
  name: string;
  carrierId: number;
  isActive: boolean;
  provinces: string;
  minWeightGrams: string;
  maxWeightGrams: string;
  minTotalYuan: string;
  maxTotalYuan: string;
  tag: string;
}

/** One rule's fields; with no id it adds a rule, tried after the others. */
export function CarrierRuleForm({
  rule,
  carriers,
  canEdit,
}: {
  rule: RuleRow | null;
  carriers: { id: number; name: string }[];
  canEdit: boolean;
}) {
  const t = useTranslations('shipping.rules');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, startTransition] = useTransition();
  const [seq, setSeq] = useState(0);
  const prefix = `rule-${rule?.id ?? 'new'}`;
  const input = (name: keyof RuleRow, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label className={label} htmlFor={`${prefix}-${name}`}>
        {t(`fields.${name}` as 'fields.name')}
      </label>
      <input
        id={`${prefix}-${name}`}
        name={name}
        defaultValue={rule ? String(rule[name]) : ''}
        className={field}
        aria-invalid={result && !result.ok && result.fieldErrors?.[name] ? true : undefined}
        {...extra}
      />
      <Errors result={result} name={name} />
    </div>
  );
  return (
    <form
      key={seq}
      className="grid gap-2 sm:grid-cols-4"
      data-testid={rule ? 'carrier-rule-form' : 'new-carrier-rule-form'}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(async () => {
          const next = await saveCarrierRuleAction(data);
          setResult(next);
          if (next.ok && !rule) setSeq((s) => s + 1);
        });
      }}
    >
      <fieldset disabled={!canEdit} className="contents">
        <input type="hidden" name="id" value={rule?.id ?? ''} />
        {input('name', { required: true, maxLength: 60 })}
        <div>
          <label className={label} htmlFor={`${prefix}-carrier`}>
            {t('fields.carrierId')}
          </label>
          <select id={`${prefix}-carrier`} name="carrierId" defaultValue={rule?.carrierId ?? ''} className={field}>
            <option value="">{t('chooseCarrier')}</option>
            {carriers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <Errors result={result} name="carrierId" />
        </div>
        <div className="sm:col-span-2">{input('provinces', { placeholder: t('provincesPlaceholder') })}</div>
        {input('minWeightGrams', { inputMode: 'numeric' })}
        {input('maxWeightGrams', { inputMode: 'numeric' })}
        {input('minTotalYuan', { inputMode: 'decimal' })}
        {input('maxTotalYuan', { inputMode: 'decimal' })}
        {input('tag')}
        <label className="flex items-end gap-2 pb-1.5 text-sm text-slate-700">
          <input type="checkbox" name="isActive" defaultChecked={rule?.isActive ?? true} /> {t('fields.isActive')}
        </label>
        {canEdit && (
          <div className="flex items-end gap-3 sm:col-span-2">
            <button type="submit" disabled={isPending} className={button}>
              {rule ? t('save') : t('add')}
            </button>
            <Outcome result={result} success={t('saved')} testId={prefix} />
          </div>
        )}
      </fieldset>
    </form>
  );
}

export function MoveRuleButtons({ id, isFirst, isLast }: { id: number; isFirst: boolean; isLast: boolean }) {
  const t = useTranslations('shipping.rules');
  const [isPending, startTransition] = useTransition();
  const move = (direction: 'up' | 'down') =>
    startTransition(async () => {
      await moveCarrierRuleAction({ id, direction });
    });
  const small =
    'h-7 rounded-md px-2 text-xs text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40';
  return (
    <span className="inline-flex gap-1">
      <button
        type="button"
        className={small}
        disabled={isFirst || isPending}
        onClick={() => move('up')}
        aria-label={t('moveUp')}
      >
        ↑
      </button>
      <button
        type="button"
        className={small}
        disabled={isLast || isPending}
        onClick={() => move('down')}
        aria-label={t('moveDown')}
      >
        ↓
      </button>
    </span>
  );
}
