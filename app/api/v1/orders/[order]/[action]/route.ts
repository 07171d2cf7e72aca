import { cancelOrder, ZCancelOrderInput } from '@/domain/orders/cancel-order';
import { completeOrder } from '@/domain/orders/complete-order';
import { confirmPayment, ZConfirmPaymentInput } from '@/domain/orders/confirm-payment';
import { findOrderByReference } from '@/domain/orders/find-order';
import { getOrder } from '@/domain/orders/get-order';
import { reviewOrder } from '@/domain/orders/review-order';
import { shipOrder, ZShipOrderFields } from '@/domain/orders/ship-order';
import type { Result } from '@/domain/shared/result';
import type { Permission } from '@/domain/staff/permissions';
import { can } from '@/domain/staff/permissions';
import { apiError, apiJson, apiRoute, orderFailureResponse, readBody, type ApiContext } from '@/lib/api/api-route';
import { orderResource } from '@/lib/api/order-resource';

type Params = { order: string; action: string };
type Ctx = ApiContext<Params>;

/**
 * The order moves of the REST API. Each runs the same domain operation as the console's button,
 * checked by the operation's own input schema without the order id, which the URL names (so the same transition table, the same checks and
 * the same timeline row, here with the API key as the actor). Body fields per action:
 * - cancel: { reason }
 * - review, complete: {}
 * - confirm-payment: { method: bank_transfer | alipay | wechat_pay | unionpay, reference }
 * - ship: { carrierCode, trackingNumber, lines?: [{ orderLineId, quantity }] }
 */
const ACTIONS: Record<
  string,
  { permission: Permission; run: (ctx: Ctx, orderId: number) => Promise<Result<unknown> | Response> }
> = {
  cancel: {
    permission: 'orders.write',
    run: async (ctx, orderId) => {
      const body = await readBody(ctx, ZCancelOrderInput.omit({ orderId: true }));
      return body.ok ? cancelOrder(ctx.db, { ...body.data, orderId, actor: ctx.caller.actor }) : body.response;
    },
  },
  review: {
    permission: 'orders.write',
    run: (ctx, orderId) => reviewOrder(ctx.db, { orderId, actor: ctx.caller.actor }),
  },
  complete: {
    permission: 'orders.write',
    run: (ctx, orderId) => completeOrder(ctx.db, { orderId, actor: ctx.caller.actor }),
  },
  'confirm-payment': {
    permission: 'payments.write',
    run: async (ctx, orderId) => {
      const body = await readBody(ctx, ZConfirmPaymentInput.omit({ orderId: true }));
      return body.ok ? confirmPayment(ctx.db, { ...body.data, orderId, actor: ctx.caller.actor }) : body.response;
    },
  },
  ship: {
    permission: 'shipping.write',
    run: async (ctx, orderId) => {
      // integrations name the carrier by its code; shipOrder looks it up and subscribes the parcel for tracking
      const body = await readBody(
        ctx,
        ZShipOrderFields.omit({ orderId: true, carrierId: true }).required({ carrierCode: true }),
      );
      return body.ok ? shipOrder(ctx.db, { ...body.data, orderId, actor: ctx.caller.actor }) : body.response;
    },
  },
};

/** POST /api/v1/orders/{id or number}/{action}: the order after the move, or why it did not happen. */
export const POST = apiRoute<Params>('orders.read', async (ctx) => {
  const { params, db, t, caller } = ctx;
  const action = ACTIONS[params.action];
  if (!action)
    return apiError(
      404,
      'unknown_action',
      t('common.api.unknownAction', { action: params.action.slice(0, 40), actions: Object.keys(ACTIONS).join(', ') }),
    );
  if (!can(caller, action.permission)) return apiError(403, 'forbidden', t('common.forbidden'));
  const found = await findOrderByReference(db, params.order);
  if (found === null) return apiError(404, 'not_found', t('orders.errors.not_found'));
  const result = await action.run(ctx, found.id);
  if (result instanceof Response) return result;
  if (!result.ok) return orderFailureResponse(result, t);
  return apiJson({ data: orderResource((await getOrder(db, found.id))!, caller) });
});
