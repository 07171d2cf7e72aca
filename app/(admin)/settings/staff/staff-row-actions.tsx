'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { StaffRole } from '@/domain/staff/roles';
import { setStaffActiveAction, updateStaffRoleAction } from './actions';
import { ResetPasswordButton } from './reset-password-button';

interface Props {
  staff: { id: number; name: string; role: StaffRole; isActive: boolean };
  isSelf: boolean;
  roles: readonly StaffRole[];
}

/** Role picker and enable/disable button of one staff row; the server re-checks everything. */
export function StaffRowActions({ staff, isSelf, roles }: Props) {
  const t = useTranslations('staff');
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const onRoleChange = (role: string) => {
    setError(null);
    startTransition(async () => {
      const result = await updateStaffRoleAction({ staffId: staff.id, role: role as StaffRole });
      if (!result.ok) setError(result.message);
    });
  };
  const onToggleActive = () => {
    if (staff.isActive && !window.confirm(t('rowActions.confirmDisable', { name: staff.name }))) return;
    setError(null);
    startTransition(async () => {
      const result = await setStaffActiveAction({ staffId: staff.id, isActive: !staff.isActive });
      if (!result.ok) setError(result.message);
    });
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <select
          aria-label={t('rowActions.roleFor', { name: staff.name })}
          value={staff.role}
          disabled={isSelf || isPending}
          title={isSelf ? t('selfHint') : undefined}
          onChange={(event) => onRoleChange(event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={onToggleActive}
          disabled={isSelf || isPending}
          title={isSelf ? t('selfHint') : undefined}
          className={
            staff.isActive
              ? 'rounded-md border border-slate-300 px-2.5 py-1 text-sm text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-40'
              : 'rounded-md border border-slate-300 px-2.5 py-1 text-sm text-emerald-700 hover:bg-emerald-50 disabled:cursor-not-allowed disabled:opacity-40'
          }
        >
          {isPending ? t('rowActions.saving') : staff.isActive ? t('rowActions.disable') : t('rowActions.enable')}
        </button>
        {isSelf ? null : <ResetPasswordButton staff={staff} />}
      </div>
      {error ? (
        <p data-testid="row-error" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
