import { createVerify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Payment, Refund } from '@/db/schema/payments';
import { verifyAlipayNotification, signAlipayResponse } from '@/domain/payments/providers/alipay/protocol';
import { generateSandboxKeyPairSync, generateWechatApiV3Key } from '@/testing/sandboxes/payments/keys';
import { signUnionPayParams, verifyUnionPayNotification } from '@/domain/payments/providers/unionpay/protocol';
import { signWechatMessage } from '@/domain/payments/providers/wechat-pay/protocol';
import { buildAlipayRefundRequest, readAlipayRefundResponse } from './alipay/refunds';
import type { ProviderConfig } from './types';
import { buildUnionPayRefundRequest, readUnionPayRefundResponse } from './unionpay/refunds';
import { buildWechatRefundRequest, readWechatRefundResponse, WECHAT_REFUNDS_PATH } from './wechat-pay/refunds';

const IDS = {
  alipayAppId: '2021000000000001',
  wechatAppId: 'wxd678efh567hg6787',
  wechatMchId: '1900000109',
  unionPayMerId: '777290058110048',
};
const wechatRequestSignContent = (method: string, url: string, timestamp: string, nonce: string, body: string) =>
  `${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;
let alipayConfig: ProviderConfig;
let wechatConfig: ProviderConfig;
let unionConfig: ProviderConfig;
let gateway: {
  alipay: ReturnType<typeof generateSandboxKeyPairSync>;
  wechat: ReturnType<typeof generateSandboxKeyPairSync>;
  unionpay: ReturnType<typeof generateSandboxKeyPairSync>;
};
let merchant: typeof gateway;
const now = new Date('2026-11-26T02:03:04Z');

const payment = {
  id: 7,
  orderId: 3,
  method: 'alipay',
  status: 'succeeded',
  outTradeNo: 'SO261126000001P01',
  providerTxnId: '2026112622001400001234567890',
  amountCents: 12_345,
  currency: 'CNY',
  needsRefund: false,
  createdBy: null,
  createdAt: now,
  paidAt: now,
  closedAt: null,
  merchantId: null,
  checkout: null,
} satisfies Payment;
const refund = {
  id: 9,
  paymentId: 7,
  orderId: 3,
  outRefundNo: 'RFSO261126000001R1',
  providerRefundId: null,
  amountCents: 1_005,
  currency: 'CNY',
  status: 'pending',
  reason: '尺码不合适 100% 退',
  afterSalesRequestId: null,
  createdBy: null,
  createdAt: now,
  completedAt: null,
} satisfies Refund;

beforeAll(() => {
  gateway = {
    alipay: generateSandboxKeyPairSync(),
    wechat: generateSandboxKeyPairSync(),
    unionpay: generateSandboxKeyPairSync(),
  };
  merchant = {
    alipay: generateSandboxKeyPairSync(),
    wechat: generateSandboxKeyPairSync(),
    unionpay: generateSandboxKeyPairSync(),
  };
  const base = {
    mode: 'live' as const,
    appId: '',
    merchantSerial: '',
    providerSerial: '',
    apiV3Key: '',
    unionPayTrust: () => ({ kind: 'public-key' as const, publicKeyPem: gateway.unionpay.publicKeyPem }),
  };
  alipayConfig = {
    ...base,
    method: 'alipay',
    merchantId: IDS.alipayAppId,
    gatewayUrl: 'https://gw.example/alipay',
    merchantPrivateKeyPem: merchant.alipay.privateKeyPem,
    providerPublicKeyPem: gateway.alipay.publicKeyPem,
  };
  wechatConfig = {
    ...base,
    method: 'wechat_pay',
    merchantId: IDS.wechatMchId,
    appId: IDS.wechatAppId,
    gatewayUrl: 'https://gw.example/wechat',
    merchantSerial: 'MSERIAL',
    merchantPrivateKeyPem: merchant.wechat.privateKeyPem,
    providerPublicKeyPem: gateway.wechat.publicKeyPem,
    providerSerial: 'PSERIAL',
    apiV3Key: generateWechatApiV3Key(),
  };
  unionConfig = {
    ...base,
    method: 'unionpay',
    merchantId: IDS.unionPayMerId,
    merchantSerial: '1',
    gatewayUrl: 'https://gw.example/up/frontTransReq.do',
    merchantPrivateKeyPem: merchant.unionpay.privateKeyPem,
    providerPublicKeyPem: '',
  };
  // six 2048-bit RSA keys: slow on a busy machine
}, 60_000);

describe('Alipay refund request', () => {
  it('is alipay.trade.refund with out_request_no, the amount in yuan, RSA2-signed by the merchant key', () => {
    const request = buildAlipayRefundRequest(alipayConfig, { refund, payment }, now);
    const sent = Object.fromEntries(new URLSearchParams(request.body));
    expect(sent).toMatchObject({
      method: 'alipay.trade.refund',
      app_id: IDS.alipayAppId,
      sign_type: 'RSA2',
      charset: 'utf-8',
      timestamp: '2026-11-26 10:03:04',
    });
    expect(JSON.parse(sent.biz_content)).toEqual({
      out_trade_no: payment.outTradeNo,
      trade_no: payment.providerTxnId,
      refund_amount: '10.05',
      out_request_no: refund.outRefundNo,
      refund_reason: refund.reason,
    });
    expect(verifyAlipayNotification(request.body ?? '', merchant.alipay.publicKeyPem).ok).toBe(true);
    // a changed amount or the wrong key no longer verifies
    expect(verifyAlipayNotification(request.body!.replace('10.05', '99.05'), merchant.alipay.publicKeyPem).ok).toBe(
      false,
    );
    expect(verifyAlipayNotification(request.body ?? '', gateway.alipay.publicKeyPem).ok).toBe(false);
  });

  it('reads signed answers: 10000 succeeded, 40004 failed, a bad signature is no answer', () => {
    const ok = signAlipayResponse(
      'alipay.trade.refund',
      {
        code: '10000',
        msg: 'Success',
        trade_no: 'T1',
        out_trade_no: payment.outTradeNo,
        fund_change: 'Y',
        refund_fee: '10.05',
      },
      gateway.alipay.privateKeyPem,
    );
    expect(readAlipayRefundResponse(alipayConfig, ok, { refund, payment })).toMatchObject({
      kind: 'succeeded',
      providerRefundId: 'T1',
    });
    const refused = signAlipayResponse(
      'alipay.trade.refund',
      { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_HAS_FINISHED' },
      gateway.alipay.privateKeyPem,
    );
    expect(readAlipayRefundResponse(alipayConfig, refused, { refund, payment })).toMatchObject({ kind: 'failed' });
    const forged = signAlipayResponse(
      'alipay.trade.refund',
      { code: '10000', out_trade_no: payment.outTradeNo },
      merchant.alipay.privateKeyPem,
    );
    expect(readAlipayRefundResponse(alipayConfig, forged, { refund, payment }).kind).toBe('error');
    expect(readAlipayRefundResponse(alipayConfig, ok.replace('"T1"', '"T2"'), { refund, payment }).kind).toBe('error');
  });
});

describe('WeChat Pay refund request', () => {
  it('POSTs the v3 refund body with a WECHATPAY2-SHA256-RSA2048 Authorization the merchant key signed', () => {
    const request = buildWechatRefundRequest(
      wechatConfig,
      { refund, payment: { ...payment, method: 'wechat_pay' } },
      'https://oms.example.com/api/payments/refund-notify/wechat-pay',
      now,
    );
    expect(request.url).toBe(`https://gw.example/wechat${WECHAT_REFUNDS_PATH}`);
    expect(JSON.parse(request.body ?? '')).toEqual({
      transaction_id: payment.providerTxnId,
      out_refund_no: refund.outRefundNo,
      reason: refund.reason,
      notify_url: 'https://oms.example.com/api/payments/refund-notify/wechat-pay',
      amount: { refund: 1_005, total: 12_345, currency: 'CNY' },
    });
    const fields = Object.fromEntries(
      [...request.headers.Authorization.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    expect(fields).toMatchObject({
      mchid: IDS.wechatMchId,
      serial_no: 'MSERIAL',
      timestamp: String(now.getTime() / 1000),
    });
    const verify = (body: string) =>
      createVerify('RSA-SHA256')
        .update(wechatRequestSignContent('POST', WECHAT_REFUNDS_PATH, fields.timestamp, fields.nonce_str, body))
        .verify(merchant.wechat.publicKeyPem, fields.signature, 'base64');
    expect(verify(request.body ?? '')).toBe(true);
    expect(verify((request.body ?? '').replace('1005', '1006'))).toBe(false);
  });

  it('trusts an answer only with the platform signature, fresh timestamp and known serial', () => {
    const body = JSON.stringify({
      refund_id: 'R1',
      out_refund_no: refund.outRefundNo,
      status: 'PROCESSING',
      amount: { refund: 1_005, total: 12_345 },
    });
    const ts = String(Math.floor(now.getTime() / 1000));
    const headers = {
      'Wechatpay-Timestamp': ts,
      'Wechatpay-Nonce': 'n1',
      'Wechatpay-Serial': 'PSERIAL',
      'Wechatpay-Signature': signWechatMessage(ts, 'n1', body, gateway.wechat.privateKeyPem),
    };
    const context = { refund, payment };
    expect(readWechatRefundResponse(wechatConfig, { status: 200, headers, body }, context, now)).toMatchObject({
      kind: 'processing',
      providerRefundId: 'R1',
    });
    expect(
      readWechatRefundResponse(
        wechatConfig,
        { status: 200, headers, body: body.replace('PROCESSING', 'SUCCESS') },
        context,
        now,
      ).kind,
    ).toBe('error');
    expect(
      readWechatRefundResponse(
        wechatConfig,
        { status: 200, headers: { ...headers, 'Wechatpay-Serial': 'OTHER' }, body },
        context,
        now,
      ).kind,
    ).toBe('error');
    expect(
      readWechatRefundResponse(wechatConfig, { status: 200, headers, body }, context, new Date(now.getTime() + 301_000))
        .kind,
    ).toBe('error');
  });
});

describe('UnionPay refund request', () => {
  it('is backTransReq txnType 04 naming the original queryId, amount in fen, signed by the merchant key', () => {
    const request = buildUnionPayRefundRequest(
      unionConfig,
      { refund, payment: { ...payment, method: 'unionpay' } },
      'https://oms.example.com/api/payments/refund-notify/unionpay',
    );
    expect(request.params).toMatchObject({
      version: '5.1.0',
      signMethod: '01',
      txnType: '04',
      txnSubType: '00',
      bizType: '000201',
      merId: IDS.unionPayMerId,
      orderId: refund.outRefundNo,
      origQryId: payment.providerTxnId,
      txnAmt: '1005',
      currencyCode: '156',
      txnTime: '20261126100304',
      backUrl: 'https://oms.example.com/api/payments/refund-notify/unionpay',
    });
    expect(
      verifyUnionPayNotification(request.body ?? '', {
        kind: 'public-key',
        publicKeyPem: merchant.unionpay.publicKeyPem,
      }).ok,
    ).toBe(true);
    expect(
      verifyUnionPayNotification((request.body ?? '').replace('txnAmt=1005', 'txnAmt=1'), {
        kind: 'public-key',
        publicKeyPem: merchant.unionpay.publicKeyPem,
      }).ok,
    ).toBe(false);
  });

  it('reads the answer: respCode 00 accepted (result comes later), others failed, unsigned ignored', () => {
    const answer = (fields: Record<string, string>, key = gateway.unionpay.privateKeyPem) => {
      const params = {
        version: '5.1.0',
        signMethod: '01',
        merId: IDS.unionPayMerId,
        orderId: refund.outRefundNo,
        ...fields,
      };
      return new URLSearchParams({ ...params, signature: signUnionPayParams(params, key) }).toString();
    };
    const context = { refund, payment };
    expect(readUnionPayRefundResponse(unionConfig, answer({ respCode: '00', queryId: 'Q1' }), context)).toMatchObject({
      kind: 'processing',
      providerRefundId: 'Q1',
    });
    expect(readUnionPayRefundResponse(unionConfig, answer({ respCode: '12', respMsg: '重复交易' }), context).kind).toBe(
      'failed',
    );
    expect(
      readUnionPayRefundResponse(unionConfig, answer({ respCode: '00' }, merchant.unionpay.privateKeyPem), context)
        .kind,
    ).toBe('error');
  });
});
