'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { sendNextPushAction } from './actions';

export function SendNextPushButton({ parcelId, disabled }: { parcelId: number; disabled: boolean }) {
  const t = useTranslations('shipping.sandbox');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={disabled || isPending}
        data-testid="send-next-push"
        onClick={() =>
          startTransition(async () => {
            const result = await sendNextPushAction({ parcelId });
            setMessage(
              result.ok
                ? {
                    ok: true,
                    text: t('sent', {
                      step: result.data.step + 1,
                      state: t(`state.${result.data.state}` as 'state.0'),
                    }),
                  }
                : { ok: false, text: result.message },
            );
          })
        }
        className="h-7 rounded-md bg-slate-900 px-2.5 text-xs font-medium text-white hover:bg-slate-800 disabled:opacity-50"
      >
        {isPending ? t('sending') : t('sendNext')}
      </button>
      {message && (
        <span
          className={`text-xs ${message.ok ? 'text-emerald-700' : 'text-rose-700'}`}
          data-testid="send-next-push-result"
        >
          {message.text}
        </span>
      )}
    </span>
  );
}
