'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { fieldClass, primaryButton, secondaryButton } from '@/components/ui/modal-dialog';
import type { StaffRole } from '@/domain/staff/roles';
import type { ActionResult } from '@/lib/actions/staff-action';
import { createApiKeyAction } from './actions';

type State = { result: ActionResult<{ id: number; key: string; prefix: string }> | null; name: string };

/** Names a key and picks the role it acts with; shows the new key once with a copy button. */
export function CreateApiKeyForm({ roles }: { roles: readonly StaffRole[] }) {
  const t = useTranslations('settings.apiKeys');
  const tRoles = useTranslations('staff.roles');
  const [copied, setCopied] = useState(false);
  const [state, formAction, isPending] = useActionState(
    async (_previous: State, formData: FormData): Promise<State> => {
      setCopied(false);
      return { result: await createApiKeyAction(formData), name: String(formData.get('name') ?? '') };
    },
    { result: null, name: '' },
  );
  const errors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const created = state.result?.ok ? state.result.data : null;

  return (
    <div className="space-y-4">
      {created && (
        <div
          data-testid="new-api-key"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <p className="font-medium">{t('created', { name: state.name })}</p>
          <div className="flex items-center gap-2">
            <code
              data-testid="new-api-key-value"
              className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200"
            >
              {created.key}
            </code>
            <button
              type="button"
              className={secondaryButton}
              onClick={async () => {
                await navigator.clipboard?.writeText(created.key);
                setCopied(true);
              }}
            >
              {copied ? t('copied') : t('copy')}
            </button>
          </div>
          <p className="text-xs">{t('onlyOnce')}</p>
        </div>
      )}
      {state.result && !state.result.ok && Object.keys(errors).length === 0 && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.result.message}
        </p>
      )}
      <form action={formAction} className="flex flex-wrap items-start gap-3" data-testid="create-api-key-form">
        <div className="min-w-56 flex-1">
          <label htmlFor="api-key-name" className="mb-1 block text-sm font-medium text-slate-700">
            {t('name')}
          </label>
          <input
            id="api-key-name"
            name="name"
            required
            maxLength={60}
            autoComplete="off"
            placeholder={t('namePlaceholder')}
            aria-invalid={errors.name ? true : undefined}
            className={fieldClass}
          />
          {errors.name && <p className="mt-1 text-xs text-red-600">{errors.name.join(' ')}</p>}
        </div>
        <div>
          <label htmlFor="api-key-role" className="mb-1 block text-sm font-medium text-slate-700">
            {t('role')}
          </label>
          <select id="api-key-role" name="role" defaultValue="operations" className={fieldClass}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
          {errors.role && <p className="mt-1 text-xs text-red-600">{errors.role.join(' ')}</p>}
        </div>
        <div className="pt-6">
          <button type="submit" disabled={isPending} className={primaryButton}>
            {isPending ? t('creating') : t('create')}
          </button>
        </div>
      </form>
    </div>
  );
}
