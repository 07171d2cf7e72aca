import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { auditLogToCsv } from '@/domain/audit/audit-csv';
import { parseAuditLogParams } from '@/domain/audit/audit-log-filters';
import { AUDIT_EXPORT_LIMIT, listAuditLog } from '@/domain/audit/list-audit-log';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';

/** The audit log with the page's filters as a CSV download (newest first, up to AUDIT_EXPORT_LIMIT rows). */
export async function GET(request: Request) {
  const [staff, common] = await Promise.all([getCurrentStaff(), getTranslations('common')]);
  if (!staff) return NextResponse.json({ code: 'unauthenticated', message: common('signedOut') }, { status: 401 });
  if (!can(staff, 'audit.read'))
    return NextResponse.json({ code: 'forbidden', message: common('forbidden') }, { status: 403 });

  const t = await getTranslations('settings.auditLog');
  const { filters, rejected } = parseAuditLogParams(new URL(request.url).searchParams);
  if (rejected.length > 0) {
    const messages = rejected.map((item) =>
      t(`rejected.${item.reason === 'reversed_range' ? 'reversed_range' : 'invalid'}`, {
        param: t(`params.${item.param as 'actor'}`),
        value: item.value,
      }),
    );
    return NextResponse.json({ code: 'invalid', message: messages.join('; ') }, { status: 422 });
  }
  const { rows } = await listAuditLog(getDb(), { ...filters, cursor: undefined }, AUDIT_EXPORT_LIMIT);
  const csv = auditLogToCsv(rows, {
    time: t('time'),
    actor: t('actor'),
    actorType: t('actorKind'),
    action: t('action'),
    recordType: t('recordType'),
    recordId: t('recordId'),
    address: t('address'),
    before: t('before'),
    after: t('after'),
  });
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new NextResponse(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
