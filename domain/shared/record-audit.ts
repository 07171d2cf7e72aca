import { isIP } from 'node:net';
import { auditLog } from '@/db/schema/staff';
import type { Database } from '@/db/client';
import { currentAuditContext } from './audit-context';

export interface AuditInput {
  actorType: 'staff' | 'system' | 'api_key' | 'integration';
  actorId?: number | null;
  /** dotted verb, e.g. "staff.create", "staff.sign_in_failed" */
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
  /** the client's address; by default the one of the request being served (withAuditContext) */
  ip?: string | null;
  at?: Date;
}

/** Appends one audit_log row; call it inside the transaction of the change it records. */
export async function recordAudit(db: Database, entry: AuditInput): Promise<void> {
  const ip = entry.ip ?? currentAuditContext()?.ip;
  await db.insert(auditLog).values({
    actorType: entry.actorType,
    actorId: entry.actorId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? null,
    // the column is inet: anything that is not an address (e.g. "unknown") would fail the insert
    ip: ip && isIP(ip) ? ip : null,
    ...(entry.at ? { createdAt: entry.at } : {}),
  });
}
