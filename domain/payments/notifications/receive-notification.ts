import { z } from 'zod';
import { applyPaymentResult, type ProviderPaymentReport } from '../apply-payment-result';
import type { ProviderMethod } from '../payment-methods-config';
import { alipayState, fenAmount, unionPayCurrency, unionPayState, wechatState, yuanAmount } from '../provider-reports';
import { verifyAlipayNotification } from '../providers/alipay';
import { verifyUnionPayNotification } from '../providers/unionpay';
import { readWechatTransactionNotification } from '../providers/wechat-pay';
import { resolveProvider, type PaymentsContext, type ProviderCredentials } from '../resolve-provider';
import { recordNotification } from './record-notification';

/** What a webhook receives, as received: raw body (never re-serialised) and headers. */
export interface IncomingNotification {
  headers: Record<string, string>;
  body: string;
  now?: Date;
}

/** What the webhook answers, in the provider's own terms. */
export interface NotificationAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Why a notification was refused; stored in payment_notifications.error. */
type Rejection = { reason: string; detail?: string; kind: 'unauthentic' | 'invalid' | 'unavailable'; isVerified: boolean };
type Read = { ok: true; report: ProviderPaymentReport } | { ok: false; rejection: Rejection };

interface ProviderRules {
  method: ProviderMethod;
  read: (credentials: ProviderCredentials, input: IncomingNotification, now: Date) => Read;
  accepted: NotificationAnswer;
  refused: (rejection: Rejection) => NotificationAnswer;
}

const text = (status: number, body: string): NotificationAnswer => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body });
const reject = (reason: string, kind: Rejection['kind'], detail?: string): Read => ({ ok: false, rejection: { reason, kind, detail, isVerified: false } });
/** Refused after the signature checked out: authentic, but not something we can accept. */
const refuseVerified = (reason: string, detail?: string): Read => ({ ok: false, rejection: { reason, kind: 'invalid', detail, isVerified: true } });

/**
 * The webhook flow for every provider: resolve our keys, verify and read the message with the
 * provider's rules, apply it through applyPaymentResult storing the notification in the same
 * transaction, and only then acknowledge. Anything refused is stored with its reason and changes nothing.
 */
async function receive(ctx: PaymentsContext, rules: ProviderRules, input: IncomingNotification): Promise<NotificationAnswer> {
  const log = (entry: Omit<Parameters<typeof recordNotification>[1], 'method' | 'headers' | 'body'>) =>
    recordNotification(ctx.db, { method: rules.method, headers: input.headers, body: input.body, ...entry });
  const resolved = await resolveProvider(ctx, rules.method);
  if (!resolved.ok) {
    await log({ isVerified: false, outcome: 'rejected', error: resolved.code });
    return rules.refused({ reason: resolved.code, kind: 'unavailable', isVerified: false });
  }
  const read = rules.read(resolved.data, input, input.now ?? new Date());
  if (!read.ok) {
    const { reason, detail } = read.rejection;
    await log({ isVerified: read.rejection.isVerified, outcome: 'rejected', error: detail ? `${reason}: ${detail}` : reason });
    return rules.refused(read.rejection);
  }
  const { report } = read;
  const applied = await applyPaymentResult(ctx.db, report, {
    record: (tx, result) => recordNotification(tx, {
      method: rules.method, headers: input.headers, body: input.body, isVerified: true, outcome: result.outcome,
      outTradeNo: report.outTradeNo, providerTxnId: report.providerTxnId, paymentId: result.payment.id,
    }),
  });
  if (!applied.ok) {
    await log({ isVerified: true, outcome: 'rejected', error: `${applied.code}: ${applied.message}`, outTradeNo: report.outTradeNo, providerTxnId: report.providerTxnId });
    return rules.refused({ reason: applied.code, kind: 'invalid', isVerified: true });
  }
  return rules.accepted;
}

// ---- Alipay: form POST, answer the literal `success` ----

const ZAlipayNotify = z.object({
  app_id: z.string().min(1),
  out_trade_no: z.string().min(1).max(64),
  trade_no: z.string().max(64).optional(),
  trade_status: z.string(),
  total_amount: z.string(),
  gmt_payment: z.string().optional(),
});

const ALIPAY: ProviderRules = {
  method: 'alipay',
  read: (credentials, input) => {
    const verified = verifyAlipayNotification(input.body, credentials.providerPublicKeyPem);
    if (!verified.ok) return reject(verified.reason, verified.reason === 'malformed' ? 'invalid' : 'unauthentic', verified.detail);
    const parsed = ZAlipayNotify.safeParse(verified.params);
    if (!parsed.success) return refuseVerified('malformed', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    const params = parsed.data;
    if (params.app_id !== credentials.merchantId) return refuseVerified('merchant_mismatch', `app_id ${params.app_id}`);
    const state = alipayState(params.trade_status);
    const amount = yuanAmount(params.total_amount);
    if (!state || amount === 'invalid' || amount === null) return refuseVerified('malformed', `trade_status ${params.trade_status} total_amount ${params.total_amount}`);
    return { ok: true, report: { method: 'alipay', outTradeNo: params.out_trade_no, merchantId: params.app_id, providerTxnId: params.trade_no ?? null, state, amountCents: amount, currency: 'CNY', paidAt: null, source: 'notification' } };
  },
  accepted: text(200, 'success'),
  refused: () => text(200, 'fail'),
};

// ---- WeChat Pay v3: signed headers, sealed resource, 204 or a FAIL body ----

const wechatFail = (status: number, message: string): NotificationAnswer =>
  ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ code: 'FAIL', message }) });

const WECHAT: ProviderRules = {
  method: 'wechat_pay',
  read: (credentials, input, now) => {
    const read = readWechatTransactionNotification({
      headers: input.headers, body: input.body, platformPublicKeyPem: credentials.providerPublicKeyPem, apiV3Key: credentials.apiV3Key,
      now, platformSerial: credentials.providerSerial || undefined,
    });
    if (!read.ok) return reject(read.reason, read.reason === 'malformed' ? 'invalid' : 'unauthentic', read.detail);
    const { transaction } = read;
    if (transaction.mchid !== credentials.merchantId || transaction.appid !== credentials.appId) {
      return refuseVerified('merchant_mismatch', `mchid ${transaction.mchid} appid ${transaction.appid}`);
    }
    return {
      ok: true,
      report: {
        method: 'wechat_pay', outTradeNo: transaction.out_trade_no, merchantId: transaction.mchid, providerTxnId: transaction.transaction_id ?? null,
        state: wechatState(transaction.trade_state), amountCents: transaction.amount.total, currency: transaction.amount.currency,
        paidAt: transaction.success_time ? new Date(transaction.success_time) : null, source: 'notification',
      },
    };
  },
  accepted: { status: 204, headers: {}, body: '' },
  refused: (rejection) => rejection.kind === 'unauthentic' ? wechatFail(401, `验签失败: ${rejection.reason}`)
    : rejection.kind === 'unavailable' ? wechatFail(500, '商户暂不可处理')
      : wechatFail(400, `处理失败: ${rejection.reason}`),
};

// ---- UnionPay 5.1.0: form POST, answer `ok` with HTTP 200 ----

const ZUnionPayNotify = z.object({
  merId: z.string().min(1), orderId: z.string().min(1).max(40), txnAmt: z.string(), respCode: z.string(),
  queryId: z.string().optional(), currencyCode: z.string().optional(), txnType: z.string(),
});

const UNIONPAY: ProviderRules = {
  method: 'unionpay',
  read: (credentials, input, now) => {
    const verified = verifyUnionPayNotification(input.body, credentials.unionPayTrust(now));
    if (!verified.ok) return reject(verified.reason, verified.reason === 'malformed' ? 'invalid' : 'unauthentic', verified.detail);
    const parsed = ZUnionPayNotify.safeParse(verified.params);
    if (!parsed.success) return refuseVerified('malformed', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    const params = parsed.data;
    if (params.txnType !== '01') return refuseVerified('malformed', `txnType ${params.txnType} is not a consumption`);
    if (params.merId !== credentials.merchantId) return refuseVerified('merchant_mismatch', `merId ${params.merId}`);
    const amount = fenAmount(params.txnAmt);
    if (amount === 'invalid' || amount === null) return refuseVerified('malformed', `txnAmt ${params.txnAmt}`);
    return {
      ok: true,
      report: {
        method: 'unionpay', outTradeNo: params.orderId, merchantId: params.merId, providerTxnId: params.queryId ?? null,
        state: unionPayState(params.respCode), amountCents: amount, currency: unionPayCurrency(params.currencyCode), paidAt: null, source: 'notification',
      },
    };
  },
  accepted: text(200, 'ok'),
  refused: (rejection) => text(rejection.kind === 'unavailable' ? 500 : 400, 'fail'),
};

const RULES: Record<ProviderMethod, ProviderRules> = { alipay: ALIPAY, wechat_pay: WECHAT, unionpay: UNIONPAY };

/** Receives one provider notification; a thrown error (database down) is answered as a failure so the provider retries. */
export async function receivePaymentNotification(ctx: PaymentsContext, method: ProviderMethod, input: IncomingNotification): Promise<NotificationAnswer> {
  const rules = RULES[method];
  try {
    return await receive(ctx, rules, input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    try {
      await recordNotification(ctx.db, { method, headers: input.headers, body: input.body, isVerified: false, outcome: 'error', error: message.slice(0, 500) });
    } catch {
      // the database itself is failing; the provider's retry will bring this notification again
    }
    return method === 'wechat_pay' ? wechatFail(500, '系统错误') : text(500, 'fail');
  }
}
