import { z } from 'zod';
import { approveAfterSalesRequest, ZApproveAfterSalesRequest } from '@/domain/after-sales/approve-after-sales-request';
import { cancelAfterSalesRequest, ZCancelAfterSalesRequest } from '@/domain/after-sales/cancel-after-sales-request';
import { completeReplacement } from '@/domain/after-sales/complete-replacement';
import { findAfterSalesByReference } from '@/domain/after-sales/find-after-sales-request';
import { getAfterSalesRequest } from '@/domain/after-sales/get-after-sales-request';
import { proposeRefund, ZProposeRefund } from '@/domain/after-sales/propose-refund';
import { receiveAndInspect, ZReceiveAndInspect } from '@/domain/after-sales/receive-and-inspect';
import { recordReturnParcel, ZRecordReturnParcelFields } from '@/domain/after-sales/record-return-parcel';
import { rejectAfterSalesRequest, ZRejectAfterSalesRequest } from '@/domain/after-sales/reject-after-sales-request';
import { sendRefund, ZSendRefund } from '@/domain/after-sales/send-refund';
import { shipReplacement, ZShipReplacementFields } from '@/domain/after-sales/ship-replacement';
import { hasCarrier, NO_CARRIER } from '@/domain/after-sales/parcel-carrier';
import { getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';
import type { Result } from '@/domain/shared/result';
import { can, type Permission } from '@/domain/staff/permissions';
import { translateAfterSalesFailure } from '@/lib/after-sales/translate-after-sales-failure';
import { afterSalesResource } from '@/lib/api/after-sales-resource';
import { apiError, apiJson, apiRoute, failureResponse, readBody, type ApiContext } from '@/lib/api/api-route';
import { paymentsContextFor } from '@/lib/payments/context';

type Params = { request: string; action: string };
type Ctx = ApiContext<Params>;
type Move = { permission: Permission; run: (ctx: Ctx, requestId: number) => Promise<Result<unknown> | Response> };

/**
 * One move: the body checked by the operation's own schema without the request id (the URL names
 * it), then the operation, with the API key as the actor.
 */
function move<S extends z.ZodType<Record<string, unknown>>>(
  permission: Permission,
  schema: S,
  run: (ctx: Ctx, input: z.output<S> & { requestId: number }) => Promise<Result<unknown>>,
): Move {
  return {
    permission,
    run: async (ctx, requestId) => {
      const body = await readBody(ctx, schema);
      return body.ok ? run(ctx, { ...(body.data as z.output<S>), requestId }) : body.response;
    },
  };
}

const noRequestId = { requestId: true } as const;

/**
 * The after-sales moves of the REST API, the same operations as the request page's buttons (the
 * same transition table, checks and timeline rows). Body fields per action:
 * - approve, cancel: { note? }; reject: { reason } (what the buyer is told)
 * - record-return: { carrierCode or carrierId, trackingNumber }
 * - receive: { lines: [{ lineId, restock, damaged, scrap, restockWarehouseId? }], note? }
 * - propose-refund: { restockingFeeCents }; send-refund: { amountCents?, reference? }
 * - ship-replacement: { carrierCode or carrierId, trackingNumber }; complete-replacement: {}
 */
const ACTIONS: Record<string, Move> = {
  approve: move('after_sales.write', ZApproveAfterSalesRequest.omit(noRequestId), (ctx, input) =>
    approveAfterSalesRequest(ctx.db, { ...input, actor: ctx.caller.actor }),
  ),
  reject: move('after_sales.write', ZRejectAfterSalesRequest.omit(noRequestId), (ctx, input) =>
    rejectAfterSalesRequest(ctx.db, { ...input, actor: ctx.caller.actor }),
  ),
  cancel: move('after_sales.write', ZCancelAfterSalesRequest.omit(noRequestId), (ctx, input) =>
    cancelAfterSalesRequest(ctx.db, { ...input, actor: ctx.caller.actor }),
  ),
  'record-return': move(
    'after_sales.write',
    ZRecordReturnParcelFields.omit(noRequestId).refine(hasCarrier, NO_CARRIER),
    async (ctx, input) =>
      recordReturnParcel(ctx.db, { ...input, actor: ctx.caller.actor, tracking: await getTrackingProvider(ctx.db) }),
  ),
  receive: move('after_sales.receive', ZReceiveAndInspect.omit(noRequestId), (ctx, input) =>
    receiveAndInspect(ctx.db, { ...input, actor: ctx.caller.actor }),
  ),
  'propose-refund': move('after_sales.refund', ZProposeRefund.omit(noRequestId), (ctx, input) =>
    proposeRefund(ctx.db, { ...input, actor: ctx.caller.actor }),
  ),
  'send-refund': move('after_sales.refund', ZSendRefund.omit(noRequestId), (ctx, input) =>
    sendRefund(ctx.db, { ...input, actor: ctx.caller.actor, payments: paymentsContextFor(ctx.request) }),
  ),
  'ship-replacement': move(
    'shipping.write',
    ZShipReplacementFields.omit(noRequestId).refine(hasCarrier, NO_CARRIER),
    async (ctx, input) =>
      shipReplacement(ctx.db, { ...input, actor: ctx.caller.actor, tracking: await getTrackingProvider(ctx.db) }),
  ),
  'complete-replacement': move('shipping.write', z.object({}), (ctx, input) =>
    completeReplacement(ctx.db, { requestId: input.requestId, actor: ctx.caller.actor }),
  ),
};

/** POST /api/v1/after-sales/{id or number}/{action}: the request after the move, or why it did not happen. */
export const POST = apiRoute<Params>('after_sales.read', async (ctx) => {
  const { params, db, t, caller } = ctx;
  const action = Object.hasOwn(ACTIONS, params.action) ? ACTIONS[params.action] : undefined;
  if (!action)
    return apiError(
      404,
      'unknown_action',
      t('common.api.unknownAction', { action: params.action.slice(0, 40), actions: Object.keys(ACTIONS).join(', ') }),
    );
  if (!can(caller, action.permission)) return apiError(403, 'forbidden', t('common.forbidden'));
  const found = await findAfterSalesByReference(db, params.request);
  if (found === null) return apiError(404, 'not_found', t('after-sales.errors.not_found'));
  const result = await action.run(ctx, found.id);
  if (result instanceof Response) return result;
  if (!result.ok) return failureResponse(translateAfterSalesFailure(result, t));
  return apiJson({ data: afterSalesResource((await getAfterSalesRequest(db, found.id))!, caller) });
});
