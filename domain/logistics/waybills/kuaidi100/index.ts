import { fail, type Result } from '@/domain/shared/result';
import type { WaybillProvider } from '../waybill-provider';
import {
  kuaidi100CancelParam,
  kuaidi100OrderParam,
  kuaidi100WaybillForm,
  parseKuaidi100CancelReply,
  parseKuaidi100OrderReply,
} from './protocol';

export interface Kuaidi100WaybillConfig {
  /** https://api.kuaidi100.com/label/order, or the sandbox's / a test fake's address */
  url: string;
  /** the enterprise API key and secret (企业版授权 key / secret) */
  key: string;
  secret: string;
  /** injected in tests; global fetch otherwise */
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * Kuaidi100's e-waybill API (电子面单下单 / 取消): signed form POSTs to /label/order. The live service and
 * the offline sandbox are reached through this same adapter; only the URL and keys differ.
 */
export function createKuaidi100WaybillProvider(config: Kuaidi100WaybillConfig): WaybillProvider {
  const doFetch = config.fetch ?? fetch;
  const now = config.now ?? (() => new Date());
  const post = async (
    method: 'order' | 'cancel',
    param: Record<string, unknown>,
  ): Promise<Result<unknown, 'unreachable'>> => {
    const form = kuaidi100WaybillForm(method, param, config, now());
    try {
      const response = await doFetch(`${config.url}?method=${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      try {
        return { ok: true, data: JSON.parse(text) as unknown };
      } catch {
        return fail('unreachable', `label/order answered HTTP ${response.status} without JSON`);
      }
    } catch (error) {
      return fail(
        'unreachable',
        `label/order could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  return {
    name: 'kuaidi100',
    async order(request) {
      const answer = await post('order', kuaidi100OrderParam(request));
      if (!answer.ok) return answer;
      return parseKuaidi100OrderReply(answer.data);
    },
    async cancel(request) {
      const answer = await post('cancel', kuaidi100CancelParam(request));
      if (!answer.ok) return answer;
      return parseKuaidi100CancelReply(answer.data);
    },
  };
}
