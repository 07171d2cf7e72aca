import { parseProviderFen } from '../amounts';
import { unionPayTime } from '../china-time';
import { exchange, type ProviderHttpRequest } from '../transport';
import type { ProviderConfig, ProviderSetup, RefundAnswer, RefundContext, RefundNotificationRead } from '../types';
import { isUnionPaySuccess, signUnionPayParams, verifyUnionPayNotification } from './protocol';

/**
 * UnionPay 5.1.0 refunds: backTransReq.do with txnType 04 (the answer only says the request was
 * accepted; the result comes to backUrl) and queryTrans.do (txnType 00) for the refund's status.
 * The refund's orderId is our out_refund_no and its txnTime the refund's creation time, so a
 * query can name it again later.
 */
const COMMON = {
  version: '5.1.0',
  encoding: 'UTF-8',
  signMethod: '01',
  bizType: '000201',
  accessType: '0',
  channelType: '07',
} as const;
/** origRespCode values meaning "not finished yet" (acp demo: 03, 04, 05). */
const PENDING_CODES = ['03', '04', '05'];

/** The back-channel endpoints live beside frontTransReq.do on the same gateway. */
export function unionPayEndpoint(config: ProviderConfig, name: 'backTransReq.do' | 'queryTrans.do'): string {
  return config.gatewayUrl.replace(/frontTransReq\.do$/, name);
}

function signed(
  config: ProviderConfig,
  fields: Record<string, string>,
  url: string,
): ProviderHttpRequest & { params: Record<string, string> } {
  const params = { ...COMMON, merId: config.merchantId, certId: config.merchantSerial, ...fields };
  const all = { ...params, signature: signUnionPayParams(params, config.merchantPrivateKeyPem) };
  return {
    method: 'POST',
    url,
    params: all,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams(all).toString(),
  };
}

export function buildUnionPayRefundRequest(
  config: ProviderConfig,
  { refund, payment }: RefundContext,
  notifyUrl: string,
) {
  return signed(
    config,
    {
      txnType: '04',
      txnSubType: '00',
      orderId: refund.outRefundNo,
      origQryId: payment.providerTxnId ?? '',
      txnTime: unionPayTime(refund.createdAt),
      txnAmt: String(refund.amountCents),
      currencyCode: '156',
      backUrl: notifyUrl,
    },
    unionPayEndpoint(config, 'backTransReq.do'),
  );
}

export function buildUnionPayRefundQueryRequest(config: ProviderConfig, { refund }: RefundContext) {
  return signed(
    config,
    { txnType: '00', txnSubType: '00', orderId: refund.outRefundNo, txnTime: unionPayTime(refund.createdAt) },
    unionPayEndpoint(config, 'queryTrans.do'),
  );
}

function readSigned(
  config: ProviderConfig,
  body: string,
  now: Date,
): { ok: true; params: Record<string, string> } | { ok: false; answer: RefundAnswer } {
  const verified = verifyUnionPayNotification(body, config.unionPayTrust(now));
  if (!verified.ok)
    return { ok: false, answer: { kind: 'error', detail: `unionpay answer refused: ${verified.reason}` } };
  if (verified.params.merId !== config.merchantId)
    return { ok: false, answer: { kind: 'error', detail: 'unionpay answered for another merchant' } };
  return { ok: true, params: verified.params };
}

export function readUnionPayRefundResponse(
  config: ProviderConfig,
  body: string,
  context: RefundContext,
  now = new Date(),
): RefundAnswer {
  const read = readSigned(config, body, now);
  if (!read.ok) return read.answer;
  const { params } = read;
  if (params.orderId !== context.refund.outRefundNo)
    return { kind: 'error', detail: 'unionpay answered for another refund' };
  if (params.respCode === '00' || PENDING_CODES.includes(params.respCode ?? ''))
    return { kind: 'processing', providerRefundId: params.queryId || null };
  return {
    kind: 'failed',
    providerRefundId: params.queryId || null,
    detail: `${params.respCode ?? ''} ${params.respMsg ?? ''}`.trim(),
  };
}

export function readUnionPayRefundQueryResponse(
  config: ProviderConfig,
  body: string,
  context: RefundContext,
  now = new Date(),
): RefundAnswer {
  const read = readSigned(config, body, now);
  if (!read.ok) return read.answer;
  const { params } = read;
  if (params.respCode === '34') return { kind: 'not_found', detail: '34 no such transaction' };
  if (params.respCode !== '00')
    return { kind: 'error', detail: `${params.respCode ?? ''} ${params.respMsg ?? ''}`.trim() };
  if (params.orderId !== context.refund.outRefundNo)
    return { kind: 'error', detail: 'unionpay answered for another refund' };
  if (isUnionPaySuccess(params.origRespCode))
    return {
      kind: 'succeeded',
      providerRefundId: params.queryId || null,
      amountCents: /^\d+$/.test(params.txnAmt ?? '') ? Number(params.txnAmt) : null,
    };
  if (PENDING_CODES.includes(params.origRespCode ?? ''))
    return { kind: 'processing', providerRefundId: params.queryId || null };
  return {
    kind: 'failed',
    providerRefundId: params.queryId || null,
    detail: `${params.origRespCode ?? ''} ${params.origRespMsg ?? ''}`.trim(),
  };
}

export async function submitUnionPayRefund(
  { config, transport }: ProviderSetup,
  context: RefundContext,
  notifyUrl: string,
  now: Date,
): Promise<RefundAnswer> {
  const response = await exchange(transport, buildUnionPayRefundRequest(config, context, notifyUrl));
  return 'error' in response
    ? { kind: 'error', detail: response.error }
    : readUnionPayRefundResponse(config, response.body, context, now);
}

export async function queryUnionPayRefund(
  { config, transport }: ProviderSetup,
  context: RefundContext,
  now: Date,
): Promise<RefundAnswer> {
  const response = await exchange(transport, buildUnionPayRefundQueryRequest(config, context));
  return 'error' in response
    ? { kind: 'error', detail: response.error }
    : readUnionPayRefundQueryResponse(config, response.body, context, now);
}

/** The backUrl notification of a txnType 04 refund. */
export function readUnionPayRefundNotification(
  config: ProviderConfig,
  input: { body: string },
  now: Date,
): RefundNotificationRead {
  const verified = verifyUnionPayNotification(input.body, config.unionPayTrust(now));
  if (!verified.ok) return { ok: false, reason: verified.reason, isVerified: false };
  const { params } = verified;
  if (params.merId !== config.merchantId) return { ok: false, reason: 'not our merchant id', isVerified: true };
  if (params.txnType !== '04')
    return { ok: false, reason: `not a refund (txnType ${params.txnType ?? 'none'})`, isVerified: true };
  const amount = parseProviderFen(params.txnAmt ?? '');
  if (!amount.ok || !params.orderId) return { ok: false, reason: 'malformed', isVerified: true };
  return {
    ok: true,
    news: {
      outRefundNo: params.orderId,
      providerRefundId: params.queryId || null,
      amountCents: amount.fen,
      outcome: isUnionPaySuccess(params.respCode) ? 'succeeded' : 'failed',
      detail: `${params.respCode ?? ''} ${params.respMsg ?? ''}`.trim(),
    },
  };
}
