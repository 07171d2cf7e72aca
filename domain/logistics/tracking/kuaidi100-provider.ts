import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '@/domain/shared/result';
import { kuaidi100Events, parseKuaidi100Push, verifyKuaidi100Push, type TKuaidi100Push } from '../kuaidi100';
import type { TrackedParcel, TrackingProvider, TrackingProviderError, TrackingSnapshot } from './tracking-provider';

/** The real aggregator's address; the sandbox answers the same paths under /sandbox/kuaidi100. */
export const KUAIDI100_LIVE_BASE_URL = 'https://poll.kuaidi100.com';

export interface Kuaidi100Config {
  /** https://poll.kuaidi100.com, or the sandbox's base URL */
  baseUrl: string;
  key: string;
  customer: string;
  salt: string;
  /** where the aggregator pushes to: our /api/logistics/kuaidi100/push */
  callbackUrl: string;
  /** injected in tests; global fetch otherwise */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The query sign: upper-case hex MD5 of param + key + customer (实时查询). */
export function signKuaidi100Query(param: string, key: string, customer: string): string {
  return createHash('md5')
    .update(param + key + customer, 'utf8')
    .digest('hex')
    .toUpperCase();
}

// the subscription answer: {"result":true,"returnCode":"200","message":"提交成功"}; 501 = already subscribed
const ZSubscribeReply = z.object({
  result: z.boolean(),
  returnCode: z.union([z.string(), z.number()]).transform(String),
  message: z.string().default(''),
});

/**
 * The Kuaidi100 tracking aggregator (订阅推送 + 实时查询): form POSTs to /poll (subscribe) and
 * /poll/query.do (query); pushes come to our webhook signed with the salt we subscribed with.
 * The same code talks to the live service and to the offline sandbox; only baseUrl differs.
 */
export function createKuaidi100Provider(config: Kuaidi100Config): TrackingProvider {
  const doFetch = config.fetch ?? fetch;
  const post = async (path: string, form: Record<string, string>): Promise<Result<unknown, 'unreachable'>> => {
    try {
      const response = await doFetch(`${config.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      try {
        return ok(JSON.parse(text) as unknown);
      } catch {
        return fail('unreachable', `${path} answered HTTP ${response.status} without JSON`);
      }
    } catch (error) {
      return fail(
        'unreachable',
        `${path} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  return {
    name: 'kuaidi100',

    async subscribe(parcel: TrackedParcel): Promise<Result<void, TrackingProviderError>> {
      const param = JSON.stringify({
        company: parcel.carrierCode,
        number: parcel.trackingNumber,
        key: config.key,
        parameters: {
          callbackurl: config.callbackUrl,
          salt: config.salt,
          resultv2: '1',
          ...(parcel.phone ? { phone: parcel.phone } : {}),
        },
      });
      const answer = await post('/poll', { schema: 'json', param });
      if (!answer.ok) return fail('subscribe_failed', answer.message);
      const reply = ZSubscribeReply.safeParse(answer.data);
      if (!reply.success) return fail('subscribe_failed', 'the subscription answer is not in the expected shape');
      // 501: this number is already subscribed, which is what we wanted
      if (reply.data.returnCode === '200' || reply.data.returnCode === '501') return ok(undefined);
      return fail('subscribe_failed', `subscription refused: ${reply.data.returnCode} ${reply.data.message}`);
    },

    async query(parcel: TrackedParcel): Promise<Result<TrackingSnapshot, TrackingProviderError>> {
      const param = JSON.stringify({
        com: parcel.carrierCode,
        num: parcel.trackingNumber,
        resultv2: '1',
        ...(parcel.phone ? { phone: parcel.phone } : {}),
      });
      const answer = await post('/poll/query.do', {
        customer: config.customer,
        sign: signKuaidi100Query(param, config.key, config.customer),
        param,
      });
      if (!answer.ok) return fail('query_failed', answer.message);
      const body = answer.data as Record<string, unknown> | null;
      // a refusal looks like {"result":false,"returnCode":"400","message":"..."}
      if (!body || typeof body !== 'object' || body.result === false || body.status !== '200') {
        const message =
          body && typeof body === 'object'
            ? `${String(body.returnCode ?? body.status ?? '')} ${String(body.message ?? '')}`.trim()
            : 'empty answer';
        return fail('query_failed', `query refused: ${message}`);
      }
      // the query answer is a push's lastResult; read it with the push's own rules
      const parsed = parseKuaidi100Push(JSON.stringify({ status: 'polling', message: '', lastResult: body }));
      if (!parsed.ok) return fail('query_failed', `the query answer is malformed: ${parsed.message}`);
      return ok(toSnapshot(parsed.data));
    },

    parsePush(form) {
      const verified = verifyKuaidi100Push(form, config.salt);
      if (!verified.ok) return verified;
      const parsed = parseKuaidi100Push(form.param as string);
      if (!parsed.ok) return parsed;
      return ok({ ...toSnapshot(parsed.data), isFinal: parsed.data.status === 'shutdown' });
    },
  };
}

function toSnapshot(push: TKuaidi100Push): TrackingSnapshot {
  return {
    carrierCode: push.lastResult.com,
    trackingNumber: push.lastResult.nu,
    state: push.lastResult.data.length > 0 ? push.lastResult.state : null,
    events: kuaidi100Events(push),
  };
}
