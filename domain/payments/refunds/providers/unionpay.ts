import { isUnionPaySuccess, signUnionPayParams, verifyUnionPayNotification } from '@/domain/payments/providers/unionpay';
import { refundNotifyUrl, type RefundGatewayConfig } from '../gateway-config';
import { exchange, shanghaiTime, type GatewayRequest, type ProviderRefundClient, type RefundAnswer, type RefundContext } from './types';

/**
 * UnionPay 5.1.0 refunds: backTransReq with txnType 04 (the answer only says the request was
 * accepted; the result comes to backUrl) and queryTrans (txnType 00) for the refund's status.
 * The refund's orderId is our out_refund_no and its txnTime the refund's creation time, so a
 * query can name it again later.
 */
const COMMON = { version: '5.1.0', encoding: 'UTF-8', signMethod: '01', bizType: '000201', accessType: '0', channelType: '07' } as const;
/** origRespCode values meaning "not finished yet" (acp demo: 03, 04, 05). */
const PENDING_CODES = ['03', '04', '05'];

function signed(config: RefundGatewayConfig, fields: Record<string, string>, url: string): GatewayRequest & { params: Record<string, string> } {
  const params = { ...COMMON, merId: config.unionpay.merId, certId: config.unionpay.certId, ...fields };
  const all = { ...params, signature: signUnionPayParams(params, config.unionpay.merchantPrivateKeyPem) };
  return { method: 'POST', url, params: all, headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: new URLSearchParams(all).toString() };
}

export function buildUnionPayRefundRequest(config: RefundGatewayConfig, { refund, payment }: RefundContext) {
  return signed(config, {
    txnType: '04', txnSubType: '00', orderId: refund.outRefundNo, origQryId: payment.providerTxnId ?? '',
    txnTime: shanghaiTime(refund.createdAt).compact, txnAmt: String(refund.amountCents), currencyCode: '156',
    backUrl: refundNotifyUrl(config, 'unionpay'),
  }, config.unionpay.backTransUrl);
}

export function buildUnionPayRefundQueryRequest(config: RefundGatewayConfig, { refund }: RefundContext) {
  return signed(config, { txnType: '00', txnSubType: '00', orderId: refund.outRefundNo, txnTime: shanghaiTime(refund.createdAt).compact }, config.unionpay.queryTransUrl);
}

function readSigned(config: RefundGatewayConfig, body: string): { ok: true; params: Record<string, string> } | { ok: false; answer: RefundAnswer } {
  const verified = verifyUnionPayNotification(body, config.unionpay.trust);
  if (!verified.ok) return { ok: false, answer: { kind: 'error', detail: `unionpay answer refused: ${verified.reason}` } };
  if (verified.params.merId !== config.unionpay.merId) return { ok: false, answer: { kind: 'error', detail: 'unionpay answered for another merchant' } };
  return { ok: true, params: verified.params };
}

export function readUnionPayRefundResponse(config: RefundGatewayConfig, body: string, context: RefundContext): RefundAnswer {
  const read = readSigned(config, body);
  if (!read.ok) return read.answer;
  const { params } = read;
  if (params.orderId !== context.refund.outRefundNo) return { kind: 'error', detail: 'unionpay answered for another refund' };
  if (params.respCode === '00' || PENDING_CODES.includes(params.respCode ?? '')) return { kind: 'processing', providerRefundId: params.queryId || null };
  return { kind: 'failed', providerRefundId: params.queryId || null, detail: `${params.respCode ?? ''} ${params.respMsg ?? ''}`.trim() };
}

export function readUnionPayRefundQueryResponse(config: RefundGatewayConfig, body: string, context: RefundContext): RefundAnswer {
  const read = readSigned(config, body);
  if (!read.ok) return read.answer;
  const { params } = read;
  if (params.respCode === '34') return { kind: 'not_found', detail: '34 no such transaction' };
  if (params.respCode !== '00') return { kind: 'error', detail: `${params.respCode ?? ''} ${params.respMsg ?? ''}`.trim() };
  if (params.orderId !== context.refund.outRefundNo) return { kind: 'error', detail: 'unionpay answered for another refund' };
  if (isUnionPaySuccess(params.origRespCode)) return { kind: 'succeeded', providerRefundId: params.queryId || null, amountCents: /^\d+$/.test(params.txnAmt ?? '') ? Number(params.txnAmt) : null };
  if (PENDING_CODES.includes(params.origRespCode ?? '')) return { kind: 'processing', providerRefundId: params.queryId || null };
  return { kind: 'failed', providerRefundId: params.queryId || null, detail: `${params.origRespCode ?? ''} ${params.origRespMsg ?? ''}`.trim() };
}

export const unionPayRefundClient: ProviderRefundClient = {
  async submit(config, context) {
    const response = await exchange(config, buildUnionPayRefundRequest(config, context));
    return 'error' in response ? { kind: 'error', detail: response.error } : readUnionPayRefundResponse(config, response.body, context);
  },
  async query(config, context) {
    const response = await exchange(config, buildUnionPayRefundQueryRequest(config, context));
    return 'error' in response ? { kind: 'error', detail: response.error } : readUnionPayRefundQueryResponse(config, response.body, context);
  },
};
