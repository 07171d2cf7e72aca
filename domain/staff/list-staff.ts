import { asc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffUsers } from '@/db/schema/staff';
import type { StaffRole } from './roles';

export interface StaffListRow {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  isActive: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

/** All staff accounts, oldest first; a store has tens of staff, so no paging. */
export async function listStaff(db: Database): Promise<StaffListRow[]> {
  return db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      isActive: staffUsers.isActive,
      lastSignInAt: staffUsers.lastSignInAt,
      createdAt: staffUsers.createdAt,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.id));
}
