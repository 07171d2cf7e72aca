import { z } from 'zod';
import { refineNewPassword, ZNewPassword } from './password-policy';
import { STAFF_ROLES } from './roles';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy';

/** Emails are compared case-insensitively (the unique index is on lower(email)); store them the same way. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/*
 * Messages below are i18n keys (namespace.path); the action wrapper translates them into the
 * user's language. Checks without a key fall back to zod's own localized wording.
 */
export const ZStaffName = z
  .string()
  .trim()
  .min(1, 'staff.validation.nameRequired')
  .max(80, 'staff.validation.nameTooLong');
export const ZStaffEmail = z
  .string()
  .trim()
  .max(254, 'staff.validation.emailInvalid')
  .pipe(z.email('staff.validation.emailInvalid'));
export const ZStaffRole = z.enum(STAFF_ROLES, 'staff.validation.roleInvalid');
export const ZStaffPassword = ZNewPassword;
export const ZStaffId = z.coerce.number().int().positive();

export const ZCreateStaff = z
  .object({
    name: ZStaffName,
    email: ZStaffEmail,
    role: ZStaffRole,
    password: ZStaffPassword,
  })
  .superRefine((value, ctx) => refineNewPassword(ctx, value.password, value.email, 'password'));
export type TCreateStaff = z.infer<typeof ZCreateStaff>;

export const ZUpdateStaffRole = z.object({ staffId: ZStaffId, role: ZStaffRole });
export type TUpdateStaffRole = z.infer<typeof ZUpdateStaffRole>;

export const ZSetStaffActive = z.object({
  staffId: ZStaffId,
  // forms send "true"/"false"; z.coerce.boolean would read "false" as true
  isActive: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});
export type TSetStaffActive = z.infer<typeof ZSetStaffActive>;
