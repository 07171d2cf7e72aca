import { formatFenAsYuan } from '../amounts';
import { signAlipayParams } from './protocol';
import { alipayTime } from '../china-time';

export interface AlipayPagePayInput {
  appId: string;
  gatewayUrl: string;
  merchantPrivateKeyPem: string;
  outTradeNo: string;
  amountCents: number;
  subject: string;
  notifyUrl: string;
  returnUrl: string;
  now: Date;
}

/**
 * alipay.trade.page.pay as the Node SDK's pageExec(method, { method: 'GET' }) builds it: the common
 * params plus biz_content, RSA2-signed, appended to the gateway URL. The buyer's browser opens it.
 */
export function buildAlipayPagePay(input: AlipayPagePayInput): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {
    app_id: input.appId,
    method: 'alipay.trade.page.pay',
    format: 'JSON',
    return_url: input.returnUrl,
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: alipayTime(input.now),
    version: '1.0',
    notify_url: input.notifyUrl,
    biz_content: JSON.stringify({
      out_trade_no: input.outTradeNo,
      product_code: 'FAST_INSTANT_TRADE_PAY',
      total_amount: formatFenAsYuan(input.amountCents),
      subject: input.subject,
    }),
  };
  params.sign = signAlipayParams(params, input.merchantPrivateKeyPem);
  const separator = input.gatewayUrl.includes('?') ? '&' : '?';
  return { url: `${input.gatewayUrl}${separator}${new URLSearchParams(params).toString()}`, params };
}

export interface AlipayTradeQueryInput {
  appId: string;
  gatewayUrl: string;
  merchantPrivateKeyPem: string;
  outTradeNo: string;
  now: Date;
}

/** alipay.trade.query as a signed form POST to the gateway (the SDK's exec). */
export function buildAlipayTradeQuery(input: AlipayTradeQueryInput): { url: string; body: string } {
  const params: Record<string, string> = {
    app_id: input.appId,
    method: 'alipay.trade.query',
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: alipayTime(input.now),
    version: '1.0',
    biz_content: JSON.stringify({ out_trade_no: input.outTradeNo }),
  };
  params.sign = signAlipayParams(params, input.merchantPrivateKeyPem);
  return { url: input.gatewayUrl, body: new URLSearchParams(params).toString() };
}
