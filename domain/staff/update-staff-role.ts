import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffUsers } from '@/db/schema/staff';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { lockActorAndTarget } from './lock-actor-and-target';
import type { StaffRole } from './roles';

/**
 * Changes a staff member's role; it applies on their next request (sessions read the role live).
 * Failure codes: `not_found`; `forbidden` (actor no longer an active admin);
 * `cannot_change_self` (an admin cannot demote themselves, so the store always keeps an admin).
 */
export async function updateStaffRole(
  db: Database,
  input: { actorId: number; staffId: number; role: StaffRole; ip?: string | null },
): Promise<Result<{ id: number; role: StaffRole }, 'not_found' | 'forbidden' | 'cannot_change_self'>> {
  if (input.staffId === input.actorId) {
    return fail('cannot_change_self', 'You cannot change your own role; ask another admin.');
  }
  return db.transaction(async (tx) => {
    const { actorAllowed, target } = await lockActorAndTarget(tx, input.actorId, input.staffId);
    if (!actorAllowed) return fail('forbidden', 'Only an active admin can change roles.');
    if (!target) return fail('not_found', 'This staff account does not exist.');
    if (target.role === input.role) return ok({ id: target.id, role: target.role });
    await tx.update(staffUsers).set({ role: input.role, updatedAt: new Date() }).where(eq(staffUsers.id, target.id));
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.actorId,
      action: 'staff.update_role',
      targetType: 'staff_user',
      targetId: target.id,
      details: { from: target.role, to: input.role },
      ip: input.ip,
    });
    return ok({ id: target.id, role: input.role });
  });
}
