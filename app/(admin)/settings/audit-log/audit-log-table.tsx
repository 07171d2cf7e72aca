import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { formatAuditValues } from '@/domain/audit/audit-changes';
import type { AuditLogRow } from '@/domain/audit/list-audit-log';

const DATE_TIME = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const;

/** The audit rows (route-local, in the list pages' pattern, until the shared data table takes it over). */
export async function AuditLogTable({ rows, isPastEnd }: { rows: AuditLogRow[]; isPastEnd: boolean }) {
  const [t, format] = await Promise.all([getTranslations('settings.auditLog'), getFormatter()]);
  const th = 'px-4 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500';
  const actorLabel = (row: AuditLogRow) => {
    if (row.actorType === 'system') return t('actorTypes.system');
    const name = row.actorName ?? (row.actorId === null ? '' : t('unknownActor', { id: row.actorId }));
    return row.actorType === 'staff' ? name : `${t(`actorTypes.${row.actorType}`)} ${name}`.trim();
  };
  return (
    <table className="w-full text-sm" data-testid="audit-table">
      <thead className="bg-slate-50">
        <tr className="border-b border-slate-200">
          <th className={th}>{t('time')}</th>
          <th className={th}>{t('actor')}</th>
          <th className={th}>{t('action')}</th>
          <th className={th}>{t('record')}</th>
          <th className={th}>{t('address')}</th>
          <th className={th}>{t('before')}</th>
          <th className={th}>{t('after')}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 && (
          <tr>
            <td colSpan={7} className="px-4 py-6 text-center text-slate-500">
              {isPastEnd ? t('emptyPastEnd') : t('empty')}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.id} className="align-top" data-audit-id={row.id} data-audit-action={row.action}>
            <td className="whitespace-nowrap px-4 py-2 tabular-nums text-slate-600">
              {format.dateTime(row.createdAt, DATE_TIME)}
            </td>
            <td className="px-4 py-2">
              {row.actorId !== null && row.actorType !== 'system' ? (
                <Link href={`/settings/audit-log?actor=${row.actorType}:${row.actorId}`} className="hover:underline">
                  {actorLabel(row)}
                </Link>
              ) : (
                actorLabel(row)
              )}
            </td>
            <td className="px-4 py-2 font-mono text-xs">
              <Link href={`/settings/audit-log?action=${encodeURIComponent(row.action)}`} className="hover:underline">
                {row.action}
              </Link>
            </td>
            <td className="px-4 py-2 font-mono text-xs text-slate-600">
              {row.targetType && (
                <Link
                  href={`/settings/audit-log?type=${encodeURIComponent(row.targetType)}${row.targetId ? `&id=${encodeURIComponent(row.targetId)}` : ''}`}
                  className="hover:underline"
                >
                  {row.targetType}
                  {row.targetId ? ` #${row.targetId}` : ''}
                </Link>
              )}
            </td>
            <td className="px-4 py-2 font-mono text-xs text-slate-500">{row.ip ?? '—'}</td>
            <td className="max-w-xs break-words px-4 py-2 text-xs text-slate-500" data-testid="audit-before">
              {formatAuditValues(row.changes.before) || '—'}
            </td>
            <td className="max-w-xs break-words px-4 py-2 text-xs text-slate-700" data-testid="audit-after">
              {formatAuditValues(row.changes.after) || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
