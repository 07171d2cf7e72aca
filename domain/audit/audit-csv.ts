import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from '@/domain/inventory/reorder-csv';
import { formatAuditValues } from './audit-changes';
import type { AuditLogRow } from './list-audit-log';

export interface AuditCsvLabels {
  time: string;
  actor: string;
  actorType: string;
  action: string;
  recordType: string;
  recordId: string;
  address: string;
  before: string;
  after: string;
}

/** Audit rows as CSV (UTF-8 with a BOM, CRLF), every text cell guarded against spreadsheet formulas. */
export function auditLogToCsv(rows: readonly AuditLogRow[], labels: AuditCsvLabels): string {
  const text = (value: string | null | undefined) => neutralizeFormula(value ?? '');
  return stringify(
    [
      [
        labels.time,
        labels.actor,
        labels.actorType,
        labels.action,
        labels.recordType,
        labels.recordId,
        labels.address,
        labels.before,
        labels.after,
      ].map(text),
      ...rows.map((row) => [
        row.createdAt.toISOString(),
        text(row.actorName ?? (row.actorId === null ? '' : String(row.actorId))),
        row.actorId === null ? row.actorType : `${row.actorType}:${row.actorId}`,
        text(row.action),
        text(row.targetType),
        text(row.targetId),
        text(row.ip),
        text(formatAuditValues(row.changes.before)),
        text(formatAuditValues(row.changes.after)),
      ]),
    ],
    { bom: true, record_delimiter: 'windows' },
  );
}
