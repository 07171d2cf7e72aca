import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { carriers } from '@/db/schema/logistics';
import { cancelOrder } from '@/domain/orders/cancel-order';
import { completeOrder } from '@/domain/orders/complete-order';
import { confirmPayment, MANUAL_PAYMENT_METHODS } from '@/domain/orders/confirm-payment';
import { getOrder } from '@/domain/orders/get-order';
import { ZCancelReason } from '@/domain/orders/order-input';
import { reviewOrder } from '@/domain/orders/review-order';
import { shipOrder } from '@/domain/orders/ship-order';
import type { Result } from '@/domain/shared/result';
import type { Permission } from '@/domain/staff/permissions';
import { can } from '@/domain/staff/permissions';
import { apiError, apiJson, apiRoute, failureResponse, readBody, type ApiContext } from '@/lib/api/api-route';
import { orderResource } from '@/lib/api/order-resource';
import { explainOrderFailure } from '@/lib/orders/explain-order-failure';
import { findOrderId } from '../order-param';

type Params = { order: string; action: string };
type Ctx = ApiContext<Params>;

/**
 * The order moves of the REST API. Each runs the same domain operation as the console's button
 * (so the same transition table, the same checks and the same timeline row, here with the API key
 * as the actor). Body fields per action:
 * - cancel: { reason }
 * - review, complete: {}
 * - confirm-payment: { method: bank_transfer | alipay | wechat_pay | unionpay, reference }
 * - ship: { carrierCode, trackingNumber, lines?: [{ orderLineId, quantity }] }
 */
const ACTIONS: Record<string, { permission: Permission; run: (ctx: Ctx, orderId: number) => Promise<Result<unknown> | Response> }> = {
  cancel: {
    permission: 'orders.write',
    run: async (ctx, orderId) => {
      const body = await readBody(ctx, z.object({ reason: ZCancelReason }));
      return body.ok ? cancelOrder(ctx.db, { orderId, reason: body.data.reason, actor: ctx.caller.actor }) : body.response;
    },
  },
  review: { permission: 'orders.write', run: (ctx, orderId) => reviewOrder(ctx.db, { orderId, actor: ctx.caller.actor }) },
  complete: { permission: 'orders.write', run: (ctx, orderId) => completeOrder(ctx.db, { orderId, actor: ctx.caller.actor }) },
  'confirm-payment': {
    permission: 'payments.write',
    run: async (ctx, orderId) => {
      const body = await readBody(ctx, z.object({
        method: z.enum(MANUAL_PAYMENT_METHODS),
        reference: z.string().trim().min(1, 'orders.actions.validation.reference').max(100),
      }));
      return body.ok ? confirmPayment(ctx.db, { orderId, ...body.data, actor: ctx.caller.actor }) : body.response;
    },
  },
  ship: {
    permission: 'shipping.write',
    run: async (ctx, orderId) => {
      const body = await readBody(ctx, z.object({
        carrierCode: z.string().trim().min(1, 'orders.actions.validation.carrier').max(40),
        trackingNumber: z.string().trim().min(1, 'orders.actions.validation.trackingNumber').max(40),
        lines: z.array(z.object({ orderLineId: z.number().int().positive(), quantity: z.number().int().min(0) })).max(500).optional(),
      }));
      if (!body.ok) return body.response;
      const [carrier] = await ctx.db.select({ id: carriers.id }).from(carriers).where(eq(carriers.code, body.data.carrierCode));
      if (!carrier) return apiError(422, 'unknown_carrier', ctx.t('orders.actions.validation.carrier'), { carrierCode: [ctx.t('orders.actions.validation.carrier')] });
      return shipOrder(ctx.db, { orderId, carrierId: carrier.id, trackingNumber: body.data.trackingNumber, lines: body.data.lines, actor: ctx.caller.actor });
    },
  },
};

/** POST /api/v1/orders/{id or number}/{action}: the order after the move, or why it did not happen. */
export const POST = apiRoute<Params>('orders.read', async (ctx) => {
  const { params, db, t, caller } = ctx;
  const action = ACTIONS[params.action];
  if (!action) return apiError(404, 'unknown_action', t('common.api.unknownAction', { action: params.action.slice(0, 40), actions: Object.keys(ACTIONS).join(', ') }));
  if (!can(caller, action.permission)) return apiError(403, 'forbidden', t('common.forbidden'));
  const orderId = await findOrderId(db, params.order);
  if (orderId === null) return apiError(404, 'not_found', t('orders.errors.not_found'));
  const result = await action.run(ctx, orderId);
  if (result instanceof Response) return result;
  if (!result.ok) return failureResponse(await explainOrderFailure(db, orderId, result, t));
  return apiJson({ data: orderResource((await getOrder(db, orderId))!, caller) });
});
