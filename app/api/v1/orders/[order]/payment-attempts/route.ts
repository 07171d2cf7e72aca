import { z } from 'zod';
import { findOrderByReference } from '@/domain/orders/find-order';
import { createPaymentAttempt } from '@/domain/payments/attempts';
import { PROVIDER_METHODS } from '@/domain/payments/payment-methods-config';
import { httpStatusOf } from '@/domain/shared/error-codes';
import { apiError, apiJson, apiRoute, readBody } from '@/lib/api/api-route';
import { paymentsContextFor } from '@/lib/payments/context';

/**
 * POST /api/v1/orders/{id or number}/payment-attempts `{ method: alipay | wechat_pay | unionpay }`:
 * opens a payment attempt for an order pending payment, exactly as finance does on the order
 * page (amount from the order, a new out_trade_no), and returns how the buyer pays: a redirect
 * URL (Alipay), a QR code text (WeChat Pay native) or a form to post (UnionPay). The order is paid
 * when the provider's signed notification arrives.
 */
export const POST = apiRoute<{ order: string }>('payments.collect', async (ctx) => {
  const { params, db, t, caller, request } = ctx;
  const body = await readBody(ctx, z.object({ method: z.enum(PROVIDER_METHODS) }));
  if (!body.ok) return body.response;
  const found = await findOrderByReference(db, params.order);
  if (found === null) return apiError(404, 'not_found', t('orders.errors.not_found'));
  const created = await createPaymentAttempt(paymentsContextFor(request), {
    orderId: found.id,
    method: body.data.method,
    actor: caller.actor,
  });
  if (!created.ok) {
    const key = `payments.order.errors.${created.code}`;
    // the order's status named in the caller's language
    const values = created.params?.status
      ? { ...created.params, status: t(`orders.status.${String(created.params.status)}`) }
      : created.params;
    const message = t.has(key) ? t(key, values) : created.message;
    // an order no longer pending payment is the same kind of failure as any other illegal move
    const code = created.code === 'not_pending_payment' ? 'invalid_transition' : created.code;
    return apiError(httpStatusOf(code), code, message);
  }
  const attempt = created.data;
  return apiJson(
    {
      data: {
        id: attempt.id,
        orderId: attempt.orderId,
        method: attempt.method,
        status: attempt.status,
        outTradeNo: attempt.outTradeNo,
        amountCents: attempt.amountCents,
        currency: attempt.currency,
        checkout: attempt.checkout,
        createdAt: attempt.createdAt,
      },
    },
    201,
  );
});
