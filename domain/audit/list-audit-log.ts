import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiKeys, auditLog, staffUsers } from '@/db/schema/staff';
import { shanghaiDayStart } from '@/domain/orders/list-orders';
import { encodeAuditCursor, type AuditActorType, type TAuditLogFilters } from './audit-log-filters';
import { auditChanges, type AuditChanges } from './audit-changes';

export const AUDIT_PAGE_SIZE = 50;
/** The CSV export's ceiling: one file, not a dump of millions of rows (narrow the filters for more). */
export const AUDIT_EXPORT_LIMIT = 10_000;
const DAY_MS = 86_400_000;

export interface AuditLogRow {
  id: number;
  createdAt: Date;
  actorType: AuditActorType;
  actorId: number | null;
  /** the staff member's name or the API key's name today; null for the system */
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  changes: AuditChanges;
}

const createdAtKey = sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function conditionsOf(filters: TAuditLogFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.actor) {
    conditions.push(eq(auditLog.actorType, filters.actor.type));
    if (filters.actor.id !== undefined) conditions.push(eq(auditLog.actorId, filters.actor.id));
  }
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.targetType) conditions.push(eq(auditLog.targetType, filters.targetType));
  if (filters.targetId) conditions.push(eq(auditLog.targetId, filters.targetId));
  if (filters.from) conditions.push(gte(auditLog.createdAt, shanghaiDayStart(filters.from)));
  if (filters.to) conditions.push(lt(auditLog.createdAt, new Date(shanghaiDayStart(filters.to).getTime() + DAY_MS)));
  if (filters.cursor)
    conditions.push(
      sql`(${auditLog.createdAt}, ${auditLog.id}) < (${filters.cursor.createdAt}::timestamptz, ${filters.cursor.id}::bigint)`,
    );
  return conditions;
}

/** One page of the audit log, newest first (keyset on created_at, id), and the next page's cursor. */
export async function listAuditLog(
  db: Database,
  filters: TAuditLogFilters,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditLogRow[]; nextCursor: string | null }> {
  const conditions = conditionsOf(filters);
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      staffName: staffUsers.name,
      apiKeyName: apiKeys.name,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      details: auditLog.details,
      createdAtKey,
    })
    .from(auditLog)
    .leftJoin(staffUsers, and(eq(auditLog.actorType, 'staff'), eq(staffUsers.id, auditLog.actorId)))
    .leftJoin(apiKeys, and(eq(auditLog.actorType, 'api_key'), eq(apiKeys.id, auditLog.actorId)))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(sql`${auditLog.createdAt} desc`, sql`${auditLog.id} desc`)
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      actorType: row.actorType,
      actorId: row.actorId,
      actorName: row.staffName ?? row.apiKeyName ?? null,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      ip: row.ip,
      changes: auditChanges(row.details),
    })),
    nextCursor:
      rows.length > pageSize && last ? encodeAuditCursor({ createdAt: last.createdAtKey, id: last.id }) : null,
  };
}

/** The staff members who appear as actors, for the actor filter. */
export async function listAuditActors(db: Database): Promise<{ id: number; name: string; email: string }[]> {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .orderBy(staffUsers.name);
}
