import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { paymentNotifications, payments, refunds, type PaymentMethod } from '@/db/schema/payments';
import { decryptWechatResource, verifyWechatNotification } from '@/domain/payments/providers/wechat-pay';
import { isUnionPaySuccess, verifyUnionPayNotification } from '@/domain/payments/providers/unionpay';
import { parseProviderFen } from '@/domain/payments/providers/amounts';
import { recordReconciliationIssue } from '@/domain/payments/reconciliation/record-issue';
import type { Actor } from '@/domain/shared/actor';
import type { RefundGatewayConfig } from './gateway-config';
import { ZWechatRefund } from './providers/wechat-pay';
import { settleRefund } from './settle-refund';

export const REFUND_NOTIFY_PROVIDERS = ['wechat-pay', 'unionpay'] as const;
export const ZRefundNotifyProvider = z.enum(REFUND_NOTIFY_PROVIDERS);
export type RefundNotifyProvider = z.infer<typeof ZRefundNotifyProvider>;

const METHOD_OF: Record<RefundNotifyProvider, PaymentMethod> = { 'wechat-pay': 'wechat_pay', unionpay: 'unionpay' };

/** What a verified refund notification says. */
interface RefundNews {
  outRefundNo: string;
  providerRefundId: string | null;
  amountCents: number;
  outcome: 'succeeded' | 'failed' | 'processing';
  detail: string;
}

type Read = { ok: true; news: RefundNews } | { ok: false; reason: string; isVerified: boolean };

function readWechat(config: RefundGatewayConfig, headers: Record<string, string>, body: string, now: Date): Read {
  const verified = verifyWechatNotification({ headers, body, platformPublicKeyPem: config.wechat.platformPublicKeyPem, now, platformSerial: config.wechat.platformSerial });
  if (!verified.ok) return { ok: false, reason: verified.reason, isVerified: false };
  const { resource } = verified.notification;
  if (resource.original_type !== 'refund') return { ok: false, reason: `not a refund notification (${resource.original_type ?? 'none'})`, isVerified: true };
  const opened = decryptWechatResource(resource, config.wechat.apiV3Key);
  if (!opened.ok) return { ok: false, reason: opened.reason, isVerified: true };
  let json: unknown;
  try {
    json = JSON.parse(opened.plaintext);
  } catch {
    return { ok: false, reason: 'malformed', isVerified: true };
  }
  const parsed = ZWechatRefund.extend({ mchid: z.string() }).safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed', isVerified: true };
  if (parsed.data.mchid !== config.wechat.mchId) return { ok: false, reason: 'not our merchant id', isVerified: true };
  const state = parsed.data.refund_status ?? parsed.data.status;
  return {
    ok: true,
    news: {
      outRefundNo: parsed.data.out_refund_no, providerRefundId: parsed.data.refund_id, amountCents: parsed.data.amount.refund,
      outcome: state === 'SUCCESS' ? 'succeeded' : state === 'PROCESSING' ? 'processing' : 'failed', detail: `refund ${state}`,
    },
  };
}

function readUnionPay(config: RefundGatewayConfig, body: string): Read {
  const verified = verifyUnionPayNotification(body, config.unionpay.trust);
  if (!verified.ok) return { ok: false, reason: verified.reason, isVerified: false };
  const { params } = verified;
  if (params.merId !== config.unionpay.merId) return { ok: false, reason: 'not our merchant id', isVerified: true };
  if (params.txnType !== '04') return { ok: false, reason: `not a refund (txnType ${params.txnType ?? 'none'})`, isVerified: true };
  const amount = parseProviderFen(params.txnAmt ?? '');
  if (!amount.ok || !params.orderId) return { ok: false, reason: 'malformed', isVerified: true };
  return {
    ok: true,
    news: {
      outRefundNo: params.orderId, providerRefundId: params.queryId || null, amountCents: amount.fen,
      outcome: isUnionPaySuccess(params.respCode) ? 'succeeded' : 'failed', detail: `${params.respCode ?? ''} ${params.respMsg ?? ''}`.trim(),
    },
  };
}

export interface NotifyReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

function reply(provider: RefundNotifyProvider, isAccepted: boolean): NotifyReply {
  if (provider === 'wechat-pay') {
    return isAccepted ? { status: 204, body: '', headers: {} } : { status: 400, body: JSON.stringify({ code: 'FAIL', message: '失败' }), headers: { 'content-type': 'application/json' } };
  }
  // UnionPay counts any HTTP 200 as received and retries otherwise (acp demo answers "ok")
  return isAccepted ? { status: 200, body: 'ok', headers: { 'content-type': 'text/plain' } } : { status: 400, body: 'fail', headers: { 'content-type': 'text/plain' } };
}

/**
 * Handles one refund notification: verify as the provider signs, find our refund by out_refund_no,
 * check the amount, settle it once (a replay finds it settled and changes nothing). Every delivery
 * is logged in payment_notifications (kind 'refund') with the outcome; refused ones change nothing else.
 */
export async function handleRefundNotification(db: Database, input: {
  provider: RefundNotifyProvider; headers: Record<string, string>; body: string; config: RefundGatewayConfig; now?: Date;
}): Promise<NotifyReply & { outcome: string }> {
  const method = METHOD_OF[input.provider];
  const actor: Actor = { type: 'integration', id: null, name: method };
  const read = input.provider === 'wechat-pay' ? readWechat(input.config, input.headers, input.body, input.now ?? new Date()) : readUnionPay(input.config, input.body);
  const log = async (entry: { isVerified: boolean; outcome: string; error?: string; outTradeNo?: string | null; providerTxnId?: string | null; paymentId?: number | null }) => {
    await db.insert(paymentNotifications).values({
      method, kind: 'refund', headers: input.headers, body: input.body, isVerified: entry.isVerified, outcome: entry.outcome,
      error: entry.error ?? null, outTradeNo: entry.outTradeNo ?? null, providerTxnId: entry.providerTxnId ?? null, paymentId: entry.paymentId ?? null,
    });
  };
  if (!read.ok) {
    await log({ isVerified: read.isVerified, outcome: 'rejected', error: read.reason });
    return { ...reply(input.provider, false), outcome: 'rejected' };
  }
  const { news } = read;
  const [refund] = await db.select().from(refunds).where(eq(refunds.outRefundNo, news.outRefundNo));
  const [payment] = refund ? await db.select().from(payments).where(eq(payments.id, refund.paymentId)) : [];
  const base = { isVerified: true, outTradeNo: payment?.outTradeNo ?? null, providerTxnId: news.providerRefundId, paymentId: payment?.id ?? null };
  if (!refund || !payment || payment.method !== method) {
    await log({ ...base, outcome: 'rejected', error: `unknown out_refund_no ${news.outRefundNo}` });
    return { ...reply(input.provider, false), outcome: 'rejected' };
  }
  if (news.amountCents !== refund.amountCents) {
    await log({ ...base, outcome: 'rejected', error: `amount ${news.amountCents} differs from the refund's ${refund.amountCents}` });
    await recordReconciliationIssue(db, {
      kind: 'refund_amount_mismatch', method, paymentId: payment.id, refundId: refund.id, orderId: refund.orderId,
      details: { ours: refund.amountCents, provider: news.amountCents, source: 'notification' },
    });
    return { ...reply(input.provider, false), outcome: 'rejected' };
  }
  if (news.outcome === 'processing') {
    await log({ ...base, outcome: 'ignored', error: 'still processing' });
    return { ...reply(input.provider, true), outcome: 'ignored' };
  }
  const settled = await settleRefund(db, {
    refundId: refund.id, outcome: news.outcome, providerRefundId: news.providerRefundId, source: 'notification', actor,
    detail: news.outcome === 'failed' ? news.detail : undefined,
  });
  if (!settled.ok) {
    await log({ ...base, outcome: 'conflict', error: settled.message });
    await recordReconciliationIssue(db, {
      kind: 'refund_state_mismatch', method, paymentId: payment.id, refundId: refund.id, orderId: refund.orderId,
      details: { ours: settled.params?.status ?? refund.status, provider: news.outcome, source: 'notification' },
    });
    // acknowledged: resending will not change the disagreement; a person resolves it
    return { ...reply(input.provider, true), outcome: 'conflict' };
  }
  const outcome = settled.data.changed ? 'applied' : 'duplicate';
  await log({ ...base, outcome });
  return { ...reply(input.provider, true), outcome };
}
