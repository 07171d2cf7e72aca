'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { fieldClass, primaryButton } from '@/components/ui/modal-dialog';
import type { ActionResult } from '@/lib/actions/staff-action';
import { createPaymentAttemptAction, queryPaymentStatusAction } from './payment-actions';

export function CreatePaymentForm({
  orderId,
  methods,
}: {
  orderId: number;
  methods: { value: string; label: string }[];
}) {
  const t = useTranslations('payments.order');
  const [state, formAction, isPending] = useActionState(
    async (_previous: ActionResult<unknown> | null, formData: FormData) => createPaymentAttemptAction(formData),
    null,
  );
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" data-testid="create-payment-form">
      <input type="hidden" name="orderId" value={orderId} />
      <label className="sr-only" htmlFor="payment-method">
        {t('method')}
      </label>
      <select id="payment-method" name="method" className={`${fieldClass} w-auto`} defaultValue={methods[0]?.value}>
        {methods.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={isPending} className={primaryButton} data-testid="create-payment">
        {isPending ? t('creating') : t('create')}
      </button>
      {state && !state.ok && (
        <p className="w-full text-sm text-rose-700" data-testid="create-payment-error">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function QueryStatusButton({ orderId, paymentId }: { orderId: number; paymentId: number }) {
  const t = useTranslations('payments.order');
  const [state, formAction, isPending] = useActionState(
    async (_previous: Awaited<ReturnType<typeof queryPaymentStatusAction>> | null, formData: FormData) =>
      queryPaymentStatusAction(formData),
    null,
  );
  return (
    <form action={formAction} className="mt-1">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <button
        type="submit"
        disabled={isPending}
        className="font-normal text-sky-700 hover:underline disabled:opacity-60"
        data-testid="query-status"
      >
        {isPending ? t('querying') : t('query')}
      </button>
      {state &&
        (state.ok ? (
          <p className="mt-1 font-normal text-slate-600" data-testid="query-result">
            {t('queryResult', { state: state.data.providerState, outcome: t(`outcomes.${state.data.outcome}`) })}
          </p>
        ) : (
          <p className="mt-1 font-normal text-rose-700" data-testid="query-result">
            {state.message}
          </p>
        ))}
    </form>
  );
}
