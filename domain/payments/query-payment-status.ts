import { eq } from 'drizzle-orm';
import { payments, type Payment } from '@/db/schema/payments';
import { fail, ok, type Result } from '@/domain/shared/result';
import { applyPaymentResult, type ApplyOutcome, type ApplyPaymentError, type ProviderPaymentReport } from './apply-payment-result';
import { isProviderMethod, transportFor, wechatMerchantOf, type PaymentsRequestContext } from './attempts';
import { absoluteUrl } from './notify-urls';
import { verifyAlipayResponse } from './providers/alipay';
import { verifyUnionPayNotification } from './providers/unionpay';
import { parseWechatTransaction } from './providers/wechat-pay';
import { alipayState, fenAmount, unionPayCurrency, unionPayState, wechatState, yuanAmount } from './provider-reports';
import type { ProviderTransport } from './provider-transport';
import { buildAlipayTradeQuery } from './requests/alipay-page-pay';
import { unionPayTime } from './requests/china-time';
import { buildUnionPayQuery } from './requests/unionpay-front-trans';
import { buildWechatQuery, verifyWechatResponse } from './requests/wechat-pay-api';
import { resolveProvider, type ProviderCredentials, type ResolveProviderError } from './resolve-provider';

/**
 * Failure codes: `not_found`, `manual_method`, the resolveProvider codes, `provider_error`
 * (unreachable or an answer we cannot read), `bad_signature` (the answer is not signed by the
 * provider), `unknown_out_trade_no` (the provider has no such trade: the buyer never opened the
 * pay page), and applyPaymentResult's codes. Nothing changes on any failure.
 */
export type QueryPaymentStatusError = 'not_found' | 'manual_method' | ResolveProviderError | 'provider_error' | 'bad_signature' | ApplyPaymentError;

export interface QueriedStatus {
  /** the provider's own word (TRADE_SUCCESS, NOTPAY, origRespCode 00...) */
  providerState: string;
  outcome: ApplyOutcome;
}

type Read = Result<{ report: ProviderPaymentReport; providerState: string }, QueryPaymentStatusError>;

/**
 * Asks the provider for the attempt's current state (alipay.trade.query, WeChat Pay query by
 * out_trade_no, UnionPay queryTrans), verifies the signed answer, and applies it through the same
 * idempotent path as a notification.
 */
export async function queryPaymentStatus(
  ctx: PaymentsRequestContext, input: { paymentId: number; transport?: ProviderTransport; now?: Date },
): Promise<Result<QueriedStatus, QueryPaymentStatusError>> {
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, input.paymentId));
  if (!payment) return fail('not_found', `payment ${input.paymentId} does not exist`);
  const read = await readProviderStatus(ctx, payment, input);
  if (!read.ok) return read;
  const applied = await applyPaymentResult(ctx.db, read.data.report);
  if (!applied.ok) return applied;
  return ok({ providerState: read.data.providerState, outcome: applied.data.outcome });
}

/**
 * Only the asking part of queryPaymentStatus: the provider's verified word on one attempt, as a
 * report for applyPaymentResult, changing nothing (reconciliation asks first and applies later).
 */
export async function readProviderStatus(
  ctx: PaymentsRequestContext, payment: Payment, input: { transport?: ProviderTransport; now?: Date } = {},
): Promise<Read> {
  if (!isProviderMethod(payment.method)) return fail('manual_method', `${payment.method} has no provider to ask`);
  const resolved = await resolveProvider(ctx, payment.method);
  if (!resolved.ok) return resolved;
  const credentials = resolved.data;
  const transport = input.transport ?? transportFor(credentials, ctx);
  const now = input.now ?? new Date();
  try {
    if (payment.method === 'alipay') return await queryAlipay(ctx, credentials, transport, payment.outTradeNo, now);
    if (payment.method === 'wechat_pay') return await queryWechat(ctx, credentials, transport, payment.outTradeNo, now);
    return await queryUnionPay(ctx, credentials, transport, payment.outTradeNo, payment.createdAt, now);
  } catch (error) {
    return fail('provider_error', `the provider could not be reached: ${error instanceof Error ? error.message : String(error)}`, undefined, { detail: 'unreachable' });
  }
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' };

async function queryAlipay(ctx: PaymentsRequestContext, credentials: ProviderCredentials, transport: ProviderTransport, outTradeNo: string, now: Date): Promise<Read> {
  const method = 'alipay.trade.query';
  const request = buildAlipayTradeQuery({ appId: credentials.merchantId, gatewayUrl: absoluteUrl(ctx.origin, credentials.gatewayUrl), merchantPrivateKeyPem: credentials.merchantPrivateKeyPem, outTradeNo, now });
  const response = await transport({ method: 'POST', url: request.url, headers: FORM, body: request.body });
  const verified = verifyAlipayResponse(response.body, method, credentials.providerPublicKeyPem);
  if (!verified.ok) {
    return verified.reason === 'bad_signature' || verified.reason === 'missing_sign'
      ? fail('bad_signature', `Alipay's answer failed verification: ${verified.reason}`)
      : fail('provider_error', `Alipay's answer is unreadable: ${verified.detail ?? verified.reason}`, undefined, { detail: verified.reason });
  }
  const answer = verified.response as Record<string, string | undefined>;
  if (answer.sub_code === 'ACQ.TRADE_NOT_EXIST') return fail('unknown_out_trade_no', `Alipay has no trade ${outTradeNo}`);
  if (answer.code !== '10000') return fail('provider_error', `Alipay: ${answer.code} ${answer.sub_msg ?? answer.msg ?? ''}`, undefined, { detail: `${answer.code} ${answer.sub_code ?? ''}` });
  const state = alipayState(answer.trade_status);
  const amount = yuanAmount(answer.total_amount);
  if (!state || amount === 'invalid' || answer.out_trade_no !== outTradeNo) return fail('provider_error', 'Alipay answered an unexpected trade', undefined, { detail: String(answer.trade_status) });
  return ok({
    providerState: String(answer.trade_status),
    report: { method: 'alipay', outTradeNo, merchantId: credentials.merchantId, providerTxnId: answer.trade_no || null, state, amountCents: amount, currency: 'CNY', paidAt: null, source: 'query' },
  });
}

async function queryWechat(ctx: PaymentsRequestContext, credentials: ProviderCredentials, transport: ProviderTransport, outTradeNo: string, now: Date): Promise<Read> {
  const response = await transport(buildWechatQuery({ merchant: wechatMerchantOf(credentials, ctx.origin), outTradeNo, now }));
  const verified = verifyWechatResponse(response, credentials.providerPublicKeyPem, credentials.providerSerial, new Date());
  if (!verified.ok) return fail('bad_signature', `WeChat Pay's answer failed verification: ${verified.reason}`);
  if (response.status === 404) return fail('unknown_out_trade_no', `WeChat Pay has no trade ${outTradeNo}`);
  if (response.status !== 200) return fail('provider_error', `WeChat Pay answered ${response.status}: ${response.body.slice(0, 200)}`, undefined, { detail: String(response.status) });
  const parsed = parseWechatTransaction(response.body);
  if (!parsed.ok) return fail('provider_error', `WeChat Pay's transaction is unreadable: ${parsed.detail ?? ''}`, undefined, { detail: 'malformed' });
  const { transaction } = parsed;
  if (transaction.out_trade_no !== outTradeNo) return fail('provider_error', 'WeChat Pay answered another trade', undefined, { detail: 'out_trade_no' });
  if (transaction.appid !== credentials.appId) return fail('merchant_mismatch', `appid ${transaction.appid} is not ours`);
  return ok({
    providerState: transaction.trade_state,
    report: {
      method: 'wechat_pay', outTradeNo, merchantId: transaction.mchid, providerTxnId: transaction.transaction_id ?? null, state: wechatState(transaction.trade_state),
      amountCents: transaction.amount.total, currency: transaction.amount.currency, paidAt: transaction.success_time ? new Date(transaction.success_time) : null, source: 'query',
    },
  });
}

async function queryUnionPay(ctx: PaymentsRequestContext, credentials: ProviderCredentials, transport: ProviderTransport, outTradeNo: string, createdAt: Date, now: Date): Promise<Read> {
  // the back-channel query lives beside frontTransReq.do on the same gateway
  const queryUrl = absoluteUrl(ctx.origin, credentials.gatewayUrl).replace(/frontTransReq\.do$/, 'queryTrans.do');
  const request = buildUnionPayQuery({ merId: credentials.merchantId, certId: credentials.merchantSerial, queryUrl, merchantPrivateKeyPem: credentials.merchantPrivateKeyPem, outTradeNo, txnTime: unionPayTime(createdAt), now });
  const response = await transport({ method: 'POST', url: request.url, headers: FORM, body: request.body });
  const verified = verifyUnionPayNotification(response.body, credentials.unionPayTrust(now));
  if (!verified.ok) {
    return verified.reason === 'malformed'
      ? fail('provider_error', `UnionPay's answer is unreadable: ${verified.detail ?? ''}`, undefined, { detail: 'malformed' })
      : fail('bad_signature', `UnionPay's answer failed verification: ${verified.reason}`);
  }
  const answer = verified.params;
  if (answer.respCode === '34') return fail('unknown_out_trade_no', `UnionPay has no trade ${outTradeNo}`);
  if (answer.respCode !== '00') return fail('provider_error', `UnionPay: ${answer.respCode} ${answer.respMsg ?? ''}`, undefined, { detail: `${answer.respCode}` });
  const amount = fenAmount(answer.txnAmt);
  if (amount === 'invalid' || answer.orderId !== outTradeNo) return fail('provider_error', 'UnionPay answered an unexpected trade', undefined, { detail: 'orderId' });
  return ok({
    providerState: `origRespCode ${answer.origRespCode ?? ''}`.trim(),
    report: {
      method: 'unionpay', outTradeNo, merchantId: answer.merId ?? '', providerTxnId: answer.queryId || null, state: unionPayState(answer.origRespCode),
      amountCents: amount, currency: unionPayCurrency(answer.currencyCode), paidAt: null, source: 'query',
    },
  });
}
