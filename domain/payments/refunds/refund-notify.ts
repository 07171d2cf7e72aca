import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { paymentNotifications, payments, refunds, type PaymentMethod } from '@/db/schema/payments';
import { recordReconciliationIssue } from '@/domain/payments/reconciliation/record-issue';
import type { Actor } from '@/domain/shared/actor';
import { PAYMENT_PROVIDERS } from '../providers';
import { resolveProvider, type PaymentsContext } from '../providers/resolve-provider';
import type { NotificationAnswer, RefundNotificationRead } from '../providers/types';
import { settleRefund } from './settle-refund';
import { toStorableText } from '@/domain/shared/safe-text';

/** Providers that notify refund results (Alipay answers refunds synchronously). */
export const REFUND_NOTIFY_PROVIDERS = ['wechat-pay', 'unionpay'] as const;
export const ZRefundNotifyProvider = z.enum(REFUND_NOTIFY_PROVIDERS);
export type RefundNotifyProvider = z.infer<typeof ZRefundNotifyProvider>;

const METHOD_OF = { 'wechat-pay': 'wechat_pay', unionpay: 'unionpay' } as const satisfies Record<
  RefundNotifyProvider,
  PaymentMethod
>;

export type NotifyReply = NotificationAnswer;

/**
 * Handles one refund notification: verify as the provider signs, find our refund by out_refund_no,
 * check the amount, settle it once (a replay finds it settled and changes nothing). Every delivery
 * is logged in payment_notifications (kind 'refund') with the outcome; refused ones change nothing else.
 */
export async function handleRefundNotification(
  ctx: PaymentsContext,
  input: {
    provider: RefundNotifyProvider;
    headers: Record<string, string>;
    body: string;
    now?: Date;
  },
): Promise<NotifyReply & { outcome: string }> {
  const { db } = ctx;
  const method = METHOD_OF[input.provider];
  const adapter = PAYMENT_PROVIDERS[method];
  const reply = (isAccepted: boolean) => adapter.refundNotificationAnswer(isAccepted);
  const actor: Actor = { type: 'integration', id: null, name: method };
  // the same configuration the refund was sent with: live keys or the sandbox's
  const resolved = await resolveProvider(ctx, method);
  const read: RefundNotificationRead = resolved.ok
    ? adapter.readRefundNotification(
        resolved.data.config,
        { headers: input.headers, body: input.body },
        input.now ?? new Date(),
      )
    : { ok: false, reason: resolved.code, isVerified: false };
  const log = async (entry: {
    isVerified: boolean;
    outcome: string;
    error?: string;
    outTradeNo?: string | null;
    providerTxnId?: string | null;
    paymentId?: number | null;
  }) => {
    await db.insert(paymentNotifications).values({
      method,
      kind: 'refund',
      headers: input.headers,
      body: toStorableText(input.body),
      isVerified: entry.isVerified,
      outcome: entry.outcome,
      error: entry.error ?? null,
      outTradeNo: entry.outTradeNo ?? null,
      providerTxnId: entry.providerTxnId ?? null,
      paymentId: entry.paymentId ?? null,
    });
  };
  if (!read.ok) {
    await log({ isVerified: read.isVerified, outcome: 'rejected', error: read.reason });
    return { ...reply(false), outcome: 'rejected' };
  }
  const { news } = read;
  const [refund] = await db.select().from(refunds).where(eq(refunds.outRefundNo, news.outRefundNo));
  const [payment] = refund ? await db.select().from(payments).where(eq(payments.id, refund.paymentId)) : [];
  const base = {
    isVerified: true,
    outTradeNo: payment?.outTradeNo ?? null,
    providerTxnId: news.providerRefundId,
    paymentId: payment?.id ?? null,
  };
  if (!refund || !payment || payment.method !== method) {
    await log({ ...base, outcome: 'rejected', error: `unknown out_refund_no ${news.outRefundNo}` });
    return { ...reply(false), outcome: 'rejected' };
  }
  if (news.amountCents !== refund.amountCents) {
    await log({
      ...base,
      outcome: 'rejected',
      error: `amount ${news.amountCents} differs from the refund's ${refund.amountCents}`,
    });
    await recordReconciliationIssue(db, {
      kind: 'refund_amount_mismatch',
      method,
      paymentId: payment.id,
      refundId: refund.id,
      orderId: refund.orderId,
      details: { ours: refund.amountCents, provider: news.amountCents, source: 'notification' },
    });
    return { ...reply(false), outcome: 'rejected' };
  }
  if (news.outcome === 'processing') {
    await log({ ...base, outcome: 'ignored', error: 'still processing' });
    return { ...reply(true), outcome: 'ignored' };
  }
  const settled = await settleRefund(db, {
    refundId: refund.id,
    outcome: news.outcome,
    providerRefundId: news.providerRefundId,
    source: 'notification',
    actor,
    detail: news.outcome === 'failed' ? news.detail : undefined,
  });
  if (!settled.ok) {
    await log({ ...base, outcome: 'conflict', error: settled.message });
    await recordReconciliationIssue(db, {
      kind: 'refund_state_mismatch',
      method,
      paymentId: payment.id,
      refundId: refund.id,
      orderId: refund.orderId,
      details: { ours: settled.params?.status ?? refund.status, provider: news.outcome, source: 'notification' },
    });
    // acknowledged: resending will not change the disagreement; a person resolves it
    return { ...reply(true), outcome: 'conflict' };
  }
  const outcome = settled.data.changed ? 'applied' : 'duplicate';
  await log({ ...base, outcome });
  return { ...reply(true), outcome };
}
