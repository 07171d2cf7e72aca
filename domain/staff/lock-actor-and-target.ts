import { inArray, asc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffUsers, type StaffUser } from '@/db/schema/staff';
import { can } from './permissions';

/**
 * Locks the acting admin's row and the target's row (in id order, so two admins acting on each
 * other wait instead of deadlocking) and re-checks the actor inside the transaction: an admin
 * demoted or disabled a moment ago can no longer change anyone.
 */
export async function lockActorAndTarget(
  tx: Database,
  actorId: number,
  targetId: number,
): Promise<{ actorAllowed: boolean; target: StaffUser | undefined }> {
  const rows = await tx
    .select()
    .from(staffUsers)
    .where(inArray(staffUsers.id, [actorId, targetId]))
    .orderBy(asc(staffUsers.id))
    .for('update');
  const actor = rows.find((r) => r.id === actorId);
  return {
    actorAllowed: Boolean(actor && actor.isActive && can(actor, 'staff.manage')),
    target: rows.find((r) => r.id === targetId),
  };
}
