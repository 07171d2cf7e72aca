import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import type { Result } from '@/domain/shared/result';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '@/domain/shared/safe-text';
import { can, type Permission } from '@/domain/staff/permissions';
import { withAuditContext } from '@/domain/shared/audit-context';
import { getCurrentSession, getCurrentStaff, type CurrentStaff } from '@/lib/auth/current-staff';
import { getRequestIp } from '@/lib/auth/request-ip';
import { collectIssues } from '@/lib/i18n/translate-issues';
import { logServerAction } from '@/lib/log/action-log';
import type { Translate } from '@/lib/i18n/translator';
import { formDataToObject } from './form-data';
import { fieldErrorList } from '@/domain/shared/validation';

/**
 * What every server action returns. Codes: `unauthenticated` (no valid session), `forbidden`
 * (role lacks the permission), `invalid` (input failed validation; see fieldErrors), or the
 * failure code of the domain operation. Messages are in the user's language.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: 'unauthenticated' | 'forbidden' | 'invalid' | (string & {});
      message: string;
      fieldErrors?: Record<string, string[]>;
    };

export interface StaffActionOptions {
  /**
   * Message namespace whose `errors.<code>` entries translate the handler's failure codes
   * (e.g. 'staff' -> staff.errors.email_taken). Codes without an entry keep the domain message.
   */
  errorMessages?: string;
  /**
   * For the account page's own actions: also serves someone who must first change their password
   * or set up two-factor sign-in (every other action treats them as signed out).
   */
  allowPending?: boolean;
}

type Translator = Awaited<ReturnType<typeof getTranslations>>;

const ZOD_LOCALES = { 'zh-CN': zhCN, en } as const;

/**
 * The one wrapper for server actions: session -> permission -> zod parse -> handler. Handlers get
 * parsed input and the acting staff member, call one domain operation, revalidate, and return
 * the domain Result. Pass the result of this function as the server action (object or FormData).
 */
export function staffAction<S extends z.ZodType, T>(
  /** null: any signed-in staff member (their own account) */
  permission: Permission | null,
  schema: S,
  handler: (input: z.output<S>, staff: CurrentStaff) => Promise<Result<T>>,
  options: StaffActionOptions = {},
): (input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const started = performance.now();
    const seen: { staff?: CurrentStaff } = {};
    try {
      const result = await run(raw, seen);
      await logServerAction({ permission, started, actor: seen.staff, status: result.ok ? 'ok' : result.code });
      return result;
    } catch (error) {
      await logServerAction({ permission, started, actor: seen.staff, status: 'error', error });
      throw error;
    }
  };

  async function run(raw: FormData | z.input<S>, seen: { staff?: CurrentStaff }): Promise<ActionResult<T>> {
    const t = await getTranslations();
    const staff = options.allowPending ? ((await getCurrentSession())?.staff ?? null) : await getCurrentStaff();
    if (!staff) return { ok: false, code: 'unauthenticated', message: t('common.signedOut') };
    seen.staff = staff;
    if (permission !== null && !can(staff, permission))
      return { ok: false, code: 'forbidden', message: t('common.forbidden') };

    const input = raw instanceof FormData ? formDataToObject(raw) : raw;
    const locale = (await getLocale()) as keyof typeof ZOD_LOCALES;
    const parsed = schema.safeParse(input, { error: (ZOD_LOCALES[locale] ?? zhCN)().localeError });
    // control characters are refused in every field, whether or not its schema says so
    const unsafe = findUnsafeText(input);
    if (!parsed.success || unsafe.length > 0) {
      const { fieldErrors, formErrors } = parsed.success
        ? { fieldErrors: {} as Record<string, string[]>, formErrors: [] as string[] }
        : collectIssues(parsed.error.issues, t as unknown as Translate);
      for (const path of unsafe) {
        const message = t(UNSAFE_TEXT_MESSAGE);
        const list = fieldErrorList(fieldErrors, path);
        if (!list.includes(message)) list.push(message);
      }
      return {
        ok: false,
        code: 'invalid',
        message: formErrors[0] ?? t('auth.action.invalid'),
        fieldErrors,
      };
    }

    const ip = await getRequestIp().catch(() => null);
    const result = await withAuditContext({ ip }, () => handler(parsed.data, staff));
    if (result.ok) return { ok: true, data: result.data };
    return localizeFailure(result, t, options.errorMessages);
  }
}

function localizeFailure(
  failure: Extract<Result<unknown>, { ok: false }>,
  t: Translator,
  namespace: string | undefined,
): ActionResult<never> {
  const key = namespace ? `${namespace}.errors.${failure.code}` : undefined;
  if (!key || !t.has(key))
    return {
      ok: false,
      code: failure.code,
      message: failure.message,
      ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}),
    };
  // params fill the placeholders ({status}, {skus}) so translated messages still name what failed
  const message = t(key, failure.params);
  const fieldErrors = failure.fieldErrors
    ? Object.fromEntries(Object.keys(failure.fieldErrors).map((field) => [field, [message]]))
    : undefined;
  return { ok: false, code: failure.code, message, ...(fieldErrors ? { fieldErrors } : {}) };
}
