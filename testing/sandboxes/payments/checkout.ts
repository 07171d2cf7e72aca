import { z } from 'zod';
import type { ProviderMethod } from '@/domain/payments/payment-methods-config';
import { verifyAlipayNotification } from '@/domain/payments/providers/alipay/protocol';
import { parseProviderYuan } from '@/domain/payments/providers/amounts';
import { verifyUnionPayNotification } from '@/domain/payments/providers/unionpay/protocol';
import { fail, ok, type Result } from '@/domain/shared/result';
import { getSandboxTrade, noteNotifyAnswer, recordSandboxTrade, settleSandboxTrade } from './books';
import { alipayNotification, unionPayNotification, wechatNotification, type SignedNotification } from './notifications';
import { unionPayCertField, type SandboxWorld } from './world';

/**
 * The buyer-facing half of the sandbox: a merchant's signed pay request opens a checkout (as the
 * provider's cashier page), and the buyer's Pay / Fail / Abandon settles it and sends the
 * provider's asynchronous notification to the merchant's notify URL.
 */
export type CheckoutError = 'bad_request' | 'bad_signature' | 'not_found';

const ZBizContent = z.object({
  out_trade_no: z.string().min(1).max(64),
  total_amount: z.string(),
  subject: z.string().min(1).max(256),
  product_code: z.string().optional(),
});

/** GET gateway.do?method=alipay.trade.page.pay&...: verify the merchant's signature, book the trade. */
export async function openAlipayCheckout(
  world: SandboxWorld,
  params: Record<string, string>,
): Promise<Result<{ tradeId: string }, CheckoutError>> {
  const { keys } = world;
  const verified = verifyAlipayNotification(params, keys.alipayMerchant.publicKeyPem);
  if (!verified.ok) return fail('bad_signature', `验签出错: ${verified.reason}`);
  if (params.method !== 'alipay.trade.page.pay') return fail('bad_request', `unsupported method ${params.method}`);
  if (params.app_id !== world.merchants.alipay.merchantId)
    return fail('bad_request', `unknown app_id ${params.app_id}`);
  let biz: z.infer<typeof ZBizContent>;
  try {
    biz = ZBizContent.parse(JSON.parse(params.biz_content ?? ''));
  } catch {
    return fail('bad_request', 'biz_content is missing or malformed');
  }
  const amount = parseProviderYuan(biz.total_amount);
  if (!amount.ok || amount.fen <= 0) return fail('bad_request', `total_amount ${biz.total_amount}`);
  if (!params.notify_url) return fail('bad_request', 'notify_url is required');
  const booked = await recordSandboxTrade(world.db, {
    provider: 'alipay',
    merchantId: params.app_id,
    outTradeNo: biz.out_trade_no,
    amountCents: amount.fen,
    subject: biz.subject,
    notifyUrl: params.notify_url,
    returnUrl: params.return_url ?? null,
  });
  return booked.ok
    ? ok({ tradeId: booked.trade.id })
    : fail('bad_request', 'ACQ.CONTEXT_INCONSISTENT: the same out_trade_no with other terms');
}

/** POST frontTransReq.do: verify the merchant's 5.1.0 signature, book the trade. */
export async function openUnionPayCheckout(
  world: SandboxWorld,
  body: string,
): Promise<Result<{ tradeId: string }, CheckoutError>> {
  const { keys } = world;
  const verified = verifyUnionPayNotification(body, {
    kind: 'public-key',
    publicKeyPem: keys.unionPayMerchant.publicKeyPem,
  });
  if (!verified.ok) return fail('bad_signature', `验证签名失败: ${verified.reason}`);
  const { params } = verified;
  if (params.txnType !== '01' || params.merId !== world.merchants.unionpay.merchantId)
    return fail('bad_request', 'not a consumption for the sandbox merchant');
  const amount = /^[1-9]\d{0,11}$/.test(params.txnAmt ?? '') ? Number(params.txnAmt) : 0;
  if (!amount || !params.orderId || !params.backUrl)
    return fail('bad_request', 'txnAmt, orderId and backUrl are required');
  const booked = await recordSandboxTrade(world.db, {
    provider: 'unionpay',
    merchantId: params.merId,
    outTradeNo: params.orderId,
    amountCents: amount,
    subject: `银联订单 ${params.orderId}`,
    notifyUrl: params.backUrl,
    returnUrl: params.frontUrl ?? null,
  });
  return booked.ok ? ok({ tradeId: booked.trade.id }) : fail('bad_request', '订单号重复');
}

/** Delivers a notification to the merchant and returns what it answered ("success", "204", "ok"...). */
export type NotificationSender = (url: string, notification: SignedNotification) => Promise<string>;

export const httpNotificationSender: NotificationSender = async (url, notification) => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: notification.headers,
      body: notification.body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return `${response.status} ${text}`.trim();
  } catch (error) {
    return `unreachable: ${error instanceof Error ? error.message : String(error)}`;
  }
};

/**
 * The buyer's choice on the pay page. Pay and Fail settle the trade (once) and notify the
 * merchant as the provider would; Abandon leaves it open. Answers where to send the buyer next.
 */
export async function completeSandboxCheckout(
  world: SandboxWorld,
  input: { provider: ProviderMethod; tradeId: string; action: 'pay' | 'fail' | 'abandon'; send?: NotificationSender },
): Promise<Result<{ redirectTo: string | null; notifyAnswer: string | null }, CheckoutError>> {
  const trade = await getSandboxTrade(world.db, input.tradeId);
  if (!trade || trade.provider !== input.provider)
    return fail('not_found', `no ${input.provider} sandbox trade ${input.tradeId}`);
  if (input.action === 'abandon') return ok({ redirectTo: trade.returnUrl, notifyAnswer: null });

  const settled = await settleSandboxTrade(world.db, trade.id, input.action === 'pay' ? 'paid' : 'failed');
  if (!settled) return fail('not_found', `sandbox trade ${trade.id} vanished`);
  const { keys } = world;
  const sandboxTrade = {
    merchantId: settled.merchantId,
    appId: world.merchants.wechat_pay.appId,
    outTradeNo: settled.outTradeNo,
    tradeNo: settled.tradeNo ?? '',
    amountCents: settled.amountCents,
    subject: settled.subject,
    paid: settled.status === 'paid',
    createdAt: settled.createdAt,
    paidAt: settled.paidAt ?? new Date(),
  };
  const notification =
    input.provider === 'alipay'
      ? alipayNotification(sandboxTrade, keys.alipayGateway.privateKeyPem)
      : input.provider === 'unionpay'
        ? unionPayNotification(sandboxTrade, keys.unionPayGateway.privateKeyPem, unionPayCertField(world))
        : wechatNotification(
            sandboxTrade,
            {
              platformPrivateKeyPem: keys.wechatPlatform.privateKeyPem,
              platformSerial: world.merchants.wechat_pay.providerSerial,
              apiV3Key: keys.wechatApiV3Key,
            },
            new Date(),
          );
  const answer = await (input.send ?? httpNotificationSender)(settled.notifyUrl, notification);
  await noteNotifyAnswer(world.db, trade.id, answer);
  return ok({ redirectTo: settled.returnUrl, notifyAnswer: answer });
}
