import { z } from 'zod';
import { fail, ok } from '@/domain/shared/result';
import { alipayState, yuanAmount } from '../reports';
import { exchange } from '../transport';
import { refuseVerified, rejectUnverified, type NotificationAnswer, type PaymentProvider } from '../types';
import { verifyAlipayNotification, verifyAlipayResponse } from './protocol';
import { queryAlipayRefund, submitAlipayRefund } from './refunds';
import { buildAlipayPagePay, buildAlipayTradeQuery } from './requests';

const text = (status: number, body: string): NotificationAnswer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});

const ZAlipayNotify = z.object({
  app_id: z.string().min(1),
  out_trade_no: z.string().min(1).max(64),
  trade_no: z.string().max(64).optional(),
  trade_status: z.string(),
  total_amount: z.string(),
  gmt_payment: z.string().optional(),
});

/** Alipay (open platform, RSA2): page pay redirect, trade_status_sync notifications answered `success`, synchronous refunds. */
export const alipayProvider: PaymentProvider = {
  method: 'alipay',

  async createCheckout({ config }, input) {
    const { url } = buildAlipayPagePay({
      appId: config.merchantId,
      gatewayUrl: config.gatewayUrl,
      merchantPrivateKeyPem: config.merchantPrivateKeyPem,
      outTradeNo: input.payment.outTradeNo,
      amountCents: input.payment.amountCents,
      subject: input.subject,
      notifyUrl: input.notifyUrl,
      returnUrl: input.returnUrl,
      now: input.now,
    });
    return ok({ kind: 'redirect', url });
  },

  async queryPayment({ config, transport }, payment, now) {
    const { outTradeNo } = payment;
    const method = 'alipay.trade.query';
    const request = buildAlipayTradeQuery({
      appId: config.merchantId,
      gatewayUrl: config.gatewayUrl,
      merchantPrivateKeyPem: config.merchantPrivateKeyPem,
      outTradeNo,
      now,
    });
    const response = await exchange(transport, {
      method: 'POST',
      url: request.url,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: request.body,
    });
    if ('error' in response)
      return fail('provider_error', `Alipay could not be reached: ${response.error}`, undefined, {
        detail: 'unreachable',
      });
    const verified = verifyAlipayResponse(response.body, method, config.providerPublicKeyPem);
    if (!verified.ok) {
      return verified.reason === 'bad_signature' || verified.reason === 'missing_sign'
        ? fail('bad_signature', `Alipay's answer failed verification: ${verified.reason}`)
        : fail('provider_error', `Alipay's answer is unreadable: ${verified.detail ?? verified.reason}`, undefined, {
            detail: verified.reason,
          });
    }
    const answer = verified.response as Record<string, string | undefined>;
    if (answer.sub_code === 'ACQ.TRADE_NOT_EXIST')
      return fail('unknown_out_trade_no', `Alipay has no trade ${outTradeNo}`);
    if (answer.code !== '10000')
      return fail('provider_error', `Alipay: ${answer.code} ${answer.sub_msg ?? answer.msg ?? ''}`, undefined, {
        detail: `${answer.code} ${answer.sub_code ?? ''}`,
      });
    const state = alipayState(answer.trade_status);
    const amount = yuanAmount(answer.total_amount);
    if (!state || amount === 'invalid' || answer.out_trade_no !== outTradeNo)
      return fail('provider_error', 'Alipay answered an unexpected trade', undefined, {
        detail: String(answer.trade_status),
      });
    return ok({
      providerState: String(answer.trade_status),
      report: {
        method: 'alipay',
        outTradeNo,
        merchantId: config.merchantId,
        providerTxnId: answer.trade_no || null,
        state,
        amountCents: amount,
        currency: 'CNY',
        paidAt: null,
        source: 'query',
      },
    });
  },

  readPaymentNotification(config, input) {
    const verified = verifyAlipayNotification(input.body, config.providerPublicKeyPem);
    if (!verified.ok)
      return rejectUnverified(
        verified.reason,
        verified.reason === 'malformed' ? 'invalid' : 'unauthentic',
        verified.detail,
      );
    const parsed = ZAlipayNotify.safeParse(verified.params);
    if (!parsed.success)
      return refuseVerified('malformed', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    const params = parsed.data;
    if (params.app_id !== config.merchantId) return refuseVerified('merchant_mismatch', `app_id ${params.app_id}`);
    const state = alipayState(params.trade_status);
    const amount = yuanAmount(params.total_amount);
    if (!state || amount === 'invalid' || amount === null)
      return refuseVerified('malformed', `trade_status ${params.trade_status} total_amount ${params.total_amount}`);
    return {
      ok: true,
      report: {
        method: 'alipay',
        outTradeNo: params.out_trade_no,
        merchantId: params.app_id,
        providerTxnId: params.trade_no ?? null,
        state,
        amountCents: amount,
        currency: 'CNY',
        paidAt: null,
        source: 'notification',
      },
    };
  },

  notificationAnswers: { accepted: text(200, 'success'), refused: () => text(200, 'fail'), error: text(500, 'fail') },

  submitRefund: (setup, context, { now }) => submitAlipayRefund(setup, context, now),
  queryRefund: (setup, context, now) => queryAlipayRefund(setup, context, now),
  // alipay.trade.refund answers with the result itself: there is no refund notification to read
  readRefundNotification: () => ({
    ok: false,
    reason: 'Alipay refunds are answered synchronously, not notified',
    isVerified: false,
  }),
  refundNotificationAnswer: (isAccepted) => (isAccepted ? text(200, 'success') : text(200, 'fail')),
};
