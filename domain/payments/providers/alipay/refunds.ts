import { formatFenAsYuan, parseProviderYuan } from '../amounts';
import { alipayTime } from '../china-time';
import { exchange, type ProviderHttpRequest } from '../transport';
import type { ProviderConfig, ProviderSetup, RefundAnswer, RefundContext } from '../types';
import { signAlipayParams, verifyAlipayResponse } from './protocol';

/**
 * Alipay refunds: alipay.trade.refund (synchronous: the signed answer says whether the money went
 * back; out_request_no makes a resend the same refund) and alipay.trade.fastpay.refund.query,
 * both posted to the same gateway as every other Alipay call.
 */
export const ALIPAY_REFUND_METHOD = 'alipay.trade.refund';
export const ALIPAY_REFUND_QUERY_METHOD = 'alipay.trade.fastpay.refund.query';

/** The signed form of a gateway call (public params + biz_content), as the SDK's exec() posts it. */
export function buildAlipayGatewayRequest(
  config: ProviderConfig,
  method: string,
  bizContent: Record<string, unknown>,
  now: Date,
): ProviderHttpRequest & { params: Record<string, string> } {
  const params: Record<string, string> = {
    app_id: config.merchantId,
    method,
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: alipayTime(now),
    version: '1.0',
    biz_content: JSON.stringify(bizContent),
  };
  params.sign = signAlipayParams(params, config.merchantPrivateKeyPem);
  return {
    method: 'POST',
    url: config.gatewayUrl,
    params,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(params).toString(),
  };
}

export function buildAlipayRefundRequest(config: ProviderConfig, { refund, payment }: RefundContext, now = new Date()) {
  return buildAlipayGatewayRequest(
    config,
    ALIPAY_REFUND_METHOD,
    {
      out_trade_no: payment.outTradeNo,
      ...(payment.providerTxnId ? { trade_no: payment.providerTxnId } : {}),
      refund_amount: formatFenAsYuan(refund.amountCents),
      out_request_no: refund.outRefundNo,
      refund_reason: refund.reason.slice(0, 256),
    },
    now,
  );
}

export function buildAlipayRefundQueryRequest(
  config: ProviderConfig,
  { refund, payment }: RefundContext,
  now = new Date(),
) {
  return buildAlipayGatewayRequest(
    config,
    ALIPAY_REFUND_QUERY_METHOD,
    {
      out_trade_no: payment.outTradeNo,
      out_request_no: refund.outRefundNo,
      query_options: ['gmt_refund_pay'],
    },
    now,
  );
}

function readSigned(
  config: ProviderConfig,
  method: string,
  raw: string,
): { ok: true; response: Record<string, unknown> } | { ok: false; answer: RefundAnswer } {
  const verified = verifyAlipayResponse(raw, method, config.providerPublicKeyPem);
  if (!verified.ok)
    return {
      ok: false,
      answer: {
        kind: 'error',
        detail: `alipay answer refused: ${verified.reason}${verified.detail ? ` (${verified.detail})` : ''}`,
      },
    };
  return { ok: true, response: verified.response };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Reads a signed answer: code 10000 is success, 40004 a business refusal, anything else unknown. */
export function readAlipayRefundResponse(config: ProviderConfig, raw: string, context: RefundContext): RefundAnswer {
  const read = readSigned(config, ALIPAY_REFUND_METHOD, raw);
  if (!read.ok) return read.answer;
  const r = read.response;
  if (r.code === '10000') {
    if (text(r.out_trade_no) !== context.payment.outTradeNo)
      return { kind: 'error', detail: `alipay answered for another trade ${text(r.out_trade_no)}` };
    return { kind: 'succeeded', providerRefundId: text(r.trade_no) || null, amountCents: null };
  }
  const detail = `${text(r.code)} ${text(r.sub_code) || text(r.msg)} ${text(r.sub_msg)}`.trim();
  // 40004: the business refused it (trade finished, amount too large...); 20000/40001-3: ask again later
  return r.code === '40004' ? { kind: 'failed', providerRefundId: null, detail } : { kind: 'error', detail };
}

export function readAlipayRefundQueryResponse(
  config: ProviderConfig,
  raw: string,
  context: RefundContext,
): RefundAnswer {
  const read = readSigned(config, ALIPAY_REFUND_QUERY_METHOD, raw);
  if (!read.ok) return read.answer;
  const r = read.response;
  if (r.code !== '10000') return { kind: 'error', detail: `${text(r.code)} ${text(r.sub_code) || text(r.msg)}`.trim() };
  // Alipay answers 10000 with empty refund fields when it holds no successful refund for out_request_no
  if (text(r.refund_status) !== 'REFUND_SUCCESS')
    return { kind: 'not_found', detail: 'alipay holds no successful refund for this request' };
  if (text(r.out_request_no) !== context.refund.outRefundNo)
    return { kind: 'error', detail: 'alipay answered for another refund' };
  const amount = parseProviderYuan(text(r.refund_amount));
  return { kind: 'succeeded', providerRefundId: text(r.trade_no) || null, amountCents: amount.ok ? amount.fen : null };
}

export async function submitAlipayRefund(
  { config, transport }: ProviderSetup,
  context: RefundContext,
  now: Date,
): Promise<RefundAnswer> {
  const response = await exchange(transport, buildAlipayRefundRequest(config, context, now));
  return 'error' in response
    ? { kind: 'error', detail: response.error }
    : readAlipayRefundResponse(config, response.body, context);
}

export async function queryAlipayRefund(
  { config, transport }: ProviderSetup,
  context: RefundContext,
  now: Date,
): Promise<RefundAnswer> {
  const response = await exchange(transport, buildAlipayRefundQueryRequest(config, context, now));
  return 'error' in response
    ? { kind: 'error', detail: response.error }
    : readAlipayRefundQueryResponse(config, response.body, context);
}
