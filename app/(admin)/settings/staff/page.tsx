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
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="staff-table">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-3">
                  {t('columns.name')}
                </th>
                <th scope="col" className="px-5 py-3">
                  {t('columns.email')}
                </th>
                <th scope="col" className="px-5 py-3">
                  {t('columns.role')}
                </th>
                <th scope="col" className="px-5 py-3">
                  {t('columns.status')}
                </th>
                <th scope="col" className="px-5 py-3">
                  {t('columns.lastSignIn')}
                </th>
                <th scope="col" className="px-5 py-3 text-right">
                  {t('columns.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {staff.map((row) => (
                <tr
                  key={row.id}
                  data-testid={`staff-row-${row.email}`}
                  className={row.isActive ? '' : 'bg-slate-50/60 text-slate-500'}
                >
                  <td className="whitespace-nowrap px-5 py-3 font-medium text-slate-900">
                    {row.name}
                    {row.id === me.id ? (
                      <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700">
                        {t('you')}
                      </span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-5 py-3">{row.email}</td>
                  <td className="whitespace-nowrap px-5 py-3">{t(`roles.${row.role}`)}</td>
                  <td className="whitespace-nowrap px-5 py-3">
                    <span
                      className={
                        row.isActive
                          ? 'inline-flex rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-600/20'
                          : 'inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-500/20'
                      }
                    >
                      {row.isActive ? t('status.active') : t('status.disabled')}
                    </span>
                  </td>
                  <td className="whitespace-nowrap px-5 py-3 tabular-nums">
                    {row.lastSignInAt
                      ? format.dateTime(row.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' })
                      : t('neverSignedIn')}
                  </td>
                  <td className="px-5 py-3">
                    <StaffRowActions
                      staff={{ id: row.id, name: row.name, role: row.role, isActive: row.isActive }}
                      isSelf={row.id === me.id}
                      roles={STAFF_ROLES}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
