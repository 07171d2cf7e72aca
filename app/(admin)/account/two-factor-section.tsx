'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/staff-action';
import { confirmTotpAction, disableTotpAction, regenerateRecoveryCodesAction, startTotpAction } from './actions';
import { Field, FormError, primaryButton, secondaryButton, Success } from './form-bits';

interface Props {
  enabled: boolean;
  required: boolean;
  unusedRecoveryCodes: number;
}

/**
 * Two-factor sign-in: set up (scan the QR code, confirm with a code, keep the recovery codes that
 * are shown once), make new recovery codes, or turn off with the current password.
 */
export function TwoFactorSection({ enabled, required, unusedRecoveryCodes }: Props) {
  const t = useTranslations('staff.account.totp');
  const [setup, setSetup] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<{ codes: string[]; regenerated: boolean } | null>(null);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, startTransition] = useTransition();
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  const start = () =>
    startTransition(async () => {
      const started = await startTotpAction({});
      setResult(started.ok ? null : started);
      if (started.ok) setSetup(started.data);
    });
  const confirm = (formData: FormData) =>
    startTransition(async () => {
      const confirmed = await confirmTotpAction(formData);
      setResult(confirmed.ok ? null : confirmed);
      if (confirmed.ok) {
        setSetup(null);
        setRecoveryCodes({ codes: confirmed.data.recoveryCodes, regenerated: false });
      }
    });
  const regenerate = (formData: FormData) =>
    startTransition(async () => {
      const regenerated = await regenerateRecoveryCodesAction(formData);
      setResult(regenerated.ok ? null : regenerated);
      if (regenerated.ok) setRecoveryCodes({ codes: regenerated.data.recoveryCodes, regenerated: true });
    });
  const disable = (formData: FormData) =>
    startTransition(async () => {
      const disabled = await disableTotpAction(formData);
      setResult(disabled);
    });

  if (recoveryCodes) {
    return (
      <div className="space-y-3" data-testid="totp-recovery-codes">
        {recoveryCodes.regenerated ? (
          <Success testId="recovery-codes-regenerated">{t('regenerated')}</Success>
        ) : (
          <Success testId="totp-enabled">{t('enabled')}</Success>
        )}
        <p className="text-sm text-slate-700">{t('recoveryIntro')}</p>
        <ul className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 sm:grid-cols-5">
          {recoveryCodes.codes.map((code) => (
            <li key={code} data-testid="recovery-code">
              {code}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  if (enabled) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700" data-testid="totp-status">
          <span className="mr-2 inline-flex rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-600/20">
            {t('on')}
          </span>
          {t('recoveryLeft', { count: unusedRecoveryCodes })}
        </p>
        {result?.ok ? <Success testId="totp-disabled">{t('disabled')}</Success> : null}
        <FormError result={result} testId="totp-error" />
        <form action={regenerate} className="space-y-2" data-testid="recovery-codes-regenerate">
          <p className="text-sm text-slate-700">{t('regenerateIntro')}</p>
          <div className="flex items-end gap-3">
            <div className="w-64">
              <Field
                id="recovery-regenerate-password"
                name="currentPassword"
                type="password"
                label={t('regeneratePassword')}
                autoComplete="current-password"
                required
                error={errors.currentPassword}
              />
            </div>
            <button type="submit" disabled={isPending} className={secondaryButton}>
              {t('regenerate')}
            </button>
          </div>
        </form>
        {required ? (
          <p className="text-sm text-slate-500">{t('requiredByRole')}</p>
        ) : (
          <form action={disable} className="flex items-end gap-3">
            <div className="w-64">
              <Field
                id="totp-disable-password"
                name="currentPassword"
                type="password"
                label={t('disablePassword')}
                autoComplete="current-password"
                required
                error={errors.currentPassword}
              />
            </div>
            <button type="submit" disabled={isPending} className={secondaryButton}>
              {t('disable')}
            </button>
          </form>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <FormError result={result} testId="totp-error" />
      {required ? <p className="text-sm font-medium text-amber-800">{t('requiredByRole')}</p> : null}
      {setup ? (
        <div className="grid gap-5 sm:grid-cols-[12rem_1fr]">
          {/* the SVG is generated on our server from the otpauth address by the qrcode package */}
          <div
            className="size-48 rounded-lg border border-slate-200 bg-white p-2"
            data-testid="totp-qr"
            dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
          />
          <div className="space-y-3">
            <p className="text-sm text-slate-700">{t('scan')}</p>
            <p className="text-xs text-slate-500">
              {t('manual')}{' '}
              <code
                data-testid="totp-secret"
                className="select-all break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900"
              >
                {setup.secret}
              </code>
            </p>
            <form action={confirm} className="flex items-end gap-3">
              <div className="w-40">
                <Field
                  id="totp-code"
                  name="code"
                  label={t('code')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  required
                  error={errors.code}
                />
              </div>
              <button type="submit" disabled={isPending} className={primaryButton}>
                {t('confirm')}
              </button>
            </form>
          </div>
        </div>
      ) : (
        <button type="button" onClick={start} disabled={isPending} className={primaryButton} data-testid="totp-start">
          {t('start')}
        </button>
      )}
    </div>
  );
}
