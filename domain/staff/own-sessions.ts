import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { staffSessions } from '@/db/schema/staff';
import { getSetting } from '@/domain/settings/get-setting';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';

export interface OwnSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  isCurrent: boolean;
}

/** A person's sessions that are still open (not ended, not expired, not idle too long), newest activity first. */
export async function listOwnSessions(
  db: Database,
  staffId: number,
  currentSessionId: string,
  now: Date = new Date(),
): Promise<OwnSession[]> {
  const security = await getSetting(db, 'security');
  const idleSince = new Date(now.getTime() - security.sessionIdleMinutes * 60_000);
  const createdSince = new Date(now.getTime() - security.sessionAbsoluteDays * 86_400_000);
  const rows = await db
    .select({
      id: staffSessions.id,
      createdAt: staffSessions.createdAt,
      lastSeenAt: staffSessions.lastSeenAt,
      ip: staffSessions.ip,
      userAgent: staffSessions.userAgent,
    })
    .from(staffSessions)
    .where(
      and(
        eq(staffSessions.userId, staffId),
        isNull(staffSessions.revokedAt),
        gt(staffSessions.expiresAt, now),
        gt(staffSessions.lastSeenAt, idleSince),
        gt(staffSessions.createdAt, createdSince),
      ),
    )
    .orderBy(desc(staffSessions.lastSeenAt))
    .limit(100);
  return rows.map((row) => ({ ...row, isCurrent: row.id === currentSessionId }));
}

export const ZEndOwnSession = z.object({ sessionId: z.string().min(1).max(100) });

/**
 * Ends one of the person's own sessions (another browser, a lost phone). Someone else's session id
 * answers `not_found`, exactly like an unknown one.
 */
export async function endOwnSession(
  db: Database,
  input: { staffId: number; sessionId: string; ip?: string | null; now?: Date },
): Promise<Result<{ sessionId: string }, 'not_found'>> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(staffSessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(staffSessions.id, input.sessionId),
          eq(staffSessions.userId, input.staffId),
          isNull(staffSessions.revokedAt),
        ),
      )
      .returning({ id: staffSessions.id });
    if (ended.length === 0) return fail('not_found', 'This session has already ended.');
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.staffId,
      action: 'staff.session_end',
      targetType: 'staff_user',
      targetId: input.staffId,
      // the session id is a bearer credential: the audit keeps only a prefix to tell sessions apart
      details: { session: input.sessionId.slice(0, 8) },
      ip: input.ip,
      at: now,
    });
    return ok({ sessionId: input.sessionId });
  });
}
