import { staffRole } from '@/db/schema/staff';

export const STAFF_ROLES = staffRole.enumValues;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
