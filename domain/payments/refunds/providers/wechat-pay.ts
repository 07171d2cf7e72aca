import { createSign, createVerify, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { wechatSignContent } from '@/domain/payments/providers/wechat-pay';
import { refundNotifyUrl, type RefundGatewayConfig } from '../gateway-config';
import { exchange, type GatewayRequest, type GatewayResponse, type ProviderRefundClient, type RefundAnswer, type RefundContext } from './types';

/**
 * WeChat Pay API v3 refunds: POST /v3/refund/domestic/refunds (answers PROCESSING; the result
 * comes in a REFUND.* notification) and GET /v3/refund/domestic/refunds/{out_refund_no}.
 * Requests carry the WECHATPAY2-SHA256-RSA2048 Authorization signed with the merchant key;
 * answers are signed by the platform over `timestamp\nnonce\nbody\n`.
 */
export const WECHAT_REFUNDS_PATH = '/v3/refund/domestic/refunds';
const MAX_CLOCK_SKEW_SECONDS = 300;

/** The text a merchant signs for a request (wechatpay-go core/auth/signers). */
export function wechatRequestSignContent(method: string, canonicalUrl: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${canonicalUrl}\n${timestamp}\n${nonce}\n${body}\n`;
}

export function wechatAuthorization(config: RefundGatewayConfig, method: string, canonicalUrl: string, body: string, now: Date, nonce = randomBytes(16).toString('hex')): string {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = createSign('RSA-SHA256').update(wechatRequestSignContent(method, canonicalUrl, timestamp, nonce, body), 'utf8')
    .sign(config.wechat.merchantPrivateKeyPem, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${config.wechat.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${config.wechat.merchantSerial}"`;
}

export function buildWechatRefundRequest(config: RefundGatewayConfig, { refund, payment }: RefundContext, now = new Date()): GatewayRequest {
  const body = JSON.stringify({
    ...(payment.providerTxnId ? { transaction_id: payment.providerTxnId } : { out_trade_no: payment.outTradeNo }),
    out_refund_no: refund.outRefundNo,
    reason: refund.reason.slice(0, 80),
    notify_url: refundNotifyUrl(config, 'wechat-pay'),
    amount: { refund: refund.amountCents, total: payment.amountCents, currency: refund.currency },
  });
  return {
    method: 'POST', url: `${config.wechat.apiBaseUrl}${WECHAT_REFUNDS_PATH}`, body,
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: wechatAuthorization(config, 'POST', WECHAT_REFUNDS_PATH, body, now) },
  };
}

export function buildWechatRefundQueryRequest(config: RefundGatewayConfig, { refund }: RefundContext, now = new Date()): GatewayRequest {
  const path = `${WECHAT_REFUNDS_PATH}/${encodeURIComponent(refund.outRefundNo)}`;
  return { method: 'GET', url: `${config.wechat.apiBaseUrl}${path}`, headers: { accept: 'application/json', authorization: wechatAuthorization(config, 'GET', path, '', now) } };
}

/** The refund object of an answer or a decrypted REFUND.* notification; amounts in fen. */
export const ZWechatRefund = z.object({
  refund_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  transaction_id: z.string().optional(),
  out_trade_no: z.string().optional(),
  /** answers and queries say `status`, notifications `refund_status` */
  status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
  refund_status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
  success_time: z.string().optional(),
  amount: z.object({ refund: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).passthrough(),
}).passthrough();
export type TWechatRefund = z.infer<typeof ZWechatRefund>;

/** What a WeChat refund state means for our refund. */
export function wechatRefundAnswer(refund: TWechatRefund): RefundAnswer {
  const state = refund.status ?? refund.refund_status;
  if (state === 'SUCCESS') return { kind: 'succeeded', providerRefundId: refund.refund_id, amountCents: refund.amount.refund };
  if (state === 'PROCESSING') return { kind: 'processing', providerRefundId: refund.refund_id };
  if (state === 'CLOSED' || state === 'ABNORMAL') return { kind: 'failed', providerRefundId: refund.refund_id, detail: `refund ${state}` };
  return { kind: 'error', detail: 'no refund status in the answer' };
}

const header = (headers: Record<string, string>, name: string) => {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
};

/** Checks the platform's signature on an answer (the same rule as notifications). */
export function verifyWechatAnswer(config: RefundGatewayConfig, response: GatewayResponse, now: Date): string | null {
  const timestamp = header(response.headers, 'Wechatpay-Timestamp');
  const nonce = header(response.headers, 'Wechatpay-Nonce');
  const signature = header(response.headers, 'Wechatpay-Signature');
  if (!timestamp || !nonce || !signature) return 'missing_header';
  if (header(response.headers, 'Wechatpay-Serial') !== config.wechat.platformSerial) return 'unknown_serial';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) >= MAX_CLOCK_SKEW_SECONDS) return 'stale_timestamp';
  try {
    const valid = createVerify('RSA-SHA256').update(wechatSignContent(timestamp, nonce, response.body), 'utf8')
      .verify(config.wechat.platformPublicKeyPem, signature, 'base64');
    return valid ? null : 'bad_signature';
  } catch {
    return 'bad_signature';
  }
}

export function readWechatRefundResponse(config: RefundGatewayConfig, response: GatewayResponse, context: RefundContext, now = new Date()): RefundAnswer {
  if (response.status >= 500) return { kind: 'error', detail: `wechat pay answered ${response.status}` };
  const refused = verifyWechatAnswer(config, response, now);
  if (refused) return { kind: 'error', detail: `wechat pay answer refused: ${refused}` };
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    return { kind: 'error', detail: 'wechat pay answer is not JSON' };
  }
  if (response.status === 404) return { kind: 'not_found', detail: 'RESOURCE_NOT_EXISTS' };
  if (response.status >= 400) {
    const { code, message } = (json ?? {}) as { code?: string; message?: string };
    // business refusals (NOT_ENOUGH, INVALID_REQUEST...) end the refund; throttling means later
    return code === 'FREQUENCY_LIMITED' || code === 'SYSTEM_ERROR'
      ? { kind: 'error', detail: `${code} ${message ?? ''}`.trim() }
      : { kind: 'failed', providerRefundId: null, detail: `${code ?? response.status} ${message ?? ''}`.trim() };
  }
  const parsed = ZWechatRefund.safeParse(json);
  if (!parsed.success) return { kind: 'error', detail: 'wechat pay answer is not a refund' };
  if (parsed.data.out_refund_no !== context.refund.outRefundNo) return { kind: 'error', detail: 'wechat pay answered for another refund' };
  return wechatRefundAnswer(parsed.data);
}

export const wechatRefundClient: ProviderRefundClient = {
  async submit(config, context) {
    const response = await exchange(config, buildWechatRefundRequest(config, context));
    return 'error' in response ? { kind: 'error', detail: response.error } : readWechatRefundResponse(config, response, context);
  },
  async query(config, context) {
    const response = await exchange(config, buildWechatRefundQueryRequest(config, context));
    return 'error' in response ? { kind: 'error', detail: response.error } : readWechatRefundResponse(config, response, context);
  },
};
