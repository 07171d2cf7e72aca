import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema/orders';
import { payments, type Payment, type PaymentCheckout, type PaymentMethod } from '@/db/schema/payments';
import { staffIdOf } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { PROVIDER_METHODS, type ProviderMethod } from './payment-methods-config';
import { absoluteUrl, notifyUrl } from './notify-urls';
import { fetchTransport, type ProviderTransport } from './provider-transport';
import { buildAlipayPagePay } from './requests/alipay-page-pay';
import { buildUnionPayFrontTrans } from './requests/unionpay-front-trans';
import { buildWechatNativeOrder, verifyWechatResponse, type WechatMerchant } from './requests/wechat-pay-api';
import { resolveProvider, type PaymentsContext, type ProviderCredentials } from './resolve-provider';
import { sandboxTransport } from './sandbox/sandbox-api';

/** A request's view of the payments code: the context plus the origin buyers and providers reach us on. */
export interface PaymentsRequestContext extends PaymentsContext {
  origin: string;
}

/**
 * Failure codes: `manual_method` (bank transfer / COD are confirmed by hand), `not_found`,
 * `not_pending_payment` (params.status), `cash_on_delivery`, `disabled` / `sandbox_refused` /
 * `not_configured` (see resolveProvider), `provider_error` (params.detail: the provider refused
 * to create the payment; the attempt is recorded as failed).
 */
export type CreatePaymentAttemptError =
  | 'manual_method' | 'not_found' | 'not_pending_payment' | 'cash_on_delivery' | 'disabled' | 'sandbox_refused' | 'not_configured' | 'provider_error';

/** Letters and digits only, at most 32: what Alipay, WeChat Pay (6-32) and UnionPay (8-32, no '_') all accept. */
export function newOutTradeNo(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${String(randomInt(10 ** 9)).padStart(9, '0')}${String(randomInt(1000)).padStart(3, '0')}`;
}

export function isProviderMethod(method: PaymentMethod): method is ProviderMethod {
  return (PROVIDER_METHODS as readonly string[]).includes(method);
}

/** Live providers over HTTP; the sandbox answered in-process. */
export function transportFor(credentials: ProviderCredentials, ctx: PaymentsRequestContext): ProviderTransport {
  return credentials.mode === 'sandbox' ? sandboxTransport(ctx) : fetchTransport;
}

export function wechatMerchantOf(credentials: ProviderCredentials, origin: string): WechatMerchant {
  return {
    mchId: credentials.merchantId, appId: credentials.appId, apiBase: absoluteUrl(origin, credentials.gatewayUrl),
    merchantSerial: credentials.merchantSerial, merchantPrivateKeyPem: credentials.merchantPrivateKeyPem,
  };
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
  const credentials = resolved.data;
  const now = input.now ?? new Date();

  const created = await inTransaction<{ payment: Payment; orderNumber: string }, CreatePaymentAttemptError>(ctx.db, async (tx) => {
    // locked, so a cancellation in flight finishes first and we see it
    const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for('update');
    if (!order) return fail('not_found', `Order #${input.orderId} does not exist`);
    if (order.isCashOnDelivery) return fail('cash_on_delivery', 'a cash-on-delivery order is paid at the door');
    if (order.status !== 'pending_payment') return fail('not_pending_payment', `the order is ${order.status}`, undefined, { status: order.status });
    const [payment] = await tx.insert(payments).values({
      orderId: order.id, method, status: 'pending', outTradeNo: newOutTradeNo(now), merchantId: credentials.merchantId,
      amountCents: order.totalCents, currency: order.currency, createdBy: staffIdOf(input.actor), createdAt: now,
    }).returning();
    return ok({ payment, orderNumber: order.number });
  });
  if (!created.ok) return created;
  const { payment, orderNumber } = created.data;

  const checkout = await buildCheckout(ctx, credentials, payment, orderNumber, input.transport ?? transportFor(credentials, ctx), now);
  if (!checkout.ok) {
    await ctx.db.update(payments).set({ status: 'failed', closedAt: new Date() }).where(eq(payments.id, payment.id));
    return checkout;
  }
  const [updated] = await ctx.db.update(payments).set({ checkout: checkout.data }).where(eq(payments.id, payment.id)).returning();
  return ok(updated);
}

async function buildCheckout(
  ctx: PaymentsRequestContext, credentials: ProviderCredentials, payment: Payment, orderNumber: string, transport: ProviderTransport, now: Date,
): Promise<Result<PaymentCheckout, 'provider_error'>> {
  const subject = `订单 ${orderNumber}`;
  const returnUrl = `${ctx.origin}/orders/${payment.orderId}`;
  const gatewayUrl = absoluteUrl(ctx.origin, credentials.gatewayUrl);
  if (credentials.method === 'alipay') {
    const { url } = buildAlipayPagePay({
      appId: credentials.merchantId, gatewayUrl, merchantPrivateKeyPem: credentials.merchantPrivateKeyPem, outTradeNo: payment.outTradeNo,
      amountCents: payment.amountCents, subject, notifyUrl: notifyUrl(ctx.origin, 'alipay'), returnUrl, now,
    });
    return ok({ kind: 'redirect', url });
  }
  if (credentials.method === 'unionpay') {
    const { action, fields } = buildUnionPayFrontTrans({
      merId: credentials.merchantId, certId: credentials.merchantSerial, gatewayUrl, merchantPrivateKeyPem: credentials.merchantPrivateKeyPem,
      outTradeNo: payment.outTradeNo, amountCents: payment.amountCents, frontUrl: returnUrl, backUrl: notifyUrl(ctx.origin, 'unionpay'),
      // UnionPay names an order by orderId + txnTime: the attempt's creation time, so a query can name it again
      now: payment.createdAt,
    });
    return ok({ kind: 'form', action, fields });
  }
  const request = buildWechatNativeOrder({
    merchant: wechatMerchantOf(credentials, ctx.origin), outTradeNo: payment.outTradeNo, amountCents: payment.amountCents,
    description: subject, notifyUrl: notifyUrl(ctx.origin, 'wechat_pay'), now,
  });
  let response;
  try {
    response = await transport(request);
  } catch (error) {
    return fail('provider_error', `WeChat Pay could not be reached: ${error instanceof Error ? error.message : String(error)}`, undefined, { detail: 'unreachable' });
  }
  const verified = verifyWechatResponse(response, credentials.providerPublicKeyPem, credentials.providerSerial, new Date());
  if (!verified.ok) return fail('provider_error', `WeChat Pay's answer failed verification: ${verified.reason}`, undefined, { detail: verified.reason });
  let answer: { code_url?: unknown; code?: unknown; message?: unknown } = {};
  try {
    answer = JSON.parse(response.body) as typeof answer;
  } catch {
    // handled below as an answer without code_url
  }
  if (response.status !== 200 || typeof answer.code_url !== 'string') {
    const detail = `${String(answer.code ?? response.status)} ${String(answer.message ?? '')}`.trim();
    return fail('provider_error', `WeChat Pay refused the order: ${detail}`, undefined, { detail });
  }
  return ok({ kind: 'qr', codeUrl: answer.code_url });
}
