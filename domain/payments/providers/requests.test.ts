import { createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAlipayNotification } from '@/domain/payments/providers/alipay/protocol';
import { generateSandboxKeyPairSync } from '@/testing/sandboxes/payments/keys';
import { verifyUnionPayNotification } from '@/domain/payments/providers/unionpay/protocol';
import { wechatSignedHeaders } from '@/testing/sandboxes/payments/notifications';
import { buildAlipayPagePay, buildAlipayTradeQuery } from './alipay/requests';
import { alipayTime, unionPayTime, wechatTime } from './china-time';
import { buildUnionPayFrontTrans } from './unionpay/requests';
import { buildWechatNativeOrder, buildWechatQuery, verifyWechatResponse } from './wechat-pay/requests';

const merchant = generateSandboxKeyPairSync();
const platform = generateSandboxKeyPairSync();
const NOW = new Date('2026-11-26T10:30:05Z');

describe('provider requests', () => {
  it("times are Beijing time in each provider's format", () => {
    expect(alipayTime(NOW)).toBe('2026-11-26 18:30:05');
    expect(unionPayTime(NOW)).toBe('20261126183005');
    expect(wechatTime(NOW)).toBe('2026-11-26T18:30:05+08:00');
  });

  it('Alipay page pay: a gateway URL whose params verify under the merchant key, amount in yuan from fen', () => {
    const { url } = buildAlipayPagePay({
      appId: '9021000122600001',
      gatewayUrl: 'https://openapi.alipay.com/gateway.do',
      merchantPrivateKeyPem: merchant.privateKeyPem,
      outTradeNo: '20261126103005123',
      amountCents: 12_345,
      subject: '订单 SO-1 100% 纯棉',
      notifyUrl: 'https://shop.example/api/payments/notify/alipay',
      returnUrl: 'https://shop.example/orders/1',
      now: NOW,
    });
    expect(url.startsWith('https://openapi.alipay.com/gateway.do?')).toBe(true);
    const params = Object.fromEntries(new URL(url).searchParams);
    expect(params).toMatchObject({
      method: 'alipay.trade.page.pay',
      sign_type: 'RSA2',
      charset: 'utf-8',
      timestamp: '2026-11-26 18:30:05',
      notify_url: 'https://shop.example/api/payments/notify/alipay',
    });
    expect(JSON.parse(params.biz_content)).toEqual({
      out_trade_no: '20261126103005123',
      product_code: 'FAST_INSTANT_TRADE_PAY',
      total_amount: '123.45',
      subject: '订单 SO-1 100% 纯棉',
    });
    expect(verifyAlipayNotification(params, merchant.publicKeyPem).ok).toBe(true);
    expect(
      verifyAlipayNotification(
        { ...params, biz_content: params.biz_content.replace('123.45', '0.01') },
        merchant.publicKeyPem,
      ),
    ).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('Alipay trade query: a signed form body naming the out_trade_no', () => {
    const { body } = buildAlipayTradeQuery({
      appId: 'a',
      gatewayUrl: 'https://x',
      merchantPrivateKeyPem: merchant.privateKeyPem,
      outTradeNo: 'OTN1',
      now: NOW,
    });
    const verified = verifyAlipayNotification(body, merchant.publicKeyPem);
    expect(verified.ok && JSON.parse(verified.params.biz_content)).toEqual({ out_trade_no: 'OTN1' });
  });

  it('UnionPay front form: 5.1.0 consumption fields in fen, signed so the gateway verifies them', () => {
    const { action, fields } = buildUnionPayFrontTrans({
      merId: '777290058110048',
      certId: '69629715588',
      gatewayUrl: 'https://gateway.95516.com/gateway/api/frontTransReq.do',
      merchantPrivateKeyPem: merchant.privateKeyPem,
      outTradeNo: '20261126103005123',
      amountCents: 100,
      frontUrl: 'https://shop.example/orders/1',
      backUrl: 'https://shop.example/api/payments/notify/unionpay',
      now: NOW,
    });
    expect(action).toBe('https://gateway.95516.com/gateway/api/frontTransReq.do');
    expect(fields).toMatchObject({
      version: '5.1.0',
      txnType: '01',
      txnSubType: '01',
      bizType: '000201',
      txnAmt: '100',
      currencyCode: '156',
      txnTime: '20261126183005',
      orderId: '20261126103005123',
    });
    expect(verifyUnionPayNotification(fields, { kind: 'public-key', publicKeyPem: merchant.publicKeyPem }).ok).toBe(
      true,
    );
    expect(
      verifyUnionPayNotification(
        { ...fields, txnAmt: '1' },
        { kind: 'public-key', publicKeyPem: merchant.publicKeyPem },
      ),
    ).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('WeChat Pay native order: JSON body in fen, Authorization signed over method, path, time, nonce and body', () => {
    const wechat = {
      mchId: '1900000109',
      appId: 'wxabc',
      apiBase: 'https://api.mch.weixin.qq.com/',
      merchantSerial: 'SERIAL1',
      merchantPrivateKeyPem: merchant.privateKeyPem,
    };
    const request = buildWechatNativeOrder({
      merchant: wechat,
      outTradeNo: 'OTN123456',
      amountCents: 990,
      description: '订单 SO-1',
      notifyUrl: 'https://shop.example/n',
      now: NOW,
    });
    expect(request.url).toBe('https://api.mch.weixin.qq.com/v3/pay/transactions/native');
    expect(JSON.parse(request.body)).toMatchObject({
      appid: 'wxabc',
      mchid: '1900000109',
      out_trade_no: 'OTN123456',
      amount: { total: 990, currency: 'CNY' },
    });
    const fields = Object.fromEntries(
      [...request.headers.Authorization.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    expect(fields).toMatchObject({
      mchid: '1900000109',
      serial_no: 'SERIAL1',
      timestamp: String(NOW.getTime() / 1000),
    });
    const message = `POST\n/v3/pay/transactions/native\n${fields.timestamp}\n${fields.nonce_str}\n${request.body}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(merchant.publicKeyPem, fields.signature, 'base64')).toBe(
      true,
    );
    expect(buildWechatQuery({ merchant: wechat, outTradeNo: 'OTN 1', now: NOW }).url).toBe(
      'https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/OTN%201?mchid=1900000109',
    );
  });

  it('WeChat Pay answers are believed only with a fresh platform signature from the expected serial', () => {
    const body = '{"code_url":"weixin://wxpay/bizpayurl?pr=abc"}';
    const headers = wechatSignedHeaders(body, platform.privateKeyPem, 'PLAT1', NOW);
    expect(verifyWechatResponse({ status: 200, headers, body }, platform.publicKeyPem, 'PLAT1', NOW)).toEqual({
      ok: true,
    });
    expect(
      verifyWechatResponse(
        { status: 200, headers, body: body.replace('abc', 'evil') },
        platform.publicKeyPem,
        'PLAT1',
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWechatResponse({ status: 200, headers, body }, merchant.publicKeyPem, 'PLAT1', NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyWechatResponse({ status: 200, headers, body }, platform.publicKeyPem, 'OTHER', NOW)).toEqual({
      ok: false,
      reason: 'unknown_serial',
    });
    expect(
      verifyWechatResponse(
        { status: 200, headers, body },
        platform.publicKeyPem,
        'PLAT1',
        new Date(NOW.getTime() + 301_000),
      ),
    ).toEqual({ ok: false, reason: 'stale_timestamp' });
  });
});
