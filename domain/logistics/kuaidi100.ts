import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '@/domain/shared/result';
import { fieldErrorList } from '@/domain/shared/validation';

/**
 * Kuaidi100 tracking push (快递信息推送): a form POST of `param` (JSON text) and
 * `sign` = upper-case hex MD5(param + salt), salt being the one we gave when subscribing.
 * See shared/PROTOCOLS.md "Kuaidi100 tracking push".
 */

/** The sign Kuaidi100 puts beside a push: upper-case hex MD5 of the UTF-8 bytes of param + salt. */
export function signKuaidi100Push(param: string, salt: string): string {
  return createHash('md5')
    .update(param + salt, 'utf8')
    .digest('hex')
    .toUpperCase();
}

/**
 * Failure codes: `salt_not_configured` (an empty salt would let anyone sign: refuse everything);
 * `missing_param`, `missing_sign`; `malformed_sign` (not 32 hex digits); `bad_signature`.
 */
export type Kuaidi100VerifyError =
  'salt_not_configured' | 'missing_param' | 'missing_sign' | 'malformed_sign' | 'bad_signature';

/**
 * Checks a push's sign in constant time. `param` must be the form value exactly as received
 * (URL-decoded, not re-serialised). Lower-case hex is accepted: it is the same digest, and a
 * proxy or SDK that lower-cases it should not cost us a parcel's tracking; anything else that is
 * not 32 hex digits is refused before comparing.
 */
export function verifyKuaidi100Push(
  form: { param?: unknown; sign?: unknown },
  salt: string,
): Result<void, Kuaidi100VerifyError> {
  if (!salt) return fail('salt_not_configured', 'the Kuaidi100 push salt is not configured');
  if (typeof form.param !== 'string' || form.param === '') return fail('missing_param', 'the push has no param');
  if (typeof form.sign !== 'string' || form.sign === '') return fail('missing_sign', 'the push has no sign');
  const given = form.sign.trim();
  if (!/^[0-9a-fA-F]{32}$/.test(given)) return fail('malformed_sign', 'the push sign is not an MD5 hex digest');
  const expected = Buffer.from(signKuaidi100Push(form.param, salt), 'latin1');
  if (!timingSafeEqual(Buffer.from(given.toUpperCase(), 'latin1'), expected)) {
    return fail('bad_signature', 'the push sign does not match param and salt');
  }
  return ok(undefined);
}

// Kuaidi100 sends numbers as strings ("state":"3", "ischeck":"1"); accept either.
const ZDigits = z.union([z.string().trim().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);
// "2026-11-26 09:30:05": China Standard Time (UTC+8, no daylight saving), no zone in the text
const ZChinaTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/, 'expected yyyy-MM-dd HH:mm:ss')
  .refine(isRealTime, 'not a real date and time');

const ZKuaidi100Event = z.object({
  context: z.string(),
  time: ZChinaTime,
  ftime: ZChinaTime,
  areaName: z.string().optional(),
  areaCode: z.string().optional(),
  /** the event's state in words (在途, 签收 ...); with resultv2 */
  status: z.string().optional(),
  /** the event's state code; with resultv2 */
  statusCode: ZDigits.optional().catch(undefined),
  location: z.string().optional(),
});

const ZKuaidi100Push = z.object({
  status: z.enum(['polling', 'shutdown', 'abort', 'updateall']),
  message: z.string().default(''),
  autoCheck: z.string().optional(),
  comOld: z.string().optional(),
  comNew: z.string().optional(),
  lastResult: z.object({
    state: ZDigits,
    ischeck: z.union([z.literal('0'), z.literal('1'), z.literal(0), z.literal(1)]).transform((v) => String(v) === '1'),
    com: z.string().min(1),
    nu: z.string().min(1),
    message: z.string().optional(),
    condition: z.string().optional(),
    data: z.array(ZKuaidi100Event),
  }),
});

export type TKuaidi100Event = z.infer<typeof ZKuaidi100Event>;
/** A parsed push: state as a number, ischeck as a boolean (signed for), events newest first as sent. */
export type TKuaidi100Push = z.infer<typeof ZKuaidi100Push>;

/** Failure code: `malformed_push` (not JSON, or a field missing or of the wrong shape; fieldErrors say which). */
export type Kuaidi100ParseError = 'malformed_push';

/** Reads a push's param JSON. Never throws: anything unexpected is a `malformed_push` failure. */
export function parseKuaidi100Push(param: string): Result<TKuaidi100Push, Kuaidi100ParseError> {
  let json: unknown;
  try {
    json = JSON.parse(param);
  } catch {
    return fail('malformed_push', 'the push param is not JSON');
  }
  const parsed = ZKuaidi100Push.safeParse(json);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      fieldErrorList(fieldErrors, issue.path.map(String).join('.') || '_root').push(issue.message);
    return fail(
      'malformed_push',
      `the push param does not have the expected fields: ${Object.keys(fieldErrors).join(', ')}`,
      fieldErrors,
    );
  }
  return ok(parsed.data);
}

/** A Kuaidi100 time (China Standard Time, no zone) as an instant. */
export function kuaidi100Time(text: string): Date {
  const [date, time] = text.trim().split(' ');
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

// the words Kuaidi100 puts in data[].status, for events without a statusCode
const STATE_WORDS: Record<string, number> = {
  在途: 0,
  揽收: 1,
  疑难: 2,
  签收: 3,
  退签: 4,
  派件: 5,
  退回: 6,
  转投: 7,
  清关: 8,
  拒签: 14,
};

// rejects 2026-02-30 and 25:00, which Date would roll over or refuse silently
function isRealTime(text: string): boolean {
  const at = kuaidi100Time(text);
  if (Number.isNaN(at.getTime())) return false;
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ');
  return local.startsWith(text.trim().length === 16 ? text.trim() : text.trim().slice(0, 19));
}

/** One tracking event as the console stores it (tracking_events without shipment and ids). */
export interface TrackingEventInput {
  occurredAt: Date;
  /** Kuaidi100 state code, when the push says it for this event */
  stateCode: number | null;
  description: string;
  location: string | null;
  raw: Record<string, unknown>;
}

/**
 * The push's events, newest first as sent. Only the newest event is known to carry
 * lastResult.state; older ones take their own statusCode or status word when the push has them.
 */
export function kuaidi100Events(push: TKuaidi100Push): TrackingEventInput[] {
  return push.lastResult.data.map((event, index) => ({
    occurredAt: kuaidi100Time(event.time),
    stateCode:
      index === 0
        ? push.lastResult.state
        : (event.statusCode ?? (event.status !== undefined ? (STATE_WORDS[event.status] ?? null) : null)),
    description: event.context.trim(),
    location: event.areaName ?? event.location ?? null,
    raw: { ...event },
  }));
}

/** What we answer a push we took (or had already taken: replays are answered the same). */
export const KUAIDI100_PUSH_OK = { result: true, returnCode: '200', message: '成功' } as const;

/**
 * What we answer a push we refused; Kuaidi100 sends it again later, so a push refused because
 * of our own fault (salt not configured, database down) is not lost.
 */
export function kuaidi100PushFailure(reason: string): { result: false; returnCode: '500'; message: string } {
  return { result: false, returnCode: '500', message: reason };
}
