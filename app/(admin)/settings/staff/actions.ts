'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { createStaff } from '@/domain/staff/create-staff';
import { setStaffActive } from '@/domain/staff/set-staff-active';
import { ZCreateStaff, ZSetStaffActive, ZStaffRole, ZUpdateStaffRole } from '@/domain/staff/staff-input';
import { resetStaffPassword, ZResetStaffPassword } from '@/domain/staff/reset-staff-password';
import { updateSecuritySettings, ZSecuritySettings } from '@/domain/settings/update-security-settings';
import { z } from 'zod';
import { updateStaffRole } from '@/domain/staff/update-staff-role';
import { staffAction } from '@/lib/actions/staff-action';
import { getRequestIp } from '@/lib/auth/request-ip';

const STAFF_PAGE = '/settings/staff';

export const createStaffAction = staffAction(
  'staff.manage',
  ZCreateStaff,
  async (input, staff) => {
    const result = await createStaff(getDb(), { ...input, actorId: staff.id, ip: await getRequestIp() });
    if (result.ok) revalidatePath(STAFF_PAGE);
    return result;
  },
  { errorMessages: 'staff' },
);

export const updateStaffRoleAction = staffAction(
  'staff.manage',
  ZUpdateStaffRole,
  async (input, staff) => {
    const result = await updateStaffRole(getDb(), { ...input, actorId: staff.id, ip: await getRequestIp() });
    if (result.ok) revalidatePath(STAFF_PAGE);
    return result;
  },
  { errorMessages: 'staff' },
);

export const setStaffActiveAction = staffAction(
  'staff.manage',
  ZSetStaffActive,
  async (input, staff) => {
    const result = await setStaffActive(getDb(), { ...input, actorId: staff.id, ip: await getRequestIp() });
    if (result.ok) revalidatePath(STAFF_PAGE);
    return result;
  },
  { errorMessages: 'staff' },
);

export const resetStaffPasswordAction = staffAction(
  'staff.manage',
  ZResetStaffPassword,
  async (input, staff) => {
    const result = await resetStaffPassword(getDb(), { ...input, actorId: staff.id, ip: await getRequestIp() });
    if (result.ok) revalidatePath(STAFF_PAGE);
    return result;
  },
  { errorMessages: 'staff' },
);

// forms send numbers as text and a checkbox per role that is ticked
const ZSecuritySettingsForm = z
  .object({
    sessionIdleMinutes: z.coerce.number().int(),
    sessionAbsoluteDays: z.coerce.number().int(),
    totpRequiredRoles: z
      .union([ZStaffRole, z.array(ZStaffRole)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  })
  .pipe(ZSecuritySettings);

export const updateSecuritySettingsAction = staffAction(
  'staff.manage',
  ZSecuritySettingsForm,
  async (input, staff) => {
    const result = await updateSecuritySettings(getDb(), { ...input, staffId: staff.id, ip: await getRequestIp() });
    if (result.ok) revalidatePath(STAFF_PAGE);
    return result;
  },
  { errorMessages: 'staff' },
);
