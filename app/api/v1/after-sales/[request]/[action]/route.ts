import { z } from 'zod';
import type { AfterSalesAction } from '@/domain/after-sales/after-sales-actions';
import { afterSalesMove } from '@/domain/after-sales/after-sales-moves';
import { findAfterSalesByReference } from '@/domain/after-sales/find-after-sales-request';
import { getAfterSalesRequest } from '@/domain/after-sales/get-after-sales-request';
import { can } from '@/domain/staff/permissions';
import { translateAfterSalesFailure } from '@/lib/after-sales/translate-after-sales-failure';
import { afterSalesResource, API_ACTION_NAMES } from '@/lib/api/after-sales-resource';
import { apiError, apiJson, apiRoute, failureResponse, parseInput, readBody } from '@/lib/api/api-route';
import { paymentsContextFor } from '@/lib/payments/context';

type Params = { request: string; action: string };

const ACTION_OF_NAME = new Map(
  Object.entries(API_ACTION_NAMES).map(([action, name]) => [name, action as AfterSalesAction]),
);

/**
 * POST /api/v1/after-sales/{id or number}/{action}: the request after the move, or why it did not
 * happen. Each action is the same move as the request page's button (domain/after-sales/after-sales-moves.ts:
 * permission, the operation's own schema, the operation), with the request id from the URL and the
 * API key as the actor. Body fields per action:
 * - approve, cancel: { note? }; reject: { reason } (what the buyer is told)
 * - record-return, ship-replacement: { carrierCode or carrierId, trackingNumber }
 * - receive: { lines: [{ lineId, restock, damaged, scrap, restockWarehouseId? }], note? }
 * - propose-refund: { restockingFeeCents }; send-refund: { amountCents?, reference? }; complete-replacement: {}
 */
export const POST = apiRoute<Params>('after_sales.read', async (ctx) => {
  const { params, db, t, caller, request } = ctx;
  const action = ACTION_OF_NAME.get(params.action);
  if (!action)
    return apiError(
      404,
      'unknown_action',
      t('common.api.unknownAction', {
        action: params.action.slice(0, 40),
        actions: [...ACTION_OF_NAME.keys()].join(', '),
      }),
    );
  const move = afterSalesMove(action);
  if (!can(caller, move.permission)) return apiError(403, 'forbidden', t('common.forbidden'));
  const found = await findAfterSalesByReference(db, params.request);
  if (found === null) return apiError(404, 'not_found', t('after-sales.errors.not_found'));
  const body = await readBody(ctx, z.record(z.string(), z.unknown()));
  if (!body.ok) return body.response;
  // the URL names the request; a requestId in the body is not the caller's to choose
  const input = parseInput(ctx, move.schema, { ...body.data, requestId: found.id });
  if (!input.ok) return input.response;
  const result = await move.run(db, input.data, { actor: caller.actor, payments: () => paymentsContextFor(request) });
  if (!result.ok) return failureResponse(translateAfterSalesFailure(result, t));
  return apiJson({ data: afterSalesResource((await getAfterSalesRequest(db, found.id))!, caller) });
});
