import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema/orders';
import { payments, type Payment, type PaymentMethod } from '@/db/schema/payments';
import { staffIdOf } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { PROVIDER_METHODS, type ProviderMethod } from './payment-methods-config';
import { notifyUrl } from './notify-urls';
import { PAYMENT_PROVIDERS } from './providers';
import { resolveProvider, type PaymentsRequestContext } from './providers/resolve-provider';
import type { ProviderTransport } from './providers/transport';

export type { PaymentsRequestContext } from './providers/resolve-provider';

/**
 * Failure codes: `manual_method` (bank transfer / COD are confirmed by hand), `not_found`,
 * `not_pending_payment` (params.status), `cash_on_delivery`, `disabled` / `sandbox_refused` /
 * `not_configured` (see resolveProvider; also: a live provider on a production server without
 * PAYMENTS_PUBLIC_URL), `provider_error` (params.detail: the provider refused to create the
 * payment; the attempt is recorded as failed).
 */
export type CreatePaymentAttemptError =
  | 'manual_method'
  | 'not_found'
  | 'not_pending_payment'
  | 'cash_on_delivery'
  | 'disabled'
  | 'sandbox_refused'
  | 'not_configured'
  | 'provider_error';

/** Letters and digits only, at most 32: what Alipay, WeChat Pay (6-32) and UnionPay (8-32, no '_') all accept. */
export function newOutTradeNo(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${String(randomInt(10 ** 9)).padStart(9, '0')}${String(randomInt(1000)).padStart(3, '0')}`;
}

export function isProviderMethod(method: PaymentMethod): method is ProviderMethod {
  return (PROVIDER_METHODS as readonly string[]).includes(method);
}

/**
 * Creates a payment attempt for an order pending payment: the amount is the order's total (never
 * the caller's), the out_trade_no is new, and the provider request (Alipay page pay URL, WeChat
 * Pay native QR, UnionPay front form) notifies our webhook. An order may have several attempts.
 */
export async function createPaymentAttempt(
  ctx: PaymentsRequestContext,
  input: { orderId: number; method: PaymentMethod; actor: Actor; now?: Date; transport?: ProviderTransport },
): Promise<Result<Payment, CreatePaymentAttemptError>> {
  const { method } = input;
  if (!isProviderMethod(method)) return fail('manual_method', `${method} is confirmed by hand, not through a provider`);
  const resolved = await resolveProvider(ctx, method, { requireEnabled: true });
  if (!resolved.ok) return resolved;
  const setup = input.transport ? { ...resolved.data, transport: input.transport } : resolved.data;
  // a live provider must notify a public address someone configured, never a guessed one
  if (setup.config.mode === 'live' && ctx.env.NODE_ENV === 'production' && !ctx.isPublicUrl) {
    return fail(
      'not_configured',
      'Set PAYMENTS_PUBLIC_URL to the address providers and buyers reach this console on (https://shop.example) before taking live payments',
    );
  }
  const now = input.now ?? new Date();

  const created = await inTransaction<{ payment: Payment; orderNumber: string }, CreatePaymentAttemptError>(
    ctx.db,
    async (tx) => {
      // locked, so a cancellation in flight finishes first and we see it
      const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for('update');
      if (!order) return fail('not_found', `Order #${input.orderId} does not exist`);
      if (order.isCashOnDelivery) return fail('cash_on_delivery', 'a cash-on-delivery order is paid at the door');
      if (order.status !== 'pending_payment')
        return fail('not_pending_payment', `the order is ${order.status}`, undefined, { status: order.status });
      const [payment] = await tx
        .insert(payments)
        .values({
          orderId: order.id,
          method,
          status: 'pending',
          outTradeNo: newOutTradeNo(now),
          merchantId: setup.config.merchantId,
          amountCents: order.totalCents,
          currency: order.currency,
          createdBy: staffIdOf(input.actor),
          createdAt: now,
        })
        .returning();
      return ok({ payment, orderNumber: order.number });
    },
  );
  if (!created.ok) return created;
  const { payment, orderNumber } = created.data;

  const checkout = await PAYMENT_PROVIDERS[method].createCheckout(setup, {
    payment,
    subject: `订单 ${orderNumber}`,
    notifyUrl: notifyUrl(ctx.origin, method),
    returnUrl: `${ctx.origin}/orders/${payment.orderId}`,
    now,
  });
  if (!checkout.ok) {
    await ctx.db.update(payments).set({ status: 'failed', closedAt: new Date() }).where(eq(payments.id, payment.id));
    return checkout;
  }
  const [updated] = await ctx.db
    .update(payments)
    .set({ checkout: checkout.data })
    .where(eq(payments.id, payment.id))
    .returning();
  return ok(updated);
}
