import { createVerify } from 'node:crypto';
import { z } from 'zod';
import { formatFenAsYuan } from '@/domain/payments/providers/amounts';
import { signAlipayResponse, verifyAlipayNotification } from '@/domain/payments/providers/alipay/protocol';
import { ALIPAY_REFUND_METHOD, ALIPAY_REFUND_QUERY_METHOD } from '@/domain/payments/providers/alipay/refunds';
import { alipayTime, unionPayTime } from '@/domain/payments/providers/china-time';
import type { ProviderHttpRequest, ProviderHttpResponse } from '@/domain/payments/providers/transport';
import { signUnionPayParams, verifyUnionPayNotification } from '@/domain/payments/providers/unionpay/protocol';
import { WECHAT_REFUNDS_PATH } from '@/domain/payments/providers/wechat-pay/refunds';
import { findSandboxRefund, findSandboxTrade, recordSandboxTrade } from './books';
import { SANDBOX_GATEWAY_PATHS } from './merchants';
import { wechatSignedHeaders, wechatTransaction } from './notifications';
import { handleAlipaySandboxRefund } from './refunds/alipay';
import { handleUnionPaySandboxRefund } from './refunds/unionpay';
import { handleWechatSandboxRefund } from './refunds/wechat-pay';
import { header, unionPayCertField, type SandboxExchange, type SandboxWorld } from './world';

/**
 * The sandbox providers' server-to-server APIs, mounted where the real ones are relative to their
 * gateways: WeChat Pay v3 (native order, query, refunds), Alipay gateway.do (trade query, refund,
 * refund query), UnionPay queryTrans.do / backTransReq.do. Each verifies the merchant's signature
 * and answers signed from the sandbox's own books; the same function serves the /sandbox routes,
 * the in-process transport and the live-mode fake.
 */
export const UNIONPAY_QUERY_PATH = SANDBOX_GATEWAY_PATHS.unionpay.replace(/frontTransReq\.do$/, 'queryTrans.do');
export const UNIONPAY_BACK_PATH = SANDBOX_GATEWAY_PATHS.unionpay.replace(/frontTransReq\.do$/, 'backTransReq.do');

const json = (status: number, body: unknown): ProviderHttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

export async function handleSandboxApi(world: SandboxWorld, request: ProviderHttpRequest): Promise<SandboxExchange> {
  const url = new URL(request.url, 'http://sandbox.invalid');
  const wechatBase = SANDBOX_GATEWAY_PATHS.wechat_pay;
  if (url.pathname.startsWith(`${wechatBase}${WECHAT_REFUNDS_PATH}`)) {
    const path = url.pathname.slice(wechatBase.length);
    return handleWechatSandboxRefund(world, {
      method: request.method,
      path,
      headers: request.headers,
      body: request.body,
    });
  }
  if (url.pathname.startsWith(`${wechatBase}/v3/`))
    return { response: await handleWechat(world, request, url, url.pathname.slice(wechatBase.length)) };
  if (url.pathname === SANDBOX_GATEWAY_PATHS.alipay && request.method === 'POST') {
    const method = new URLSearchParams(request.body).get('method');
    if (method === ALIPAY_REFUND_METHOD || method === ALIPAY_REFUND_QUERY_METHOD)
      return handleAlipaySandboxRefund(world, request.body);
    return { response: await handleAlipayQuery(world, request.body) };
  }
  if (url.pathname === UNIONPAY_BACK_PATH && request.method === 'POST')
    return handleUnionPaySandboxRefund(world, 'back-trans', request.body);
  if (url.pathname === UNIONPAY_QUERY_PATH && request.method === 'POST') {
    // one queryTrans for trades and refunds alike, as at UnionPay: the orderId says which
    const orderId = new URLSearchParams(request.body).get('orderId') ?? '';
    if (await findSandboxRefund(world.db, 'unionpay', orderId))
      return handleUnionPaySandboxRefund(world, 'query-trans', request.body);
    return { response: await handleUnionPayQuery(world, request.body) };
  }
  return { response: json(404, { code: 'NOT_FOUND', message: `no sandbox API at ${url.pathname}` }) };
}

// ---- WeChat Pay ----

const AUTH_FIELD = /(\w+)="([^"]*)"/g;

/** Checks `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=..,nonce_str=..,signature=..,timestamp=..,serial_no=..`. */
export function checkWechatAuthorization(
  world: SandboxWorld,
  request: { method: string; headers: Record<string, string>; body: string },
  pathAndQuery: string,
  now: Date,
): string | null {
  const merchant = world.merchants.wechat_pay;
  const value = header(request.headers, 'authorization') ?? '';
  if (!value.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return 'unsupported authorization scheme';
  const fields = Object.fromEntries([...value.matchAll(AUTH_FIELD)].map((m) => [m[1], m[2]]));
  if (fields.mchid !== merchant.merchantId) return 'mchid';
  if (fields.serial_no !== merchant.merchantSerial) return 'serial_no';
  if (!/^\d+$/.test(fields.timestamp ?? '') || Math.abs(now.getTime() / 1000 - Number(fields.timestamp)) >= 300)
    return 'timestamp';
  const message = `${request.method}\n${pathAndQuery}\n${fields.timestamp}\n${fields.nonce_str ?? ''}\n${request.body}\n`;
  try {
    return createVerify('RSA-SHA256')
      .update(message, 'utf8')
      .verify(world.keys.wechatMerchant.publicKeyPem, fields.signature ?? '', 'base64')
      ? null
      : 'signature';
  } catch {
    return 'signature';
  }
}

/** An answer signed with the platform key, as every v3 answer is. */
export function wechatSigned(
  world: SandboxWorld,
  status: number,
  body: unknown,
  now = new Date(),
): ProviderHttpResponse {
  const text = JSON.stringify(body);
  return {
    status,
    headers: {
      'content-type': 'application/json',
      ...wechatSignedHeaders(
        text,
        world.keys.wechatPlatform.privateKeyPem,
        world.merchants.wechat_pay.providerSerial,
        now,
      ),
    },
    body: text,
  };
}

const ZNativeOrder = z.object({
  appid: z.string().min(1),
  mchid: z.string().min(1),
  description: z.string().min(1).max(127),
  out_trade_no: z.string().min(6).max(32),
  notify_url: z.string().url(),
  amount: z.object({ total: z.number().int().positive(), currency: z.literal('CNY').optional() }),
});

async function handleWechat(
  world: SandboxWorld,
  request: ProviderHttpRequest,
  url: URL,
  path: string,
): Promise<ProviderHttpResponse> {
  const merchant = world.merchants.wechat_pay;
  const now = new Date();
  const refused = checkWechatAuthorization(world, request, `${path}${url.search}`, now);
  if (refused) return wechatSigned(world, 401, { code: 'SIGN_ERROR', message: `签名错误 (${refused})` });
  if (request.method === 'POST' && path === '/v3/pay/transactions/native') {
    let raw: unknown;
    try {
      raw = JSON.parse(request.body);
    } catch {
      return wechatSigned(world, 400, { code: 'PARAM_ERROR', message: '请求体不是 JSON' });
    }
    const parsed = ZNativeOrder.safeParse(raw);
    if (!parsed.success)
      return wechatSigned(world, 400, { code: 'PARAM_ERROR', message: parsed.error.issues[0]?.message ?? '参数错误' });
    const order = parsed.data;
    if (order.mchid !== merchant.merchantId || order.appid !== merchant.appId)
      return wechatSigned(world, 400, { code: 'APPID_MCHID_NOT_MATCH', message: 'appid和mch_id不匹配' });
    const recorded = await recordSandboxTrade(world.db, {
      provider: 'wechat_pay',
      merchantId: order.mchid,
      outTradeNo: order.out_trade_no,
      amountCents: order.amount.total,
      subject: order.description,
      notifyUrl: order.notify_url,
      returnUrl: null,
    });
    if (!recorded.ok) return wechatSigned(world, 400, { code: 'INVALID_REQUEST', message: '201 商户订单号重复' });
    return wechatSigned(world, 200, { code_url: `${world.baseUrl}/sandbox/wechat-pay/pay/${recorded.trade.id}` });
  }
  const match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path);
  if (request.method === 'GET' && match) {
    if (url.searchParams.get('mchid') !== merchant.merchantId)
      return wechatSigned(world, 400, { code: 'PARAM_ERROR', message: 'mchid 不正确' });
    const trade = await findSandboxTrade(world.db, 'wechat_pay', decodeURIComponent(match[1]));
    if (!trade) return wechatSigned(world, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    const state =
      trade.status === 'paid'
        ? 'SUCCESS'
        : trade.status === 'failed'
          ? 'PAYERROR'
          : trade.status === 'closed'
            ? 'CLOSED'
            : 'NOTPAY';
    return wechatSigned(
      world,
      200,
      wechatTransaction(
        {
          merchantId: trade.merchantId,
          appId: merchant.appId,
          outTradeNo: trade.outTradeNo,
          tradeNo: trade.tradeNo ?? '',
          amountCents: trade.amountCents,
          subject: trade.subject,
          paid: trade.status === 'paid',
          createdAt: trade.createdAt,
          paidAt: trade.paidAt ?? now,
        },
        state,
      ),
    );
  }
  return wechatSigned(world, 404, { code: 'NOT_FOUND', message: `no sandbox API ${request.method} ${path}` });
}

// ---- Alipay ----

async function handleAlipayQuery(world: SandboxWorld, body: string): Promise<ProviderHttpResponse> {
  const method = 'alipay.trade.query';
  const answer = (payload: Record<string, unknown>) => ({
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: signAlipayResponse(method, payload, world.keys.alipayGateway.privateKeyPem),
  });
  const verified = verifyAlipayNotification(body, world.keys.alipayMerchant.publicKeyPem);
  if (!verified.ok)
    return answer({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错' });
  const { params } = verified;
  if (params.method !== method)
    return answer({
      code: '40002',
      msg: 'Invalid Arguments',
      sub_code: 'isv.invalid-method',
      sub_msg: `不支持 ${params.method}`,
    });
  if (params.app_id !== world.merchants.alipay.merchantId)
    return answer({
      code: '40002',
      msg: 'Invalid Arguments',
      sub_code: 'isv.invalid-app-id',
      sub_msg: '无效的AppID参数',
    });
  let outTradeNo = '';
  try {
    outTradeNo = String((JSON.parse(params.biz_content ?? '{}') as { out_trade_no?: unknown }).out_trade_no ?? '');
  } catch {
    // an unreadable biz_content is answered like a missing out_trade_no
  }
  const trade = outTradeNo ? await findSandboxTrade(world.db, 'alipay', outTradeNo) : undefined;
  if (!trade)
    return answer({
      code: '40004',
      msg: 'Business Failed',
      sub_code: 'ACQ.TRADE_NOT_EXIST',
      sub_msg: '交易不存在',
      out_trade_no: outTradeNo,
    });
  const status =
    { paid: 'TRADE_SUCCESS', failed: 'TRADE_CLOSED', closed: 'TRADE_CLOSED', open: 'WAIT_BUYER_PAY' }[trade.status] ??
    'WAIT_BUYER_PAY';
  const amount = formatFenAsYuan(trade.amountCents);
  return answer({
    code: '10000',
    msg: 'Success',
    trade_no: trade.tradeNo ?? '',
    out_trade_no: trade.outTradeNo,
    buyer_logon_id: 'sbx***@sandbox.com',
    trade_status: status,
    total_amount: amount,
    buyer_pay_amount: trade.status === 'paid' ? amount : '0.00',
    receipt_amount: trade.status === 'paid' ? amount : '0.00',
    ...(trade.paidAt ? { send_pay_date: alipayTime(trade.paidAt) } : {}),
  });
}

// ---- UnionPay ----

async function handleUnionPayQuery(world: SandboxWorld, body: string): Promise<ProviderHttpResponse> {
  const merchant = world.merchants.unionpay;
  const answer = (fields: Record<string, string>) => {
    const signedFields: Record<string, string> = {
      version: '5.1.0',
      encoding: 'UTF-8',
      signMethod: '01',
      txnType: '00',
      txnSubType: '00',
      bizType: '000000',
      accessType: '0',
      merId: merchant.merchantId,
      ...unionPayCertField(world),
      ...fields,
    };
    signedFields.signature = signUnionPayParams(signedFields, world.keys.unionPayGateway.privateKeyPem);
    return {
      status: 200,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(signedFields).toString(),
    };
  };
  const verified = verifyUnionPayNotification(body, {
    kind: 'public-key',
    publicKeyPem: world.keys.unionPayMerchant.publicKeyPem,
  });
  if (!verified.ok) return answer({ respCode: '11', respMsg: `验证签名失败 ${verified.reason}` });
  const { params } = verified;
  if (params.txnType !== '00' || params.merId !== merchant.merchantId)
    return answer({ respCode: '12', respMsg: '请求参数错误' });
  const trade = await findSandboxTrade(world.db, 'unionpay', params.orderId ?? '');
  if (!trade)
    return answer({
      respCode: '34',
      respMsg: '查无此交易',
      orderId: params.orderId ?? '',
      txnTime: params.txnTime ?? '',
    });
  const orig = {
    paid: ['00', '成功'],
    failed: ['11', '交易失败'],
    closed: ['11', '交易关闭'],
    open: ['05', '交易处理中'],
  }[trade.status] ?? ['05', '交易处理中'];
  return answer({
    respCode: '00',
    respMsg: '成功',
    orderId: trade.outTradeNo,
    txnTime: params.txnTime ?? unionPayTime(trade.createdAt),
    queryId: trade.tradeNo ?? '',
    origRespCode: orig[0],
    origRespMsg: orig[1],
    txnAmt: String(trade.amountCents),
    settleAmt: String(trade.amountCents),
    settleCurrencyCode: '156',
    currencyCode: '156',
  });
}
