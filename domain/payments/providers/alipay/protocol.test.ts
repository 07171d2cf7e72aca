import { AlipaySdk } from 'alipay-sdk';
import { describe, expect, it } from 'vitest';
import {
  alipaySignContent,
  extractTopLevelJsonValue,
  signAlipayParams,
  signAlipayResponse,
  verifyAlipayNotification,
  verifyAlipayResponse,
} from './protocol';
import { generateSandboxKeyPairSync } from '@/testing/sandboxes/payments/keys';
import { createSign } from 'node:crypto';

const gateway = generateSandboxKeyPairSync();
const stranger = generateSandboxKeyPairSync();

function notification(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    notify_time: '2026-11-26 10:00:00',
    notify_type: 'trade_status_sync',
    notify_id: 'ac05099524730693a8b330c5ecf72da9786',
    app_id: '2021000000000001',
    charset: 'utf-8',
    version: '1.0',
    trade_no: '2026112622001400001000000001',
    out_trade_no: 'PA-20261126-0001',
    buyer_id: '208810200000001',
    trade_status: 'TRADE_SUCCESS',
    total_amount: '128.50',
    receipt_amount: '128.50',
    subject: '订单 SO-1001',
    gmt_payment: '2026-11-26 09:59:58',
    ...overrides,
  };
}

/** What Alipay POSTs: the signed fields plus sign and sign_type, form-encoded once. */
function signedForm(params: Record<string, string>, key = gateway.privateKeyPem): string {
  const sign = signAlipayParams(params, key);
  return new URLSearchParams({ ...params, sign, sign_type: 'RSA2' }).toString();
}

describe('alipaySignContent', () => {
  it('drops sign, sign_type and empty values, sorts keys and joins raw values', () => {
    expect(alipaySignContent({ b: '2', a: '1', sign: 'x', sign_type: 'RSA2', c: '', d: '50% 折扣&x=y' })).toBe(
      'a=1&b=2&d=50% 折扣&x=y',
    );
  });
  it('sorts by code unit, as Java TreeMap does (uppercase before lowercase, _ after letters)', () => {
    expect(alipaySignContent({ out_trade_no: '1', outTradeNo: '2', Out: '3' })).toBe(
      'Out=3&outTradeNo=2&out_trade_no=1',
    );
  });
});

describe('verifyAlipayNotification', () => {
  it('accepts a notification signed with the Alipay key, from the form body', () => {
    const params = notification();
    const result = verifyAlipayNotification(signedForm(params), gateway.publicKeyPem);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.params.out_trade_no).toBe('PA-20261126-0001');
      expect(result.params.total_amount).toBe('128.50');
      expect(result.params.subject).toBe('订单 SO-1001');
    }
  });

  it('accepts the same fields already decoded by the framework, without decoding them again', () => {
    const params = notification({ subject: '满100%减20 a+b&c=d' });
    const sign = signAlipayParams(params, gateway.privateKeyPem);
    const result = verifyAlipayNotification({ ...params, sign, sign_type: 'RSA2' }, gateway.publicKeyPem);
    expect(result).toMatchObject({ ok: true, params: { subject: '满100%减20 a+b&c=d' } });
  });

  it.each([
    ['a percent sign', '满100%减20'],
    ['a literal %25 (decoding twice would turn it into %)', 'code 100%25 off'],
    ['a plus sign', 'A+B 套装'],
    ['ampersand and equals', 'a=1&b=2'],
    ['Chinese with full-width punctuation', '纯棉T恤（白色，XL）'],
    ['a JSON string', '{"k":"v=1&w=2","p":"50%"}'],
    ['spaces and newlines', 'line one\nline two  end'],
  ])('verifies values with %s', (_label, value) => {
    const params = notification({ subject: value, body: value, passback_params: value });
    const result = verifyAlipayNotification(signedForm(params), gateway.publicKeyPem);
    expect(result).toMatchObject({ ok: true, params: { subject: value, body: value, passback_params: value } });
  });

  it('decodes %20 and + both as a space, and %2B as a plus, exactly once', () => {
    const params = notification({ subject: 'a b+c %41' });
    const sign = encodeURIComponent(signAlipayParams(params, gateway.privateKeyPem));
    const fields = Object.entries(params)
      .filter(([key]) => key !== 'subject')
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
    const body = [...fields, 'subject=a%20b%2Bc+%2541', `sign=${sign}`, 'sign_type=RSA2'].join('&');
    expect(verifyAlipayNotification(body, gateway.publicKeyPem)).toMatchObject({
      ok: true,
      params: { subject: 'a b+c %41' },
    });
  });

  it('ignores empty fields, which Alipay leaves out of the signed text', () => {
    const params = notification();
    const body = `${signedForm(params)}&buyer_logon_id=&gmt_close=`;
    expect(verifyAlipayNotification(body, gateway.publicKeyPem).ok).toBe(true);
  });

  it.each([
    ['total_amount', '1.00'],
    ['trade_status', 'TRADE_FINISHED'],
    ['out_trade_no', 'PA-20261126-0002'],
    ['app_id', '2021000000000002'],
  ])('refuses a notification whose %s was changed', (field, value) => {
    const body = signedForm(notification());
    const tampered = new URLSearchParams(body);
    tampered.set(field, value);
    expect(verifyAlipayNotification(tampered.toString(), gateway.publicKeyPem)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses an added field', () => {
    const body = `${signedForm(notification())}&refund_fee=128.50`;
    expect(verifyAlipayNotification(body, gateway.publicKeyPem)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a notification signed with another key', () => {
    expect(verifyAlipayNotification(signedForm(notification(), stranger.privateKeyPem), gateway.publicKeyPem)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a notification checked against another public key', () => {
    expect(verifyAlipayNotification(signedForm(notification()), stranger.publicKeyPem)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a missing or empty sign', () => {
    const form = new URLSearchParams(signedForm(notification()));
    form.delete('sign');
    expect(verifyAlipayNotification(form.toString(), gateway.publicKeyPem)).toEqual({
      ok: false,
      reason: 'missing_sign',
    });
    form.set('sign', '');
    expect(verifyAlipayNotification(form.toString(), gateway.publicKeyPem)).toEqual({
      ok: false,
      reason: 'missing_sign',
    });
  });

  it('refuses a missing sign_type and the legacy RSA (SHA1) type', () => {
    const form = new URLSearchParams(signedForm(notification()));
    form.delete('sign_type');
    expect(verifyAlipayNotification(form.toString(), gateway.publicKeyPem)).toMatchObject({
      ok: false,
      reason: 'unsupported_sign_type',
    });
    form.set('sign_type', 'RSA');
    expect(verifyAlipayNotification(form.toString(), gateway.publicKeyPem)).toMatchObject({
      ok: false,
      reason: 'unsupported_sign_type',
      detail: 'RSA',
    });
  });

  it('refuses a signature that is not base64 RSA at all', () => {
    const form = new URLSearchParams(signedForm(notification()));
    form.set('sign', 'not a signature');
    expect(verifyAlipayNotification(form.toString(), gateway.publicKeyPem)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it.each([
    ['a stray percent sign', 'subject=100%&sign=x&sign_type=RSA2'],
    ['an invalid escape', 'subject=%zz&sign=x&sign_type=RSA2'],
    ['bytes that are not UTF-8', 'subject=%FF%FE&sign=x&sign_type=RSA2'],
    ['a repeated field', 'total_amount=1.00&total_amount=0.01&sign=x&sign_type=RSA2'],
    ['an empty body', ''],
    ['a GBK charset', 'charset=GBK&subject=x&sign=x&sign_type=RSA2'],
  ])('refuses %s as malformed', (_label, body) => {
    expect(verifyAlipayNotification(body, gateway.publicKeyPem)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe("cross-check with alipay-sdk (Alipay's Node SDK)", () => {
  const sdk = new AlipaySdk({
    appId: '2021000000000001',
    privateKey: stranger.privateKeyPem,
    keyType: 'PKCS8',
    alipayPublicKey: gateway.publicKeyPem,
  });

  it('its checkNotifySignV2 accepts what we sign, including % and Chinese', () => {
    const params = notification({ subject: '满100%减20 a+b&c=d' });
    const sign = signAlipayParams(params, gateway.privateKeyPem);
    expect(sdk.checkNotifySignV2({ ...params, sign, sign_type: 'RSA2' })).toBe(true);
    expect(sdk.checkNotifySignV2({ ...params, total_amount: '0.01', sign, sign_type: 'RSA2' })).toBe(false);
  });

  it('we accept what its verifier accepts for a signature made the SDK way', () => {
    // the SDK verifies over sorted raw k=v with sign removed; it tries with and without sign_type
    const params = notification({ body: '{"a":"b"}' });
    const content = Object.keys(params)
      .sort()
      .map((key) => `${key}=${params[key]}`)
      .join('&');
    const sign = createSign('RSA-SHA256').update(content, 'utf8').sign(gateway.privateKeyPem, 'base64');
    expect(sdk.checkNotifySignV2({ ...params, sign, sign_type: 'RSA2' })).toBe(true);
    expect(verifyAlipayNotification({ ...params, sign, sign_type: 'RSA2' }, gateway.publicKeyPem).ok).toBe(true);
  });

  it('its checkResponseSign accepts our signed query response', () => {
    const raw = signAlipayResponse(
      'alipay.trade.query',
      { code: '10000', msg: 'Success', trade_status: 'TRADE_SUCCESS', subject: '中文 50%' },
      gateway.privateKeyPem,
    );
    const { sign } = JSON.parse(raw) as { sign: string };
    expect(() => sdk.checkResponseSign(raw, 'alipay_trade_query_response', sign, 'trace')).not.toThrow();
    const tampered = raw.replace('TRADE_SUCCESS', 'TRADE_CLOSED');
    expect(() => sdk.checkResponseSign(tampered, 'alipay_trade_query_response', sign, 'trace')).toThrow();
  });
});

describe('alipay.trade.query responses', () => {
  const body = {
    code: '10000',
    msg: 'Success',
    trade_no: '2026112622001400001000000001',
    out_trade_no: 'PA-20261126-0001',
    buyer_logon_id: '159****5620',
    trade_status: 'TRADE_SUCCESS',
    total_amount: '128.50',
    buyer_pay_amount: '128.50',
    receipt_amount: '128.50',
    send_pay_date: '2026-11-26 09:59:58',
  };

  it('round-trips a signed response', () => {
    const raw = signAlipayResponse('alipay.trade.query', body, gateway.privateKeyPem);
    expect(verifyAlipayResponse(raw, 'alipay.trade.query', gateway.publicKeyPem)).toEqual({ ok: true, response: body });
  });

  it('verifies over the raw text, escapes and spacing as sent', () => {
    const signed =
      '{ "code" : "10000", "msg":"Success", "subject":"\\u4e2d\\u6587 \\/ 100%", "trade_status":"TRADE_SUCCESS" }';
    const sign = createSign('RSA-SHA256').update(signed, 'utf8').sign(gateway.privateKeyPem, 'base64');
    const raw = `{\n  "alipay_trade_query_response" : ${signed},\n  "sign" : "${sign}"\n}`;
    const result = verifyAlipayResponse(raw, 'alipay.trade.query', gateway.publicKeyPem);
    expect(result).toMatchObject({ ok: true, response: { subject: '中文 / 100%', trade_status: 'TRADE_SUCCESS' } });
  });

  it('refuses a changed response, another key, a missing sign and a missing response', () => {
    const raw = signAlipayResponse('alipay.trade.query', body, gateway.privateKeyPem);
    expect(verifyAlipayResponse(raw.replace('"128.50"', '"1.00"'), 'alipay.trade.query', gateway.publicKeyPem)).toEqual(
      { ok: false, reason: 'bad_signature' },
    );
    expect(verifyAlipayResponse(raw, 'alipay.trade.query', stranger.publicKeyPem)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const unsigned = JSON.stringify({ alipay_trade_query_response: body });
    expect(verifyAlipayResponse(unsigned, 'alipay.trade.query', gateway.publicKeyPem)).toEqual({
      ok: false,
      reason: 'missing_sign',
    });
    expect(verifyAlipayResponse(raw, 'alipay.trade.refund', gateway.publicKeyPem)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyAlipayResponse('<html>', 'alipay.trade.query', gateway.publicKeyPem)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('returns the fields of the signed copy when the response key is repeated', () => {
    const raw = signAlipayResponse(
      'alipay.trade.query',
      { ...body, trade_status: 'WAIT_BUYER_PAY' },
      gateway.privateKeyPem,
    );
    const forged = raw.replace(
      ',"sign"',
      ',"alipay_trade_query_response":{"code":"10000","trade_status":"TRADE_SUCCESS"},"sign"',
    );
    expect(verifyAlipayResponse(forged, 'alipay.trade.query', gateway.publicKeyPem)).toMatchObject({
      ok: true,
      response: { trade_status: 'WAIT_BUYER_PAY' },
    });
  });
});

describe('extractTopLevelJsonValue', () => {
  it('finds the value at the top level only, skipping the same key inside strings and nested objects', () => {
    const raw = '{"note":"\\"x_response\\":{}","nested":{"x_response":{"a":1}},"x_response":{"b":"}{"},"sign":"s"}';
    expect(extractTopLevelJsonValue(raw, 'x_response')).toBe('{"b":"}{"}');
    expect(extractTopLevelJsonValue(raw, 'sign')).toBe('"s"');
    expect(extractTopLevelJsonValue(raw, 'missing')).toBeUndefined();
    expect(extractTopLevelJsonValue('{"\\x":1,"x_response":{}}', 'x_response')).toBe('{}');
    expect(extractTopLevelJsonValue('{"x_response":{"a":"unterminated}', 'x_response')).toBeUndefined();
  });
});
