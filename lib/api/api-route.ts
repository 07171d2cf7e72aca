import type { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import { getDb, type Database } from '@/db/client';
import { authenticateApiKey, type ApiCaller } from '@/domain/api-keys/authenticate-api-key';
import { httpStatusOf } from '@/domain/shared/error-codes';
import type { Fail } from '@/domain/shared/result';
import { findUnsafeText, isSafeText, UNSAFE_TEXT_MESSAGE } from '@/domain/shared/safe-text';
import { withAuditContext } from '@/domain/shared/audit-context';
import { can, type Permission } from '@/domain/staff/permissions';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';
import type { Locale } from '@/lib/i18n/locales';
import { collectIssues } from '@/lib/i18n/translate-issues';
import { requestIdFrom } from '@/lib/log/request-id';
import { logRequest, routeOf } from '@/lib/log/request-log';
import { localeFromAcceptLanguage, translatorFor, type Translate } from '@/lib/i18n/translator';
import { translateOrderFailure } from '@/lib/orders/translate-order-failure';
import { fieldErrorList } from '@/domain/shared/validation';

/**
 * The REST API's one wrapper (the API twin of staffAction): API key -> permission of the key's
 * role -> handler, answering in the language of Accept-Language. Errors are always
 * `{ "error": { "code", "message", "fields"? } }` with a fitting status.
 */
export interface ApiContext<P> {
  request: Request;
  params: P;
  caller: ApiCaller;
  locale: Locale;
  t: Translate;
  db: Database;
}

const ZOD_LOCALES = { 'zh-CN': zhCN, en } as const;

export function apiRoute<P = Record<string, never>>(
  permission: Permission,
  handler: (ctx: ApiContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const log = { requestId: requestIdFrom(request.headers), route: routeOf(request) };
    let actor: ApiCaller['actor'] | undefined;
    let failure: unknown;
    const response = await (async () => {
      const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
      const t = await translatorFor(locale);
      const db = getDb();
      const caller = await authenticateApiKey(db, request.headers.get('authorization'));
      if (!caller)
        return apiError(401, 'unauthenticated', t('common.api.unauthenticated'), undefined, {
          'WWW-Authenticate': 'Bearer',
        });
      actor = caller.actor;
      if (!can(caller, permission)) return apiError(403, 'forbidden', t('common.forbidden'));
      try {
        const params = await context.params;
        const refused = unsafeUrlParts(request, params);
        if (refused.length > 0) {
          const fields = Object.fromEntries(refused.map((name) => [name, [t(UNSAFE_TEXT_MESSAGE)]]));
          return apiError(422, 'invalid', t('common.api.badParams', { params: refused.join(', ') }), fields);
        }
        const ip = clientIpFromHeaders(request.headers);
        return await withAuditContext({ ip }, () => handler({ request, params, caller, locale, t, db }));
      } catch (error) {
        failure = error;
        return apiError(500, 'unexpected', t('common.api.unexpected'));
      }
    })();
    logRequest({ ...log, status: response.status, durationMs: performance.now() - started, actor, error: failure });
    return response;
  };
}

/** The path segments and query parameters (by name) whose text breaks the safe-text rule, or cannot be decoded. */
function unsafeUrlParts(request: Request, params: unknown): string[] {
  const refused = new Set<string>();
  for (const [name, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    for (const segment of [value].flat()) {
      if (typeof segment !== 'string') continue;
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        decoded = '\u0000';
      }
      if (!isSafeText(segment) || !isSafeText(decoded)) refused.add(name);
    }
  }
  for (const [name, value] of new URL(request.url).searchParams) {
    if (!isSafeText(name) || !isSafeText(value)) refused.add(isSafeText(name) ? name : '(parameter name)');
  }
  return [...refused];
}

export function apiJson(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string[]>,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } },
    {
      status,
      headers: { 'Cache-Control': 'no-store', ...headers },
    },
  );
}

/** The JSON body checked against a schema; bad JSON or bad fields give a 400 / 422 naming each field. */
export async function readBody<S extends z.ZodType>(
  ctx: ApiContext<unknown>,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    const text = await ctx.request.text();
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { ok: false, response: apiError(400, 'invalid_json', ctx.t('common.api.invalidJson')) };
  }
  return parseInput(ctx, schema, body);
}

export function parseInput<S extends z.ZodType>(
  ctx: ApiContext<unknown>,
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(input, { error: ZOD_LOCALES[ctx.locale]().localeError });
  // control characters are refused in every field, whether or not its schema says so
  const unsafe = findUnsafeText(input);
  if (parsed.success && unsafe.length === 0) return { ok: true, data: parsed.data };
  const { fieldErrors, formErrors } = parsed.success
    ? { fieldErrors: {} as Record<string, string[]>, formErrors: [] as string[] }
    : collectIssues(parsed.error.issues, ctx.t);
  for (const path of unsafe) {
    const message = ctx.t(UNSAFE_TEXT_MESSAGE);
    const list = fieldErrorList(fieldErrors, path);
    if (!list.includes(message)) list.push(message);
  }
  return { ok: false, response: apiError(422, 'invalid', formErrors[0] ?? ctx.t('common.api.invalid'), fieldErrors) };
}

/** A domain failure (already in the caller's language) as an error response; statuses from the one code list. */
export function failureResponse(failure: Fail): Response {
  return apiError(httpStatusOf(failure.code), failure.code, failure.message, failure.fieldErrors);
}

/** A failed order operation, worded for an integrator (the status named, no console wording). */
export function orderFailureResponse(failure: Fail, t: Translate): Response {
  return failureResponse(translateOrderFailure(failure, t, 'api'));
}
