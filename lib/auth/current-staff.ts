// TEMPORARY placeholder so parallel branches compile; the auth branch replaces this file.
import type { StaffRole } from '@/domain/staff/roles';
import type { Permission } from '@/domain/staff/permissions';

export interface CurrentStaff { id: number; name: string; email: string; role: StaffRole }

export async function getCurrentStaff(): Promise<CurrentStaff | null> {
  return { id: 1, name: 'Placeholder Admin', email: 'admin@example.com', role: 'admin' };
}
export async function requireStaff(): Promise<CurrentStaff> {
  return (await getCurrentStaff())!;
}
export async function requirePermission(permission: Permission): Promise<CurrentStaff> {
  void permission;
  return requireStaff();
}
