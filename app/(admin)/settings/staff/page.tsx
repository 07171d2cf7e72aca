import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listStaff } from '@/domain/staff/list-staff';
import { STAFF_ROLES } from '@/domain/staff/roles';
import { MIN_PASSWORD_LENGTH } from '@/domain/staff/staff-input';
import { requirePermission } from '@/lib/auth/current-staff';
import { getSetting } from '@/domain/settings/get-setting';
import { CreateStaffForm } from './create-staff-form';
import { SecuritySettingsForm } from './security-settings-form';
import { StaffRowActions } from './staff-row-actions';
import { Badge } from '@/components/ui/badge';
import { RowsTable } from '@/components/data-table/rows-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.page');
  return { title: t('metaTitle') };
}

export default async function StaffPage() {
  const me = await requirePermission('staff.manage');
  const [t, format, staff] = await Promise.all([getTranslations('staff'), getFormatter(), listStaff(getDb())]);
  const security = await getSetting(getDb(), 'security');

  return (
    <div className="mx-auto max-w-6xl space-y-8 px-6 py-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('page.title')}</h1>
        <p className="mt-1 text-sm text-slate-500">{t('page.subtitle')}</p>
      </header>

      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="border-b border-slate-200 px-5 py-3 text-sm text-slate-500">
          {t('count', { count: staff.length })}
        </div>
        <RowsTable
          id="staff-table"
          columns={[
            { id: 'name', header: t('columns.name'), sticky: true, className: 'whitespace-nowrap font-medium' },
            { id: 'email', header: t('columns.email'), className: 'whitespace-nowrap' },
            { id: 'role', header: t('columns.role'), className: 'whitespace-nowrap' },
            { id: 'status', header: t('columns.status') },
            { id: 'lastSignIn', header: t('columns.lastSignIn'), className: 'whitespace-nowrap tabular-nums' },
            { id: 'actions', header: t('columns.actions'), align: 'right' },
          ]}
          rows={staff.map((row) => ({
            id: row.id,
            attributes: { 'data-testid': `staff-row-${row.email}` },
            className: row.isActive ? undefined : 'bg-slate-50/60 text-slate-500',
            cells: {
              name: (
                <>
                  {row.name}
                  {row.id === me.id ? (
                    <Badge tone="info" className="ml-2">
                      {t('you')}
                    </Badge>
                  ) : null}
                </>
              ),
              email: row.email,
              role: t(`roles.${row.role}`),
              status: (
                <Badge tone={row.isActive ? 'success' : 'neutral'}>
                  {row.isActive ? t('status.active') : t('status.disabled')}
                </Badge>
              ),
              lastSignIn: row.lastSignInAt
                ? format.dateTime(row.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' })
                : t('neverSignedIn'),
              actions: (
                <StaffRowActions
                  staff={{ id: row.id, name: row.name, role: row.role, isActive: row.isActive }}
                  isSelf={row.id === me.id}
                  roles={STAFF_ROLES}
                />
              ),
            },
          }))}
        />
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-base font-semibold text-slate-900">{t('create.title')}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-500">{t('create.description')}</p>
        <CreateStaffForm roles={STAFF_ROLES} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="security-title">
        <h2 id="security-title" className="text-base font-semibold text-slate-900">
          {t('security.title')}
        </h2>
        <p className="mb-4 mt-1 text-sm text-slate-500">{t('security.description')}</p>
        <SecuritySettingsForm values={security} roles={STAFF_ROLES} />
      </section>
    </div>
  );
}
