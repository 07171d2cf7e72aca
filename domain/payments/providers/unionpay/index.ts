import { z } from 'zod';
import { fail, ok } from '@/domain/shared/result';
import { unionPayTime } from '../china-time';
import { fenAmount, unionPayCurrency, unionPayState } from '../reports';
import { exchange } from '../transport';
import { refuseVerified, rejectUnverified, type NotificationAnswer, type PaymentProvider } from '../types';
import { verifyUnionPayNotification } from './protocol';
import { queryUnionPayRefund, readUnionPayRefundNotification, submitUnionPayRefund, unionPayEndpoint } from './refunds';
import { buildUnionPayFrontTrans, buildUnionPayQuery } from './requests';

const text = (status: number, body: string): NotificationAnswer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});

const ZUnionPayNotify = z.object({
  merId: z.string().min(1),
  orderId: z.string().min(1).max(40),
  txnAmt: z.string(),
  respCode: z.string(),
  queryId: z.string().optional(),
  currencyCode: z.string().optional(),
  txnType: z.string(),
});

/** UnionPay 全渠道 5.1.0: front form, back notifications answered with HTTP 200, queryTrans, txnType 04 refunds. */
export const unionPayProvider: PaymentProvider = {
  method: 'unionpay',

  async createCheckout({ config }, input) {
    const { action, fields } = buildUnionPayFrontTrans({
      merId: config.merchantId,
      certId: config.merchantSerial,
      gatewayUrl: config.gatewayUrl,
      merchantPrivateKeyPem: config.merchantPrivateKeyPem,
      outTradeNo: input.payment.outTradeNo,
      amountCents: input.payment.amountCents,
      frontUrl: input.returnUrl,
      backUrl: input.notifyUrl,
      // UnionPay names an order by orderId + txnTime: the attempt's creation time, so a query can name it again
      now: input.payment.createdAt,
    });
    return ok({ kind: 'form', action, fields });
  },

  async queryPayment({ config, transport }, payment, now) {
    const { outTradeNo } = payment;
    const request = buildUnionPayQuery({
      merId: config.merchantId,
      certId: config.merchantSerial,
      queryUrl: unionPayEndpoint(config, 'queryTrans.do'),
      merchantPrivateKeyPem: config.merchantPrivateKeyPem,
      outTradeNo,
      txnTime: unionPayTime(payment.createdAt),
      now,
    });
    const response = await exchange(transport, {
      method: 'POST',
      url: request.url,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: request.body,
    });
    if ('error' in response)
      return fail('provider_error', `UnionPay could not be reached: ${response.error}`, undefined, {
        detail: 'unreachable',
      });
    const verified = verifyUnionPayNotification(response.body, config.unionPayTrust(now));
    if (!verified.ok) {
      return verified.reason === 'malformed'
        ? fail('provider_error', `UnionPay's answer is unreadable: ${verified.detail ?? ''}`, undefined, {
            detail: 'malformed',
          })
        : fail('bad_signature', `UnionPay's answer failed verification: ${verified.reason}`);
    }
    const answer = verified.params;
    if (answer.respCode === '34') return fail('unknown_out_trade_no', `UnionPay has no trade ${outTradeNo}`);
    if (answer.respCode !== '00')
      return fail('provider_error', `UnionPay: ${answer.respCode} ${answer.respMsg ?? ''}`, undefined, {
        detail: `${answer.respCode}`,
      });
    const amount = fenAmount(answer.txnAmt);
    if (amount === 'invalid' || answer.orderId !== outTradeNo)
      return fail('provider_error', 'UnionPay answered an unexpected trade', undefined, { detail: 'orderId' });
    return ok({
      providerState: `origRespCode ${answer.origRespCode ?? ''}`.trim(),
      report: {
        method: 'unionpay',
        outTradeNo,
        merchantId: answer.merId ?? '',
        providerTxnId: answer.queryId || null,
        state: unionPayState(answer.origRespCode),
        amountCents: amount,
        currency: unionPayCurrency(answer.currencyCode),
        paidAt: null,
        source: 'query',
      },
    });
  },

  readPaymentNotification(config, input, now) {
    const verified = verifyUnionPayNotification(input.body, config.unionPayTrust(now));
    if (!verified.ok)
      return rejectUnverified(
        verified.reason,
        verified.reason === 'malformed' ? 'invalid' : 'unauthentic',
        verified.detail,
      );
    const parsed = ZUnionPayNotify.safeParse(verified.params);
    if (!parsed.success)
      return refuseVerified('malformed', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    const params = parsed.data;
    if (params.txnType !== '01') return refuseVerified('malformed', `txnType ${params.txnType} is not a consumption`);
    if (params.merId !== config.merchantId) return refuseVerified('merchant_mismatch', `merId ${params.merId}`);
    const amount = fenAmount(params.txnAmt);
    if (amount === 'invalid' || amount === null) return refuseVerified('malformed', `txnAmt ${params.txnAmt}`);
    return {
      ok: true,
      report: {
        method: 'unionpay',
        outTradeNo: params.orderId,
        merchantId: params.merId,
        providerTxnId: params.queryId ?? null,
        state: unionPayState(params.respCode),
        amountCents: amount,
        currency: unionPayCurrency(params.currencyCode),
        paidAt: null,
        source: 'notification',
      },
    };
  },

  notificationAnswers: {
    accepted: text(200, 'ok'),
    refused: (rejection) => text(rejection.kind === 'unavailable' ? 500 : 400, 'fail'),
    error: text(500, 'fail'),
  },

  submitRefund: (setup, context, { notifyUrl, now }) => submitUnionPayRefund(setup, context, notifyUrl, now),
  queryRefund: (setup, context, now) => queryUnionPayRefund(setup, context, now),
  readRefundNotification: readUnionPayRefundNotification,
  // UnionPay counts any HTTP 200 as received and retries otherwise (acp demo answers "ok")
  refundNotificationAnswer: (isAccepted) => (isAccepted ? text(200, 'ok') : text(400, 'fail')),
};
