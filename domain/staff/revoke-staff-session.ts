import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffSessions } from '@/db/schema/staff';
import { recordAudit } from '@/domain/shared/record-audit';

/** Ends one session (sign-out). Revoking an already revoked or unknown session does nothing. */
export async function revokeStaffSession(db: Database, sessionId: string, now: Date = new Date()): Promise<boolean> {
  const revoked = await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.revokedAt)))
    .returning({ userId: staffSessions.userId });
  const row = revoked[0];
  if (!row) return false;
  await recordAudit(db, {
    actorType: 'staff',
    actorId: row.userId,
    action: 'staff.sign_out',
    targetType: 'staff_user',
    targetId: row.userId,
    at: now,
  });
  return true;
}
