import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { encryptWechatResource } from '@/domain/payments/providers/wechat-pay/protocol';
import { WECHAT_REFUNDS_PATH } from '@/domain/payments/providers/wechat-pay/refunds';
import { checkWechatAuthorization, wechatSigned } from '../api';
import {
  findSandboxRefund,
  recordSandboxRefund,
  refundedForTrade,
  sandboxId,
  SANDBOX_FAIL_MARK,
  type SandboxRefund,
} from '../books';
import { wechatSignedHeaders } from '../notifications';
import type { SandboxExchange, SandboxWorld } from '../world';

/**
 * The sandbox's WeChat Pay v3 refund API: checks the merchant's Authorization signature, answers
 * signed with the platform key, and sends the REFUND.* notification (AEAD resource) to notify_url.
 */
const ZRefundBody = z
  .object({
    transaction_id: z.string().optional(),
    out_trade_no: z.string().optional(),
    out_refund_no: z.string().min(1).max(64),
    reason: z.string().max(80).optional(),
    notify_url: z.string().url().optional(),
    amount: z.object({
      refund: z.number().int().positive(),
      total: z.number().int().positive(),
      currency: z.literal('CNY'),
    }),
  })
  .refine((body) => body.transaction_id || body.out_trade_no);

const error = (world: SandboxWorld, status: number, code: string, message: string, now: Date): SandboxExchange => ({
  response: wechatSigned(world, status, { code, message }, now),
});

function refundObject(row: SandboxRefund, total: number | null, state: string) {
  return {
    refund_id: row.providerRefundId,
    out_refund_no: row.outRefundNo,
    transaction_id: row.outTradeNo,
    out_trade_no: row.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    create_time: row.createdAt.toISOString(),
    status: state,
    ...(state === 'SUCCESS' ? { success_time: row.createdAt.toISOString() } : {}),
    amount: {
      total: total ?? row.amountCents,
      refund: row.amountCents,
      payer_total: total ?? row.amountCents,
      payer_refund: row.amountCents,
      currency: 'CNY',
    },
  };
}

/** The REFUND.* notification for a refund the sandbox finished, signed and sealed as the platform does. */
export function wechatRefundNotification(
  world: SandboxWorld,
  row: SandboxRefund,
  total: number,
  notifyUrl: string,
  now: Date,
) {
  const plaintext = JSON.stringify({
    mchid: world.merchants.wechat_pay.merchantId,
    out_trade_no: row.outTradeNo,
    transaction_id: row.outTradeNo,
    out_refund_no: row.outRefundNo,
    refund_id: row.providerRefundId,
    refund_status: row.status,
    success_time: row.createdAt.toISOString(),
    user_received_account: '支付用户零钱',
    amount: { total, refund: row.amountCents, payer_total: total, payer_refund: row.amountCents },
  });
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: now.toISOString(),
    resource_type: 'encrypt-resource',
    event_type: `REFUND.${row.status}`,
    summary: row.status === 'SUCCESS' ? '退款成功' : '退款异常',
    resource: encryptWechatResource({
      plaintext,
      apiV3Key: world.keys.wechatApiV3Key,
      associatedData: 'refund',
      originalType: 'refund',
    }),
  });
  const headers = {
    'content-type': 'application/json',
    ...wechatSignedHeaders(
      body,
      world.keys.wechatPlatform.privateKeyPem,
      world.merchants.wechat_pay.providerSerial,
      now,
    ),
  };
  return { method: 'POST' as const, url: notifyUrl, headers, body };
}

export async function handleWechatSandboxRefund(
  world: SandboxWorld,
  request: { method: string; path: string; headers: Record<string, string>; body: string },
  now = new Date(),
): Promise<SandboxExchange> {
  const { db } = world;
  const refused = checkWechatAuthorization(world, request, request.path, now);
  if (refused) return error(world, 401, 'SIGN_ERROR', `签名错误 (${refused})`, now);

  if (request.method === 'GET') {
    const outRefundNo = decodeURIComponent(request.path.slice(WECHAT_REFUNDS_PATH.length + 1));
    const found = await findSandboxRefund(db, 'wechat_pay', outRefundNo);
    if (!found) return error(world, 404, 'RESOURCE_NOT_EXISTS', '退款单不存在', now);
    return { response: wechatSigned(world, 200, refundObject(found, null, found.status), now) };
  }

  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return error(world, 400, 'PARAM_ERROR', '请求体不是JSON', now);
  }
  const parsed = ZRefundBody.safeParse(json);
  if (!parsed.success) return error(world, 400, 'PARAM_ERROR', '参数错误', now);
  const body = parsed.data;
  const trade = body.transaction_id ?? body.out_trade_no ?? '';
  const existing = await findSandboxRefund(db, 'wechat_pay', body.out_refund_no);
  if (!existing && (await refundedForTrade(db, 'wechat_pay', trade)) + body.amount.refund > body.amount.total) {
    return error(world, 403, 'NOT_ENOUGH', '订单可退金额不足', now);
  }
  const { refund, isNew } = await recordSandboxRefund(db, {
    method: 'wechat_pay',
    outTradeNo: trade,
    outRefundNo: body.out_refund_no,
    providerRefundId: sandboxId('5030', 24),
    amountCents: body.amount.refund,
    // the sandbox decides at once; the merchant learns it from the notification (or a query)
    status: (body.reason ?? '').includes(SANDBOX_FAIL_MARK) ? 'ABNORMAL' : 'SUCCESS',
  });
  return {
    response: wechatSigned(world, 200, refundObject(refund, body.amount.total, 'PROCESSING'), now),
    ...(isNew && body.notify_url
      ? { notification: wechatRefundNotification(world, refund, body.amount.total, body.notify_url, now) }
      : {}),
  };
}
