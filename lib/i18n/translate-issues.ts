import type { z } from 'zod';
import type { Translate } from './translator';
import { fieldErrorList } from '@/domain/shared/validation';

/** Messages that are i18n keys ("staff.validation.x") are translated; zod's own (already localized, with spaces) are kept. */
export function translateKey(message: string, t: Translate, values?: Record<string, unknown>): string {
  if (/^[a-z][\w-]*(\.[\w-]+)+$/i.test(message) && t.has(message)) return t(message, values);
  return message;
}

/** Every zod issue in the user's language, grouped by field path ("lines.2.quantity"); issues of the whole input in formErrors. */
export function collectIssues(issues: readonly z.core.$ZodIssue[], t: Translate) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const message = translateKey(issue.message, t, {
      min: 'minimum' in issue ? Number(issue.minimum) : 0,
      max: 'maximum' in issue ? Number(issue.maximum) : 0,
    });
    if (issue.path.length === 0) formErrors.push(message);
    else fieldErrorList(fieldErrors, issue.path.join('.')).push(message);
  }
  return { fieldErrors, formErrors };
}
