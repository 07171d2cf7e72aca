import { createSign, createVerify, randomBytes } from 'node:crypto';
import { wechatSignContent } from './protocol';
import type { ProviderHttpRequest, ProviderHttpResponse } from '../transport';
import type { ProviderConfig } from '../types';

export interface WechatMerchant {
  mchId: string;
  appId: string;
  /** API base, e.g. https://api.mch.weixin.qq.com */
  apiBase: string;
  merchantSerial: string;
  merchantPrivateKeyPem: string;
}

/**
 * The Authorization header of an API v3 request: SHA256withRSA over
 * "METHOD\nPATH?QUERY\ntimestamp\nnonce\nbody\n" (wechatpay-go core/auth/signers).
 */
export function wechatAuthorization(input: {
  method: string;
  pathAndQuery: string;
  body: string;
  merchant: WechatMerchant;
  now: Date;
  nonce?: string;
}): string {
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  const nonce = input.nonce ?? randomBytes(16).toString('hex').toUpperCase();
  const message = `${input.method}\n${input.pathAndQuery}\n${timestamp}\n${nonce}\n${input.body}\n`;
  const signature = createSign('RSA-SHA256')
    .update(message, 'utf8')
    .sign(input.merchant.merchantPrivateKeyPem, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${input.merchant.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${input.merchant.merchantSerial}"`;
}

/** A signed API v3 request to the merchant's API base. */
export function wechatApiRequest(
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body: string,
  merchant: WechatMerchant,
  now: Date,
): ProviderHttpRequest {
  return {
    method,
    url: `${merchant.apiBase.replace(/\/$/, '')}${pathAndQuery}`,
    body,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': 'order-console',
      Authorization: wechatAuthorization({ method, pathAndQuery, body, merchant, now }),
    },
  };
}

/** POST /v3/pay/transactions/native: answers {code_url} to show as a QR code. */
export function buildWechatNativeOrder(input: {
  merchant: WechatMerchant;
  outTradeNo: string;
  amountCents: number;
  description: string;
  notifyUrl: string;
  now: Date;
}): ProviderHttpRequest {
  const body = JSON.stringify({
    appid: input.merchant.appId,
    mchid: input.merchant.mchId,
    description: input.description,
    out_trade_no: input.outTradeNo,
    notify_url: input.notifyUrl,
    amount: { total: input.amountCents, currency: 'CNY' },
  });
  return wechatApiRequest('POST', '/v3/pay/transactions/native', body, input.merchant, input.now);
}

/** GET /v3/pay/transactions/out-trade-no/{no}?mchid=...: the transaction as a notification carries it. */
export function buildWechatQuery(input: {
  merchant: WechatMerchant;
  outTradeNo: string;
  now: Date;
}): ProviderHttpRequest {
  const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(input.outTradeNo)}?mchid=${encodeURIComponent(input.merchant.mchId)}`;
  return wechatApiRequest('GET', path, '', input.merchant, input.now);
}

/**
 * A v3 response is signed like a notification (Wechatpay-Timestamp/-Nonce/-Signature over the
 * body); the console checks it before believing a code_url or a trade_state.
 */
export function verifyWechatResponse(
  response: ProviderHttpResponse,
  platformPublicKeyPem: string,
  platformSerial: string,
  now: Date,
): { ok: true } | { ok: false; reason: string } {
  const headers = Object.fromEntries(
    Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  const signature = headers['wechatpay-signature'];
  if (!timestamp || !nonce || !signature) return { ok: false, reason: 'missing_header' };
  if (platformSerial && headers['wechatpay-serial'] !== platformSerial) return { ok: false, reason: 'unknown_serial' };
  if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) >= 300)
    return { ok: false, reason: 'stale_timestamp' };
  let valid = false;
  try {
    valid = createVerify('RSA-SHA256')
      .update(wechatSignContent(timestamp, nonce, response.body), 'utf8')
      .verify(platformPublicKeyPem, signature, 'base64');
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : { ok: false, reason: 'bad_signature' };
}

/** The merchant as WeChat Pay's API knows it, from the resolved configuration. */
export function wechatMerchantOf(config: ProviderConfig): WechatMerchant {
  return {
    mchId: config.merchantId,
    appId: config.appId,
    apiBase: config.gatewayUrl,
    merchantSerial: config.merchantSerial,
    merchantPrivateKeyPem: config.merchantPrivateKeyPem,
  };
}
