import { fail, ok } from '@/domain/shared/result';
import { wechatState } from '../reports';
import { exchange } from '../transport';
import { refuseVerified, rejectUnverified, type NotificationAnswer, type PaymentProvider } from '../types';
import { parseWechatTransaction, readWechatTransactionNotification } from './protocol';
import { queryWechatRefund, readWechatRefundNotification, submitWechatRefund } from './refunds';
import { buildWechatNativeOrder, buildWechatQuery, verifyWechatResponse, wechatMerchantOf } from './requests';

const wechatFail = (status: number, message: string): NotificationAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ code: 'FAIL', message }),
});
const NO_CONTENT: NotificationAnswer = { status: 204, headers: {}, body: '' };

/** WeChat Pay API v3: native QR orders, signed answers, sealed notifications, asynchronous refunds. */
export const wechatPayProvider: PaymentProvider = {
  method: 'wechat_pay',

  async createCheckout({ config, transport }, input) {
    const request = buildWechatNativeOrder({
      merchant: wechatMerchantOf(config),
      outTradeNo: input.payment.outTradeNo,
      amountCents: input.payment.amountCents,
      description: input.subject,
      notifyUrl: input.notifyUrl,
      now: input.now,
    });
    const response = await exchange(transport, request);
    if ('error' in response)
      return fail('provider_error', `WeChat Pay could not be reached: ${response.error}`, undefined, {
        detail: 'unreachable',
      });
    const verified = verifyWechatResponse(response, config.providerPublicKeyPem, config.providerSerial, new Date());
    if (!verified.ok)
      return fail('provider_error', `WeChat Pay's answer failed verification: ${verified.reason}`, undefined, {
        detail: verified.reason,
      });
    let answer: { code_url?: unknown; code?: unknown; message?: unknown } = {};
    try {
      answer = JSON.parse(response.body) as typeof answer;
    } catch {
      // handled below as an answer without code_url
    }
    if (response.status !== 200 || typeof answer.code_url !== 'string') {
      const detail = `${String(answer.code ?? response.status)} ${String(answer.message ?? '')}`.trim();
      return fail('provider_error', `WeChat Pay refused the order: ${detail}`, undefined, { detail });
    }
    return ok({ kind: 'qr', codeUrl: answer.code_url });
  },

  async queryPayment({ config, transport }, payment, now) {
    const { outTradeNo } = payment;
    const response = await exchange(
      transport,
      buildWechatQuery({ merchant: wechatMerchantOf(config), outTradeNo, now }),
    );
    if ('error' in response)
      return fail('provider_error', `WeChat Pay could not be reached: ${response.error}`, undefined, {
        detail: 'unreachable',
      });
    const verified = verifyWechatResponse(response, config.providerPublicKeyPem, config.providerSerial, new Date());
    if (!verified.ok) return fail('bad_signature', `WeChat Pay's answer failed verification: ${verified.reason}`);
    if (response.status === 404) return fail('unknown_out_trade_no', `WeChat Pay has no trade ${outTradeNo}`);
    if (response.status !== 200)
      return fail(
        'provider_error',
        `WeChat Pay answered ${response.status}: ${response.body.slice(0, 200)}`,
        undefined,
        { detail: String(response.status) },
      );
    const parsed = parseWechatTransaction(response.body);
    if (!parsed.ok)
      return fail('provider_error', `WeChat Pay's transaction is unreadable: ${parsed.detail ?? ''}`, undefined, {
        detail: 'malformed',
      });
    const { transaction } = parsed;
    if (transaction.out_trade_no !== outTradeNo)
      return fail('provider_error', 'WeChat Pay answered another trade', undefined, { detail: 'out_trade_no' });
    if (transaction.appid !== config.appId) return fail('merchant_mismatch', `appid ${transaction.appid} is not ours`);
    return ok({
      providerState: transaction.trade_state,
      report: {
        method: 'wechat_pay',
        outTradeNo,
        merchantId: transaction.mchid,
        providerTxnId: transaction.transaction_id ?? null,
        state: wechatState(transaction.trade_state),
        amountCents: transaction.amount.total,
        currency: transaction.amount.currency,
        paidAt: transaction.success_time ? new Date(transaction.success_time) : null,
        source: 'query',
      },
    });
  },

  readPaymentNotification(config, input, now) {
    const read = readWechatTransactionNotification({
      headers: input.headers,
      body: input.body,
      platformPublicKeyPem: config.providerPublicKeyPem,
      apiV3Key: config.apiV3Key,
      now,
      platformSerial: config.providerSerial || undefined,
    });
    if (!read.ok)
      return rejectUnverified(read.reason, read.reason === 'malformed' ? 'invalid' : 'unauthentic', read.detail);
    const { transaction } = read;
    if (transaction.mchid !== config.merchantId || transaction.appid !== config.appId) {
      return refuseVerified('merchant_mismatch', `mchid ${transaction.mchid} appid ${transaction.appid}`);
    }
    return {
      ok: true,
      report: {
        method: 'wechat_pay',
        outTradeNo: transaction.out_trade_no,
        merchantId: transaction.mchid,
        providerTxnId: transaction.transaction_id ?? null,
        state: wechatState(transaction.trade_state),
        amountCents: transaction.amount.total,
        currency: transaction.amount.currency,
        paidAt: transaction.success_time ? new Date(transaction.success_time) : null,
        source: 'notification',
      },
    };
  },

  notificationAnswers: {
    accepted: NO_CONTENT,
    refused: (rejection) =>
      rejection.kind === 'unauthentic'
        ? wechatFail(401, `验签失败: ${rejection.reason}`)
        : rejection.kind === 'unavailable'
          ? wechatFail(500, '商户暂不可处理')
          : wechatFail(400, `处理失败: ${rejection.reason}`),
    error: wechatFail(500, '系统错误'),
  },

  submitRefund: (setup, context, { notifyUrl, now }) => submitWechatRefund(setup, context, notifyUrl, now),
  queryRefund: (setup, context, now) => queryWechatRefund(setup, context, now),
  readRefundNotification: readWechatRefundNotification,
  refundNotificationAnswer: (isAccepted) => (isAccepted ? NO_CONTENT : wechatFail(400, '失败')),
};
