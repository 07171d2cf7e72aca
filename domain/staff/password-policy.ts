import { z } from 'zod';

/** Shortest password anyone may set; long enough that guessing through the throttle is hopeless. */
export const MIN_PASSWORD_LENGTH = 10;
/** argon2 hashes any length; the cap only stops megabyte bodies from costing CPU. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Passwords at least ten characters long that appear first in leaked-password lists; compared
 * lower-cased. Small on purpose: length does most of the work, this stops the obvious ones.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '0987654321',
  '1111111111',
  '1234512345',
  '123123123123',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'qwerty12345',
  'qwerty123456',
  'asdfghjkl;',
  'zxcvbnm123',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'p@ssword123',
  'password!!',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'welcome1234',
  'admin12345',
  'admin123456',
  'administrator',
  'changeme123',
  'abc1234567',
  'abcdefghij',
  'abcd123456',
  'qwer123456',
  'a123456789',
  'aa12345678',
  'woaini1314',
  'woaini520',
  '5201314520',
  '1314520520',
  'qq123456789',
  'wang123456',
  'zhang123456',
  'football123',
  'baseball123',
  'superman123',
  'princess123',
  'sunshine123',
  'dragon1234',
  'monkey1234',
  'starwars123',
  'trustno1234',
  'master1234',
  'computer123',
  'internet123',
  'whatever123',
  'qazwsxedc123',
  'demo#2026',
  'order console',
  'orderconsole',
  'ordercons0le',
]);

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordContainsEmail';

/** What is wrong with a new password, or null; `email` is the account it is for, when known. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'passwordTooLong';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) return 'passwordCommon';
  if (email) {
    const address = email.trim().toLowerCase();
    const local = address.split('@')[0] ?? '';
    if (lower.includes(address) || (local.length >= 4 && lower.includes(local))) return 'passwordContainsEmail';
  }
  return null;
}

/** i18n keys (staff.validation.*) the action wrapper translates; {min}/{max} come from the zod issue. */
const MESSAGES: Record<PasswordProblem, string> = {
  passwordTooShort: 'staff.validation.passwordTooShort',
  passwordTooLong: 'staff.validation.passwordTooLong',
  passwordCommon: 'staff.validation.passwordCommon',
  passwordContainsEmail: 'staff.validation.passwordContainsEmail',
};

/** A new password: length and the common list (the email check needs the account: see refineNewPassword). */
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, MESSAGES.passwordTooShort)
  .max(MAX_PASSWORD_LENGTH, MESSAGES.passwordTooLong)
  .refine((value) => passwordProblem(value) !== 'passwordCommon', MESSAGES.passwordCommon);

/** Adds the "not the email" issue to `path` when the password contains the account's email. */
export function refineNewPassword(ctx: z.RefinementCtx, password: string, email: string, path: string): void {
  if (passwordProblem(password, email) === 'passwordContainsEmail') {
    ctx.addIssue({ code: 'custom', message: MESSAGES.passwordContainsEmail, path: [path] });
  }
}

/** The message key for a problem found outside a schema (the operation re-checks with the stored email). */
export function passwordProblemMessage(problem: PasswordProblem): string {
  return MESSAGES[problem];
}
