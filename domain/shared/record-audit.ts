import { isIP } from 'node:net';
import { auditLog } from '@/db/schema/staff';
import type { Database } from '@/db/client';

export interface AuditInput {
  actorType: 'staff' | 'system' | 'api_key' | 'integration';
  actorId?: number | null;
  /** dotted verb, e.g. "staff.create", "staff.sign_in_failed" */
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
  ip?: string | null;
  at?: Date;
}

/** Appends one audit_log row; call it inside the transaction of the change it records. */
export async function recordAudit(db: Database, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actorType: entry.actorType,
    actorId: entry.actorId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? null,
    // the column is inet: anything that is not an address (e.g. "unknown") would fail the insert
    ip: entry.ip && isIP(entry.ip) ? entry.ip : null,
    ...(entry.at ? { createdAt: entry.at } : {}),
  });
}
