'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { createStaff } from '@/domain/staff/create-staff';
import { setStaffActive } from '@/domain/staff/set-staff-active';
import { ZCreateStaff, ZSetStaffActive, ZUpdateStaffRole } from '@/domain/staff/staff-input';
import { updateStaffRole } from '@/domain/staff/update-staff-role';
import { staffAction } from '@/lib/actions/staff-action';
import { getRequestIp } from '@/lib/auth/request-ip';

const STAFF_PAGE = '/settings/staff';

export const createStaffAction = staffAction('staff.manage', ZCreateStaff, async (input, staff) => {
  const result = await createStaff(getDb(), { ...input, actorId: staff.id, ip: await getRequestIp() });
  if (result.ok) revalidatePath(STAFF_PAGE);
  return result;
}, { errorMessages: 'staff' });

export const updateStaffRoleAction = staffAction('staff.manage', ZUpdateStaffRole, async (input, staff) => {
  const result = await updateStaffRole(getDb(), { ...input, actorId: staff.id, ip: await getRequestIp() });
  if (result.ok) revalidatePath(STAFF_PAGE);
  return result;
}, { errorMessages: 'staff' });

export const setStaffActiveAction = staffAction('staff.manage', ZSetStaffActive, async (input, staff) => {
  const result = await setStaffActive(getDb(), { ...input, actorId: staff.id, ip: await getRequestIp() });
  if (result.ok) revalidatePath(STAFF_PAGE);
  return result;
}, { errorMessages: 'staff' });
