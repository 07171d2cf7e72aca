import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffSessions, staffUsers } from '@/db/schema/staff';
import { settings } from '@/db/schema/system';
import { DEFAULT_SETTINGS, ZSecuritySettings, type TSecuritySettings } from '@/domain/settings/setting-defaults';
import type { StaffRole } from './roles';

/** last_seen_at is written at most this often, so a busy person costs one write a minute, not one per request. */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * What a signed-in person must do before anything else: choose a new password (after an admin
 * reset) or set up two-factor sign-in (their role requires it). Only the account page is open to them.
 */
export type SessionPending = 'change_password' | 'enrol_totp' | null;

export interface ActiveSession {
  sessionId: string;
  expiresAt: Date;
  pending: SessionPending;
  staff: { id: number; name: string; email: string; role: StaffRole };
}

/** The security setting from its stored JSON, or the default when missing or malformed. */
export function parseSecuritySettings(raw: unknown): TSecuritySettings {
  const parsed = ZSecuritySettings.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS.security;
}

/**
 * The staff member behind a session id, read on every request in one indexed query (with the
 * security setting joined by its key): null when the session is unknown, revoked, past its
 * absolute lifetime, idle too long, or the account is disabled. The role comes from the user row,
 * so a role change applies on the next request.
 */
export async function findActiveSession(db: Database, sessionId: string, now: Date): Promise<ActiveSession | null> {
  const rows = await db
    .select({
      sessionId: staffSessions.id,
      createdAt: staffSessions.createdAt,
      expiresAt: staffSessions.expiresAt,
      lastSeenAt: staffSessions.lastSeenAt,
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      mustChangePassword: staffUsers.mustChangePassword,
      totpEnabledAt: staffUsers.totpEnabledAt,
      security: settings.value,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .leftJoin(settings, eq(settings.key, 'security'))
    .where(
      and(
        eq(staffSessions.id, sessionId),
        isNull(staffSessions.revokedAt),
        gt(staffSessions.expiresAt, now),
        eq(staffUsers.isActive, true),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) return null;

  const security = parseSecuritySettings(row.security);
  const idleSince = now.getTime() - security.sessionIdleMinutes * 60_000;
  // a shorter lifetime set in Settings applies to sessions already open, too
  const absoluteEnd = row.createdAt.getTime() + security.sessionAbsoluteDays * 86_400_000;
  if (row.lastSeenAt.getTime() <= idleSince || absoluteEnd <= now.getTime()) return null;

  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .update(staffSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(staffSessions.id, row.sessionId), lt(staffSessions.lastSeenAt, now)));
  }

  const pending: SessionPending = row.mustChangePassword
    ? 'change_password'
    : security.totpRequiredRoles.includes(row.role) && !row.totpEnabledAt
      ? 'enrol_totp'
      : null;
  return {
    sessionId: row.sessionId,
    expiresAt: new Date(Math.min(row.expiresAt.getTime(), absoluteEnd)),
    pending,
    staff: { id: row.id, name: row.name, email: row.email, role: row.role },
  };
}
