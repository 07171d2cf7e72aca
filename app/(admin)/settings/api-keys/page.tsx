import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db/client';
import { maskedApiKey } from '@/domain/api-keys/api-key-token';
import { listApiKeys } from '@/domain/api-keys/manage-api-keys';
import { STAFF_ROLES } from '@/domain/staff/roles';
import { requirePermission } from '@/lib/auth/current-staff';
import { CreateApiKeyForm } from './create-api-key-form';
import { RevokeApiKeyButton } from './revoke-api-key-button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.apiKeys');
  return { title: t('title') };
}

/** API keys for the merchant's own systems (shop, ERP): create, see when each was last used, revoke. */
export default async function ApiKeysPage() {
  await requirePermission('api_keys.manage');
  const [t, tRoles, format, keys] = await Promise.all([
    getTranslations('settings.apiKeys'),
    getTranslations('staff.roles'),
    getFormatter(),
    listApiKeys(getDb()),
  ]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6 px-4 py-4 sm:px-6 sm:py-5">
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-xs">
          <CreateApiKeyForm roles={STAFF_ROLES} />
          <p className="mt-4 text-xs text-slate-500">{t('usage')}</p>
        </section>
        <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="api-keys-table">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2.5">
                  {t('columns.name')}
                </th>
                <th scope="col" className="px-4 py-2.5">
                  {t('columns.key')}
                </th>
                <th scope="col" className="px-4 py-2.5">
                  {t('columns.role')}
                </th>
                <th scope="col" className="px-4 py-2.5">
                  {t('columns.createdBy')}
                </th>
                <th scope="col" className="px-4 py-2.5">
                  {t('columns.lastUsed')}
                </th>
                <th scope="col" className="px-4 py-2.5 text-right">
                  {t('columns.state')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.length === 0 && (
                <tr>
                  <td colSpan={6} className="px-4 py-6 text-center text-slate-500">
                    {t('empty')}
                  </td>
                </tr>
              )}
              {keys.map((key) => (
                <tr
                  key={key.id}
                  data-testid={`api-key-row-${key.prefix}`}
                  className={key.revokedAt ? 'bg-slate-50/60 text-slate-500' : ''}
                >
                  <td className="px-4 py-2.5 font-medium text-slate-900">{key.name}</td>
                  <td className="px-4 py-2.5 font-mono text-xs">{maskedApiKey(key.prefix)}</td>
                  <td className="px-4 py-2.5">{tRoles(key.role)}</td>
                  <td className="whitespace-nowrap px-4 py-2.5">
                    {key.createdByName ?? '—'} · {when(key.createdAt)}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{when(key.lastUsedAt)}</td>
                  <td className="px-4 py-2.5 text-right">
                    {key.revokedAt ? (
                      <span className="text-xs">{t('revokedAt', { at: when(key.revokedAt) })}</span>
                    ) : (
                      <RevokeApiKeyButton id={key.id} name={key.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
