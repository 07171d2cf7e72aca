import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { fieldClass, primaryButton } from '@/components/ui/modal-dialog';
import type { TAuditLogFilters } from '@/domain/audit/audit-log-filters';

/** The audit log's filters as a GET form: the URL is the state (route-local until the shared filter bar lands). */
export async function AuditLogFilterForm({
  filters,
  actors,
}: {
  filters: TAuditLogFilters;
  actors: { id: number; name: string; email: string }[];
}) {
  const t = await getTranslations('settings.auditLog');
  const actor = filters.actor
    ? filters.actor.id === undefined
      ? filters.actor.type
      : `${filters.actor.type}:${filters.actor.id}`
    : '';
  return (
    <form
      method="get"
      action="/settings/audit-log"
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3"
      data-testid="audit-filters"
      role="search"
    >
      <label className="text-xs font-medium text-slate-600">
        {t('actor')}
        <select name="actor" defaultValue={actor} className={fieldClass}>
          <option value="">{t('anyActor')}</option>
          {actors.map((staff) => (
            <option key={staff.id} value={`staff:${staff.id}`}>
              {staff.name} ({staff.email})
            </option>
          ))}
          {filters.actor?.type === 'api_key' && filters.actor.id !== undefined && (
            <option value={actor}>
              {t('actorTypes.api_key')} #{filters.actor.id}
            </option>
          )}
          <option value="api_key">{t('apiKeys')}</option>
          <option value="system">{t('system')}</option>
          <option value="integration">{t('integration')}</option>
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t('action')}
        <input
          name="action"
          defaultValue={filters.action ?? ''}
          placeholder={t('actionPlaceholder')}
          className={fieldClass}
        />
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t('recordType')}
        <input name="type" defaultValue={filters.targetType ?? ''} className={`${fieldClass} w-32`} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t('recordId')}
        <input name="id" defaultValue={filters.targetId ?? ''} className={`${fieldClass} w-28`} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t('from')}
        <input type="date" name="from" defaultValue={filters.from ?? ''} className={fieldClass} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t('to')}
        <input type="date" name="to" defaultValue={filters.to ?? ''} className={fieldClass} />
      </label>
      <button type="submit" className={primaryButton}>
        {t('apply')}
      </button>
      <Link href="/settings/audit-log" className="text-sm text-slate-600 hover:underline">
        {t('clear')}
      </Link>
    </form>
  );
}
