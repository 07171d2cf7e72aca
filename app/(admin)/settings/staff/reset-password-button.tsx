'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { fieldClass, ModalDialog, primaryButton, secondaryButton } from '@/components/ui/modal-dialog';
import { resetStaffPasswordAction } from './actions';

/** An admin sets a temporary password; the person must choose their own at the next sign-in. */
export function ResetPasswordButton({ staff }: { staff: { id: number; name: string } }) {
  const t = useTranslations('staff.resetPassword');
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const submit = (formData: FormData) =>
    startTransition(async () => {
      const result = await resetStaffPasswordAction({
        staffId: staff.id,
        password: String(formData.get('password') ?? ''),
      });
      if (result.ok) {
        setOpen(false);
        setMessage({ ok: true, text: t('done', { name: staff.name }) });
      } else {
        setFieldError(result.fieldErrors?.password?.join(' ') ?? result.message);
      }
    });

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          setFieldError(null);
          setMessage(null);
        }}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50"
      >
        {t('open')}
      </button>
      {message ? (
        <p data-testid="reset-password-done" className="text-xs text-emerald-700">
          {message.text}
        </p>
      ) : null}
      {open ? (
        <ModalDialog
          title={t('title', { name: staff.name })}
          onClose={() => setOpen(false)}
          testId="reset-password-dialog"
        >
          <form action={submit} className="space-y-3">
            <p className="text-sm text-slate-600">{t('body')}</p>
            <label htmlFor={`reset-password-${staff.id}`} className="block text-sm font-medium text-slate-700">
              {t('password')}
            </label>
            <input
              id={`reset-password-${staff.id}`}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              aria-invalid={fieldError ? true : undefined}
              className={fieldClass}
            />
            {fieldError ? (
              <p data-testid="field-error-password" className="text-xs text-rose-600">
                {fieldError}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <button type="button" onClick={() => setOpen(false)} className={secondaryButton}>
                {t('cancel')}
              </button>
              <button type="submit" disabled={isPending} className={primaryButton}>
                {t('submit')}
              </button>
            </div>
          </form>
        </ModalDialog>
      ) : null}
    </>
  );
}
