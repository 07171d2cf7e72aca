import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffSessions, staffUsers } from '@/db/schema/staff';
import type { StaffRole } from './roles';

export interface ActiveSession {
  sessionId: string;
  expiresAt: Date;
  staff: { id: number; name: string; email: string; role: StaffRole };
}

/**
 * The staff member behind a session id, read fresh on every request in one query: null when the
 * session is unknown, revoked or expired, or the account is disabled. The role comes from the
 * user row, so a role change applies on the next request.
 */
export async function findActiveSession(db: Database, sessionId: string, now: Date): Promise<ActiveSession | null> {
  const rows = await db
    .select({
      sessionId: staffSessions.id,
      expiresAt: staffSessions.expiresAt,
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(
      eq(staffSessions.id, sessionId),
      isNull(staffSessions.revokedAt),
      gt(staffSessions.expiresAt, now),
      eq(staffUsers.isActive, true),
    ))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    expiresAt: row.expiresAt,
    staff: { id: row.id, name: row.name, email: row.email, role: row.role },
  };
}
