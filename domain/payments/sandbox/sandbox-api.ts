import { createVerify } from 'node:crypto';
import { z } from 'zod';
import { formatFenAsYuan } from '../providers/amounts';
import { signAlipayResponse, verifyAlipayNotification } from '../providers/alipay';
import { signUnionPayParams, verifyUnionPayNotification } from '../providers/unionpay';
import type { ProviderHttpRequest, ProviderHttpResponse, ProviderTransport } from '../provider-transport';
import { alipayTime, unionPayTime } from '../requests/china-time';
import type { PaymentsContext } from '../resolve-provider';
import { findSandboxTrade, recordSandboxTrade } from './sandbox-books';
import { getSandboxKeys, type SandboxKeys } from './sandbox-keys-store';
import { SANDBOX_GATEWAY_PATHS, SANDBOX_MERCHANTS } from './sandbox-merchants';
import { wechatSignedHeaders, wechatTransaction } from './sandbox-notifications';

/**
 * The sandbox providers' server-to-server APIs: WeChat Pay native order and transaction query,
 * alipay.trade.query, UnionPay queryTrans. Each verifies the merchant's signature and answers
 * signed, from the sandbox's own books. The same function serves the HTTP routes under /sandbox
 * and the console's in-process transport.
 */
export interface SandboxContext extends PaymentsContext {
  /** where this app is reached from a buyer's browser, for code_url links */
  origin: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): ProviderHttpResponse =>
  ({ status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) });

export async function handleSandboxApi(ctx: SandboxContext, request: ProviderHttpRequest): Promise<ProviderHttpResponse> {
  const url = new URL(request.url, 'http://sandbox.invalid');
  const keys = await getSandboxKeys(ctx.db, ctx.authSecret);
  const wechatBase = SANDBOX_GATEWAY_PATHS.wechat_pay;
  if (url.pathname.startsWith(`${wechatBase}/v3/`)) return handleWechat(ctx, keys, request, url, url.pathname.slice(wechatBase.length));
  if (url.pathname === SANDBOX_GATEWAY_PATHS.alipay && request.method === 'POST') return handleAlipayQuery(ctx, keys, request.body);
  if (url.pathname === UNIONPAY_QUERY_PATH && request.method === 'POST') return handleUnionPayQuery(ctx, keys, request.body);
  return json(404, { code: 'NOT_FOUND', message: `no sandbox API at ${url.pathname}` });
}

export const UNIONPAY_QUERY_PATH = '/sandbox/unionpay/gateway/api/queryTrans.do';

/** The transport to a sandbox provider: its API answered in-process. */
export function sandboxTransport(ctx: SandboxContext): ProviderTransport {
  return (request) => handleSandboxApi(ctx, request);
}

// ---- WeChat Pay ----

const AUTH_FIELD = /(\w+)="([^"]*)"/g;

function verifyWechatAuthorization(request: ProviderHttpRequest, pathAndQuery: string, keys: SandboxKeys, mchId: string): boolean {
  const header = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? '';
  if (!header.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return false;
  const fields = Object.fromEntries([...header.matchAll(AUTH_FIELD)].map((m) => [m[1], m[2]]));
  if (fields.mchid !== mchId || !fields.signature || !fields.timestamp || !fields.nonce_str) return false;
  const message = `${request.method}\n${pathAndQuery}\n${fields.timestamp}\n${fields.nonce_str}\n${request.body}\n`;
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(keys.wechatMerchant.publicKeyPem, fields.signature, 'base64');
  } catch {
    return false;
  }
}

const ZNativeOrder = z.object({
  appid: z.string().min(1), mchid: z.string().min(1), description: z.string().min(1).max(127), out_trade_no: z.string().min(6).max(32),
  notify_url: z.string().url(), amount: z.object({ total: z.number().int().positive(), currency: z.literal('CNY').optional() }),
});

async function handleWechat(ctx: SandboxContext, keys: SandboxKeys, request: ProviderHttpRequest, url: URL, path: string): Promise<ProviderHttpResponse> {
  const merchant = SANDBOX_MERCHANTS.wechat_pay;
  const now = new Date();
  const signed = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    return { status, headers: { 'content-type': 'application/json', ...wechatSignedHeaders(text, keys.wechatPlatform.privateKeyPem, merchant.providerSerial, now) }, body: text };
  };
  if (!verifyWechatAuthorization(request, `${path}${url.search}`, keys, merchant.merchantId)) {
    return signed(401, { code: 'SIGN_ERROR', message: '签名错误' });
  }
  if (request.method === 'POST' && path === '/v3/pay/transactions/native') {
    let raw: unknown;
    try {
      raw = JSON.parse(request.body);
    } catch {
      return signed(400, { code: 'PARAM_ERROR', message: '请求体不是 JSON' });
    }
    const parsed = ZNativeOrder.safeParse(raw);
    if (!parsed.success) return signed(400, { code: 'PARAM_ERROR', message: parsed.error.issues[0]?.message ?? '参数错误' });
    const order = parsed.data;
    if (order.mchid !== merchant.merchantId || order.appid !== merchant.appId) return signed(400, { code: 'APPID_MCHID_NOT_MATCH', message: 'appid和mch_id不匹配' });
    const recorded = await recordSandboxTrade(ctx.db, {
      provider: 'wechat_pay', merchantId: order.mchid, outTradeNo: order.out_trade_no, amountCents: order.amount.total,
      subject: order.description, notifyUrl: order.notify_url, returnUrl: null,
    });
    if (!recorded.ok) return signed(400, { code: 'INVALID_REQUEST', message: '201 商户订单号重复' });
    return signed(200, { code_url: `${ctx.origin}/sandbox/wechat-pay/pay/${recorded.trade.id}` });
  }
  const match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path);
  if (request.method === 'GET' && match) {
    if (url.searchParams.get('mchid') !== merchant.merchantId) return signed(400, { code: 'PARAM_ERROR', message: 'mchid 不正确' });
    const trade = await findSandboxTrade(ctx.db, 'wechat_pay', decodeURIComponent(match[1]));
    if (!trade) return signed(404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    const state = trade.status === 'paid' ? 'SUCCESS' : trade.status === 'failed' ? 'PAYERROR' : trade.status === 'closed' ? 'CLOSED' : 'NOTPAY';
    return signed(200, wechatTransaction({
      merchantId: trade.merchantId, appId: merchant.appId, outTradeNo: trade.outTradeNo, tradeNo: trade.tradeNo ?? '', amountCents: trade.amountCents,
      subject: trade.subject, paid: trade.status === 'paid', createdAt: trade.createdAt, paidAt: trade.paidAt ?? now,
    }, state));
  }
  return signed(404, { code: 'NOT_FOUND', message: `no sandbox API ${request.method} ${path}` });
}

// ---- Alipay ----

async function handleAlipayQuery(ctx: SandboxContext, keys: SandboxKeys, body: string): Promise<ProviderHttpResponse> {
  const method = 'alipay.trade.query';
  const answer = (payload: Record<string, unknown>) => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: signAlipayResponse(method, payload, keys.alipayGateway.privateKeyPem) });
  const verified = verifyAlipayNotification(body, keys.alipayMerchant.publicKeyPem);
  if (!verified.ok) return answer({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错' });
  const { params } = verified;
  if (params.method !== method) return answer({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-method', sub_msg: `不支持 ${params.method}` });
  if (params.app_id !== SANDBOX_MERCHANTS.alipay.merchantId) return answer({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-app-id', sub_msg: '无效的AppID参数' });
  let outTradeNo = '';
  try {
    outTradeNo = String((JSON.parse(params.biz_content ?? '{}') as { out_trade_no?: unknown }).out_trade_no ?? '');
  } catch {
    // an unreadable biz_content is answered like a missing out_trade_no
  }
  const trade = outTradeNo ? await findSandboxTrade(ctx.db, 'alipay', outTradeNo) : undefined;
  if (!trade) return answer({ code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在', out_trade_no: outTradeNo });
  const status = { paid: 'TRADE_SUCCESS', failed: 'TRADE_CLOSED', closed: 'TRADE_CLOSED', open: 'WAIT_BUYER_PAY' }[trade.status] ?? 'WAIT_BUYER_PAY';
  const amount = formatFenAsYuan(trade.amountCents);
  return answer({
    code: '10000', msg: 'Success', trade_no: trade.tradeNo ?? '', out_trade_no: trade.outTradeNo, buyer_logon_id: 'sbx***@sandbox.com',
    trade_status: status, total_amount: amount, buyer_pay_amount: trade.status === 'paid' ? amount : '0.00',
    receipt_amount: trade.status === 'paid' ? amount : '0.00', ...(trade.paidAt ? { send_pay_date: alipayTime(trade.paidAt) } : {}),
  });
}

// ---- UnionPay ----

async function handleUnionPayQuery(ctx: SandboxContext, keys: SandboxKeys, body: string): Promise<ProviderHttpResponse> {
  const merchant = SANDBOX_MERCHANTS.unionpay;
  const answer = (fields: Record<string, string>) => {
    const signedFields: Record<string, string> = { version: '5.1.0', encoding: 'UTF-8', signMethod: '01', txnType: '00', txnSubType: '00', bizType: '000000', accessType: '0', merId: merchant.merchantId, ...fields };
    signedFields.signature = signUnionPayParams(signedFields, keys.unionPayGateway.privateKeyPem);
    return { status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: new URLSearchParams(signedFields).toString() };
  };
  const verified = verifyUnionPayNotification(body, { kind: 'public-key', publicKeyPem: keys.unionPayMerchant.publicKeyPem });
  if (!verified.ok) return answer({ respCode: '11', respMsg: `验证签名失败 ${verified.reason}` });
  const { params } = verified;
  if (params.txnType !== '00' || params.merId !== merchant.merchantId) return answer({ respCode: '12', respMsg: '请求参数错误' });
  const trade = await findSandboxTrade(ctx.db, 'unionpay', params.orderId ?? '');
  if (!trade) return answer({ respCode: '34', respMsg: '查无此交易', orderId: params.orderId ?? '', txnTime: params.txnTime ?? '' });
  const orig = { paid: ['00', '成功'], failed: ['11', '交易失败'], closed: ['11', '交易关闭'], open: ['05', '交易处理中'] }[trade.status] ?? ['05', '交易处理中'];
  return answer({
    respCode: '00', respMsg: '成功', orderId: trade.outTradeNo, txnTime: params.txnTime ?? unionPayTime(trade.createdAt),
    queryId: trade.tradeNo ?? '', origRespCode: orig[0], origRespMsg: orig[1], txnAmt: String(trade.amountCents),
    settleAmt: String(trade.amountCents), settleCurrencyCode: '156', currencyCode: '156',
  });
}
