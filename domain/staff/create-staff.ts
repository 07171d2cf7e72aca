import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffUsers } from '@/db/schema/staff';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { hashPassword } from './password';
import type { StaffRole } from './roles';
import { normalizeEmail } from './staff-input';
import { isUniqueViolation } from '@/domain/shared/database-errors';

export interface CreateStaffInput {
  /** the admin creating the account; null when created from the command line */
  actorId: number | null;
  name: string;
  email: string;
  role: StaffRole;
  password: string;
  ip?: string | null;
}

/**
 * Creates a staff account with an initial password.
 * Failure codes: `email_taken` (with a field error on `email`).
 */
export async function createStaff(
  db: Database,
  input: CreateStaffInput,
): Promise<Result<{ id: number }, 'email_taken'>> {
  const email = normalizeEmail(input.email);
  const emailTaken = () =>
    fail('email_taken', 'A staff account with this email already exists.', {
      email: ['A staff account with this email already exists.'],
    });
  const [existing] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(sql`lower(${staffUsers.email})`, email))
    .limit(1);
  if (existing) return emailTaken();

  const passwordHash = await hashPassword(input.password);
  try {
    const id = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(staffUsers)
        .values({ name: input.name.trim(), email, role: input.role, passwordHash })
        .returning({ id: staffUsers.id });
      await recordAudit(tx, {
        actorType: input.actorId ? 'staff' : 'system',
        actorId: input.actorId,
        action: 'staff.create',
        targetType: 'staff_user',
        targetId: created.id,
        details: { email, name: input.name.trim(), role: input.role },
        ip: input.ip,
      });
      return created.id;
    });
    return ok({ id });
  } catch (error) {
    // two admins creating the same email at once: the unique index decides
    if (isUniqueViolation(error)) return emailTaken();
    throw error;
  }
}
