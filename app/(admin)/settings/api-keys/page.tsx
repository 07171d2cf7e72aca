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
import { RowsTable } from '@/components/data-table/rows-table';

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
        <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
          <RowsTable
            id="api-keys-table"
            emptyTitle={t('empty')}
            columns={[
              { id: 'name', header: t('columns.name'), sticky: true, className: 'font-medium' },
              { id: 'key', header: t('columns.key'), className: 'font-mono text-xs' },
              { id: 'role', header: t('columns.role') },
              { id: 'createdBy', header: t('columns.createdBy'), className: 'whitespace-nowrap' },
              { id: 'lastUsed', header: t('columns.lastUsed'), className: 'whitespace-nowrap tabular-nums' },
              { id: 'state', header: t('columns.state'), align: 'right' },
            ]}
            rows={keys.map((key) => ({
              id: key.id,
              attributes: { 'data-testid': `api-key-row-${key.prefix}` },
              className: key.revokedAt ? 'bg-slate-50/60 text-slate-500' : undefined,
              cells: {
                name: key.name,
                key: maskedApiKey(key.prefix),
                role: tRoles(key.role),
                createdBy: `${key.createdByName ?? '—'} · ${when(key.createdAt)}`,
                lastUsed: when(key.lastUsedAt),
                state: key.revokedAt ? (
                  <span className="text-xs">{t('revokedAt', { at: when(key.revokedAt) })}</span>
                ) : (
                  <RevokeApiKeyButton id={key.id} name={key.name} />
                ),
              },
            }))}
          />
        </section>
      </div>
    </>
  );
}
