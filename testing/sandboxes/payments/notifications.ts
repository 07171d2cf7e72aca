import { randomBytes, randomUUID } from 'node:crypto';
import { formatFenAsYuan } from '@/domain/payments/providers/amounts';
import { signAlipayParams } from '@/domain/payments/providers/alipay/protocol';
import { signUnionPayParams } from '@/domain/payments/providers/unionpay/protocol';
import { encryptWechatResource, signWechatMessage } from '@/domain/payments/providers/wechat-pay/protocol';
import { alipayTime, unionPayTime, wechatTime } from '@/domain/payments/providers/china-time';

/**
 * The asynchronous notifications each provider sends, built and signed as the provider does, with
 * the sandbox's provider keys. The sandbox pay pages, the tests and the benchmark all use these.
 */
export interface SandboxTrade {
  merchantId: string;
  /** WeChat Pay appid */
  appId?: string;
  outTradeNo: string;
  tradeNo: string;
  amountCents: number;
  subject: string;
  paid: boolean;
  createdAt: Date;
  paidAt: Date;
}

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

/** trade_status_sync: TRADE_SUCCESS when paid, TRADE_CLOSED when the buyer failed / it was closed. */
export function alipayNotificationParams(
  trade: SandboxTrade,
  gatewayPrivateKeyPem: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const amount = formatFenAsYuan(trade.amountCents);
  const params: Record<string, string> = {
    notify_time: alipayTime(trade.paidAt),
    notify_type: 'trade_status_sync',
    notify_id: randomBytes(16).toString('hex'),
    app_id: trade.merchantId,
    auth_app_id: trade.merchantId,
    charset: 'utf-8',
    version: '1.0',
    sign_type: 'RSA2',
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    buyer_id: '2088102177846880',
    buyer_logon_id: 'sbx***@sandbox.com',
    seller_id: '2088621955062413',
    trade_status: trade.paid ? 'TRADE_SUCCESS' : 'TRADE_CLOSED',
    total_amount: amount,
    receipt_amount: trade.paid ? amount : '0.00',
    buyer_pay_amount: trade.paid ? amount : '0.00',
    invoice_amount: trade.paid ? amount : '0.00',
    point_amount: '0.00',
    subject: trade.subject,
    gmt_create: alipayTime(trade.createdAt),
    ...(trade.paid ? { gmt_payment: alipayTime(trade.paidAt) } : { gmt_close: alipayTime(trade.paidAt) }),
    ...overrides,
  };
  params.sign = signAlipayParams(params, gatewayPrivateKeyPem);
  return params;
}

export function alipayNotification(
  trade: SandboxTrade,
  gatewayPrivateKeyPem: string,
  overrides: Record<string, string> = {},
): SignedNotification {
  return {
    headers: { ...FORM },
    body: new URLSearchParams(alipayNotificationParams(trade, gatewayPrivateKeyPem, overrides)).toString(),
  };
}

/** The decrypted transaction a WeChat Pay notification or query carries. */
export function wechatTransaction(trade: SandboxTrade, state: 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'PAYERROR') {
  return {
    appid: trade.appId ?? '',
    mchid: trade.merchantId,
    out_trade_no: trade.outTradeNo,
    ...(state === 'SUCCESS' ? { transaction_id: trade.tradeNo } : {}),
    trade_type: 'NATIVE',
    trade_state: state,
    trade_state_desc: { SUCCESS: '支付成功', NOTPAY: '未支付', CLOSED: '已关闭', PAYERROR: '支付失败' }[state],
    bank_type: 'OTHERS',
    attach: '',
    ...(state === 'SUCCESS' ? { success_time: wechatTime(trade.paidAt) } : {}),
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: {
      total: trade.amountCents,
      payer_total: state === 'SUCCESS' ? trade.amountCents : 0,
      currency: 'CNY',
      payer_currency: 'CNY',
    },
  };
}

/** Headers WeChat Pay signs a notification or an API answer with. */
export function wechatSignedHeaders(
  body: string,
  platformPrivateKeyPem: string,
  platformSerial: string,
  now: Date,
): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': platformSerial,
    'wechatpay-signature': signWechatMessage(timestamp, nonce, body, platformPrivateKeyPem),
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    'request-id': randomUUID(),
  };
}

/** TRANSACTION.SUCCESS with the transaction sealed under the APIv3 key, signed by the platform key. */
export function wechatNotification(
  trade: SandboxTrade,
  keys: { platformPrivateKeyPem: string; platformSerial: string; apiV3Key: string },
  now: Date,
  transactionOverrides: Record<string, unknown> = {},
): SignedNotification {
  const transaction = { ...wechatTransaction(trade, trade.paid ? 'SUCCESS' : 'PAYERROR'), ...transactionOverrides };
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: wechatTime(now),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: trade.paid ? '支付成功' : '支付失败',
    resource: encryptWechatResource({
      plaintext: JSON.stringify(transaction),
      apiV3Key: keys.apiV3Key,
      associatedData: 'transaction',
    }),
  });
  return {
    headers: {
      'content-type': 'application/json',
      ...wechatSignedHeaders(body, keys.platformPrivateKeyPem, keys.platformSerial, now),
    },
    body,
  };
}

/** The 5.1.0 back notification: respCode 00 when paid. */
export function unionPayNotificationParams(
  trade: SandboxTrade,
  gatewayPrivateKeyPem: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const txnTime = unionPayTime(trade.createdAt);
  const params: Record<string, string> = {
    accessType: '0',
    bizType: '000201',
    currencyCode: '156',
    encoding: 'UTF-8',
    merId: trade.merchantId,
    orderId: trade.outTradeNo,
    queryId: trade.tradeNo,
    respCode: trade.paid ? '00' : '11',
    respMsg: trade.paid ? 'Success!' : '交易失败',
    settleAmt: String(trade.amountCents),
    settleCurrencyCode: '156',
    settleDate: txnTime.slice(4, 8),
    signMethod: '01',
    traceNo: trade.tradeNo.slice(-6),
    traceTime: txnTime.slice(4),
    txnAmt: String(trade.amountCents),
    txnSubType: '01',
    txnTime,
    txnType: '01',
    version: '5.1.0',
    ...overrides,
  };
  params.signature = signUnionPayParams(params, gatewayPrivateKeyPem);
  return params;
}

export function unionPayNotification(
  trade: SandboxTrade,
  gatewayPrivateKeyPem: string,
  overrides: Record<string, string> = {},
): SignedNotification {
  return {
    headers: { ...FORM },
    body: new URLSearchParams(unionPayNotificationParams(trade, gatewayPrivateKeyPem, overrides)).toString(),
  };
}
