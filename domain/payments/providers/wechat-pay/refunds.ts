import { z } from 'zod';
import { exchange, type ProviderHttpRequest, type ProviderHttpResponse } from '../transport';
import type { ProviderConfig, ProviderSetup, RefundAnswer, RefundContext, RefundNotificationRead } from '../types';
import { decryptWechatResource, verifyWechatNotification } from './protocol';
import { verifyWechatResponse, wechatApiRequest, wechatMerchantOf } from './requests';

/**
 * WeChat Pay API v3 refunds: POST /v3/refund/domestic/refunds (answers PROCESSING; the result
 * comes in a REFUND.* notification) and GET /v3/refund/domestic/refunds/{out_refund_no}, signed
 * and verified exactly like the payment APIs beside them.
 */
export const WECHAT_REFUNDS_PATH = '/v3/refund/domestic/refunds';

export function buildWechatRefundRequest(
  config: ProviderConfig,
  { refund, payment }: RefundContext,
  notifyUrl: string,
  now = new Date(),
): ProviderHttpRequest {
  const body = JSON.stringify({
    ...(payment.providerTxnId ? { transaction_id: payment.providerTxnId } : { out_trade_no: payment.outTradeNo }),
    out_refund_no: refund.outRefundNo,
    reason: refund.reason.slice(0, 80),
    notify_url: notifyUrl,
    amount: { refund: refund.amountCents, total: payment.amountCents, currency: refund.currency },
  });
  return wechatApiRequest('POST', WECHAT_REFUNDS_PATH, body, wechatMerchantOf(config), now);
}

export function buildWechatRefundQueryRequest(
  config: ProviderConfig,
  { refund }: RefundContext,
  now = new Date(),
): ProviderHttpRequest {
  return wechatApiRequest(
    'GET',
    `${WECHAT_REFUNDS_PATH}/${encodeURIComponent(refund.outRefundNo)}`,
    '',
    wechatMerchantOf(config),
    now,
  );
}

const ZRefundState = z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']);
/** The refund object of an answer or a decrypted REFUND.* notification; amounts in fen. */
export const ZWechatRefund = z
  .object({
    refund_id: z.string().min(1),
    out_refund_no: z.string().min(1),
    transaction_id: z.string().optional(),
    out_trade_no: z.string().optional(),
    /** answers and queries say `status`, notifications `refund_status` */
    status: ZRefundState.optional(),
    refund_status: ZRefundState.optional(),
    success_time: z.string().optional(),
    amount: z.object({ refund: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).passthrough(),
  })
  .passthrough();
export type TWechatRefund = z.infer<typeof ZWechatRefund>;

/** What a WeChat refund state means for our refund. */
export function wechatRefundAnswer(refund: TWechatRefund): RefundAnswer {
  const state = refund.status ?? refund.refund_status;
  if (state === 'SUCCESS')
    return { kind: 'succeeded', providerRefundId: refund.refund_id, amountCents: refund.amount.refund };
  if (state === 'PROCESSING') return { kind: 'processing', providerRefundId: refund.refund_id };
  if (state === 'CLOSED' || state === 'ABNORMAL')
    return { kind: 'failed', providerRefundId: refund.refund_id, detail: `refund ${state}` };
  return { kind: 'error', detail: 'no refund status in the answer' };
}

export function readWechatRefundResponse(
  config: ProviderConfig,
  response: ProviderHttpResponse,
  context: RefundContext,
  now = new Date(),
): RefundAnswer {
  if (response.status >= 500) return { kind: 'error', detail: `wechat pay answered ${response.status}` };
  const verified = verifyWechatResponse(response, config.providerPublicKeyPem, config.providerSerial, now);
  if (!verified.ok) return { kind: 'error', detail: `wechat pay answer refused: ${verified.reason}` };
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    return { kind: 'error', detail: 'wechat pay answer is not JSON' };
  }
  if (response.status === 404) return { kind: 'not_found', detail: 'RESOURCE_NOT_EXISTS' };
  if (response.status >= 400) {
    const { code, message } = (json ?? {}) as { code?: string; message?: string };
    // business refusals (NOT_ENOUGH, INVALID_REQUEST...) end the refund; throttling or our own signature refused means later
    return code === 'FREQUENCY_LIMITED' || code === 'SYSTEM_ERROR' || code === 'SIGN_ERROR'
      ? { kind: 'error', detail: `${code} ${message ?? ''}`.trim() }
      : { kind: 'failed', providerRefundId: null, detail: `${code ?? response.status} ${message ?? ''}`.trim() };
  }
  const parsed = ZWechatRefund.safeParse(json);
  if (!parsed.success) return { kind: 'error', detail: 'wechat pay answer is not a refund' };
  if (parsed.data.out_refund_no !== context.refund.outRefundNo)
    return { kind: 'error', detail: 'wechat pay answered for another refund' };
  return wechatRefundAnswer(parsed.data);
}

export async function submitWechatRefund(
  { config, transport }: ProviderSetup,
  context: RefundContext,
  notifyUrl: string,
  now: Date,
): Promise<RefundAnswer> {
  const response = await exchange(transport, buildWechatRefundRequest(config, context, notifyUrl, now));
  return 'error' in response
    ? { kind: 'error', detail: response.error }
    : readWechatRefundResponse(config, response, context);
}

export async function queryWechatRefund(
  { config, transport }: ProviderSetup,
  context: RefundContext,
  now: Date,
): Promise<RefundAnswer> {
  const response = await exchange(transport, buildWechatRefundQueryRequest(config, context, now));
  return 'error' in response
    ? { kind: 'error', detail: response.error }
    : readWechatRefundResponse(config, response, context);
}

/** A REFUND.* notification: signed headers, the refund sealed under the APIv3 key. */
export function readWechatRefundNotification(
  config: ProviderConfig,
  input: { headers: Record<string, string>; body: string },
  now: Date,
): RefundNotificationRead {
  const verified = verifyWechatNotification({
    headers: input.headers,
    body: input.body,
    platformPublicKeyPem: config.providerPublicKeyPem,
    now,
    platformSerial: config.providerSerial,
  });
  if (!verified.ok) return { ok: false, reason: verified.reason, isVerified: false };
  const { resource } = verified.notification;
  if (resource.original_type !== 'refund')
    return { ok: false, reason: `not a refund notification (${resource.original_type ?? 'none'})`, isVerified: true };
  const opened = decryptWechatResource(resource, config.apiV3Key);
  if (!opened.ok) return { ok: false, reason: opened.reason, isVerified: true };
  let json: unknown;
  try {
    json = JSON.parse(opened.plaintext);
  } catch {
    return { ok: false, reason: 'malformed', isVerified: true };
  }
  const parsed = ZWechatRefund.extend({ mchid: z.string() }).safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed', isVerified: true };
  if (parsed.data.mchid !== config.merchantId) return { ok: false, reason: 'not our merchant id', isVerified: true };
  const state = parsed.data.refund_status ?? parsed.data.status;
  return {
    ok: true,
    news: {
      outRefundNo: parsed.data.out_refund_no,
      providerRefundId: parsed.data.refund_id,
      amountCents: parsed.data.amount.refund,
      outcome: state === 'SUCCESS' ? 'succeeded' : state === 'PROCESSING' ? 'processing' : 'failed',
      detail: `refund ${state}`,
    },
  };
}
