import { createVerify, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { SandboxRefund } from '@/db/schema/payments';
import { encryptWechatResource, signWechatMessage } from '@/domain/payments/providers/wechat-pay';
import { SANDBOX_IDS, type RefundSandboxKeys } from '@/domain/payments/refunds/gateway-config';
import { WECHAT_REFUNDS_PATH, wechatRequestSignContent } from '@/domain/payments/refunds/providers/wechat-pay';
import type { GatewayResponse } from '@/domain/payments/refunds/providers/types';
import { findSandboxRefund, header, recordSandboxRefund, refundedForTrade, sandboxId, SANDBOX_FAIL_MARK, type SandboxExchange } from './sandbox-book';

/**
 * The sandbox's WeChat Pay v3 refund API: checks the merchant's Authorization signature, answers
 * signed with the platform key, and sends the REFUND.* notification (AEAD resource) to notify_url.
 */
const ZRefundBody = z.object({
  transaction_id: z.string().optional(),
  out_trade_no: z.string().optional(),
  out_refund_no: z.string().min(1).max(64),
  reason: z.string().max(80).optional(),
  notify_url: z.string().url().optional(),
  amount: z.object({ refund: z.number().int().positive(), total: z.number().int().positive(), currency: z.literal('CNY') }),
}).refine((body) => body.transaction_id || body.out_trade_no);

function signed(keys: RefundSandboxKeys, status: number, body: string, now: Date): GatewayResponse {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    status,
    headers: {
      'content-type': 'application/json', 'Request-ID': randomUUID(), 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': nonce,
      'Wechatpay-Serial': SANDBOX_IDS.wechatPlatformSerial, 'Wechatpay-Signature': signWechatMessage(timestamp, nonce, body, keys.wechatPlatform.privateKeyPem),
    },
    body,
  };
}

const error = (keys: RefundSandboxKeys, status: number, code: string, message: string, now: Date) => ({ response: signed(keys, status, JSON.stringify({ code, message }), now) });

/** Checks `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=..,nonce_str=..,signature=..,timestamp=..,serial_no=..`. */
function checkAuthorization(keys: RefundSandboxKeys, method: string, path: string, headers: Record<string, string>, body: string, now: Date): string | null {
  const value = header(headers, 'authorization') ?? '';
  if (!value.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return 'unsupported authorization scheme';
  const fields = Object.fromEntries([...value.slice(26).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  if (fields.mchid !== SANDBOX_IDS.wechatMchId) return 'mchid';
  if (fields.serial_no !== SANDBOX_IDS.wechatMerchantSerial) return 'serial_no';
  if (!/^\d+$/.test(fields.timestamp ?? '') || Math.abs(now.getTime() / 1000 - Number(fields.timestamp)) >= 300) return 'timestamp';
  try {
    const valid = createVerify('RSA-SHA256').update(wechatRequestSignContent(method, path, fields.timestamp, fields.nonce_str ?? '', body), 'utf8')
      .verify(keys.wechatMerchant.publicKeyPem, fields.signature ?? '', 'base64');
    return valid ? null : 'signature';
  } catch {
    return 'signature';
  }
}

function refundObject(row: SandboxRefund, total: number | null, state: string) {
  return {
    refund_id: row.providerRefundId, out_refund_no: row.outRefundNo, transaction_id: row.outTradeNo, out_trade_no: row.outTradeNo,
    channel: 'ORIGINAL', user_received_account: '支付用户零钱', create_time: row.createdAt.toISOString(), status: state,
    ...(state === 'SUCCESS' ? { success_time: row.createdAt.toISOString() } : {}),
    amount: { total: total ?? row.amountCents, refund: row.amountCents, payer_total: total ?? row.amountCents, payer_refund: row.amountCents, currency: 'CNY' },
  };
}

/** The REFUND.* notification for a refund the sandbox finished, signed and sealed as the platform does. */
export function wechatRefundNotification(keys: RefundSandboxKeys, row: SandboxRefund, total: number, notifyUrl: string, now: Date) {
  const plaintext = JSON.stringify({
    mchid: SANDBOX_IDS.wechatMchId, out_trade_no: row.outTradeNo, transaction_id: row.outTradeNo, out_refund_no: row.outRefundNo,
    refund_id: row.providerRefundId, refund_status: row.status, success_time: row.createdAt.toISOString(), user_received_account: '支付用户零钱',
    amount: { total, refund: row.amountCents, payer_total: total, payer_refund: row.amountCents },
  });
  const body = JSON.stringify({
    id: randomUUID(), create_time: now.toISOString(), resource_type: 'encrypt-resource', event_type: `REFUND.${row.status}`,
    summary: row.status === 'SUCCESS' ? '退款成功' : '退款异常',
    resource: encryptWechatResource({ plaintext, apiV3Key: keys.wechatApiV3Key, associatedData: 'refund', originalType: 'refund' }),
  });
  const { headers } = signed(keys, 200, body, now);
  return { method: 'POST' as const, url: notifyUrl, headers, body };
}

export async function handleWechatSandboxRefund(
  db: Database, keys: RefundSandboxKeys, request: { method: string; path: string; headers: Record<string, string>; body: string }, now = new Date(),
): Promise<SandboxExchange> {
  const refused = checkAuthorization(keys, request.method, request.path, request.headers, request.body, now);
  if (refused) return error(keys, 401, 'SIGN_ERROR', `签名错误 (${refused})`, now);

  if (request.method === 'GET') {
    const outRefundNo = decodeURIComponent(request.path.slice(WECHAT_REFUNDS_PATH.length + 1));
    const found = await findSandboxRefund(db, 'wechat_pay', outRefundNo);
    if (!found) return error(keys, 404, 'RESOURCE_NOT_EXISTS', '退款单不存在', now);
    return { response: signed(keys, 200, JSON.stringify(refundObject(found, null, found.status)), now) };
  }

  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return error(keys, 400, 'PARAM_ERROR', '请求体不是JSON', now);
  }
  const parsed = ZRefundBody.safeParse(json);
  if (!parsed.success) return error(keys, 400, 'PARAM_ERROR', '参数错误', now);
  const body = parsed.data;
  const trade = body.transaction_id ?? body.out_trade_no ?? '';
  const existing = await findSandboxRefund(db, 'wechat_pay', body.out_refund_no);
  if (!existing && (await refundedForTrade(db, 'wechat_pay', trade)) + body.amount.refund > body.amount.total) {
    return error(keys, 403, 'NOT_ENOUGH', '订单可退金额不足', now);
  }
  const { refund, isNew } = await recordSandboxRefund(db, {
    method: 'wechat_pay', outTradeNo: trade, outRefundNo: body.out_refund_no, providerRefundId: sandboxId('5030', 24), amountCents: body.amount.refund,
    // the sandbox decides at once; the merchant learns it from the notification (or a query)
    status: (body.reason ?? '').includes(SANDBOX_FAIL_MARK) ? 'ABNORMAL' : 'SUCCESS',
  });
  return {
    response: signed(keys, 200, JSON.stringify(refundObject(refund, body.amount.total, 'PROCESSING')), now),
    ...(isNew && body.notify_url ? { notification: wechatRefundNotification(keys, refund, body.amount.total, body.notify_url, now) } : {}),
  };
}
