import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffSessions, staffUsers } from '@/db/schema/staff';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { lockActorAndTarget } from './lock-actor-and-target';

/**
 * Disables or re-enables a staff account. Disabling revokes all of its sessions, so the person is
 * signed out on their next request.
 * Failure codes: `not_found`; `forbidden` (actor no longer an active admin);
 * `cannot_change_self` (an admin cannot disable themselves, so the store always keeps an admin).
 */
export async function setStaffActive(
  db: Database,
  input: { actorId: number; staffId: number; isActive: boolean; ip?: string | null; now?: Date },
): Promise<
  Result<{ id: number; isActive: boolean; revokedSessions: number }, 'not_found' | 'forbidden' | 'cannot_change_self'>
> {
  if (input.staffId === input.actorId) {
    return fail('cannot_change_self', 'You cannot disable your own account; ask another admin.');
  }
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const { actorAllowed, target } = await lockActorAndTarget(tx, input.actorId, input.staffId);
    if (!actorAllowed) return fail('forbidden', 'Only an active admin can enable or disable accounts.');
    if (!target) return fail('not_found', 'This staff account does not exist.');
    if (target.isActive === input.isActive) return ok({ id: target.id, isActive: target.isActive, revokedSessions: 0 });

    await tx.update(staffUsers).set({ isActive: input.isActive, updatedAt: now }).where(eq(staffUsers.id, target.id));
    let revokedSessions = 0;
    if (!input.isActive) {
      const revoked = await tx
        .update(staffSessions)
        .set({ revokedAt: now })
        .where(and(eq(staffSessions.userId, target.id), isNull(staffSessions.revokedAt)))
        .returning({ id: staffSessions.id });
      revokedSessions = revoked.length;
    }
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.actorId,
      action: input.isActive ? 'staff.enable' : 'staff.disable',
      targetType: 'staff_user',
      targetId: target.id,
      details: { revokedSessions },
      ip: input.ip,
      at: now,
    });
    return ok({ id: target.id, isActive: input.isActive, revokedSessions });
  });
}
