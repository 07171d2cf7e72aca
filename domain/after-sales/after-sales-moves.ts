import { z } from 'zod';
import type { Database } from '@/db/client';
import { getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';
import type { PaymentsRequestContext } from '@/domain/payments/providers/resolve-provider';
import type { Actor } from '@/domain/shared/actor';
import type { Result } from '@/domain/shared/result';
import type { Permission } from '@/domain/staff/permissions';
import { PERMISSION_OF, type AfterSalesAction } from './after-sales-actions';
import { approveAfterSalesRequest, ZApproveAfterSalesRequest } from './approve-after-sales-request';
import { cancelAfterSalesRequest, ZCancelAfterSalesRequest } from './cancel-after-sales-request';
import { completeReplacement } from './complete-replacement';
import { proposeRefund, ZProposeRefund } from './propose-refund';
import { receiveAndInspect, ZReceiveAndInspect } from './receive-and-inspect';
import { recordReturnParcel, ZRecordReturnParcel } from './record-return-parcel';
import { rejectAfterSalesRequest, ZRejectAfterSalesRequest } from './reject-after-sales-request';
import { sendRefund, ZSendRefund } from './send-refund';
import { shipReplacement, ZShipReplacement } from './ship-replacement';

/** What a move needs from its caller besides the input: who acts, and (refunds) the payments context. */
export interface MoveDeps {
  actor: Actor;
  payments: () => PaymentsRequestContext;
}

export interface AfterSalesMove<S extends z.ZodType<{ requestId: number }> = z.ZodType<{ requestId: number }>> {
  permission: Permission;
  /** the operation's own input schema (the request id included) */
  schema: S;
  run: (db: Database, input: z.output<S>, deps: MoveDeps) => Promise<Result<unknown>>;
}

function move<S extends z.ZodType<{ requestId: number }>>(
  action: AfterSalesAction,
  schema: S,
  run: AfterSalesMove<S>['run'],
): AfterSalesMove<S> {
  return { permission: PERMISSION_OF[action], schema, run };
}

const ZRequestOnly = z.object({ requestId: z.number().int().positive() });

/**
 * Every workflow move of a request, in one place: its permission, its operation's schema, and how the
 * operation is called (parcels subscribed with the configured tracking aggregator, refunds through
 * the payments context). The request page's server actions and the REST API both run these.
 */
export const AFTER_SALES_MOVES = {
  approve: move('approve', ZApproveAfterSalesRequest, (db, input, { actor }) =>
    approveAfterSalesRequest(db, { ...input, actor }),
  ),
  reject: move('reject', ZRejectAfterSalesRequest, (db, input, { actor }) =>
    rejectAfterSalesRequest(db, { ...input, actor }),
  ),
  cancel: move('cancel', ZCancelAfterSalesRequest, (db, input, { actor }) =>
    cancelAfterSalesRequest(db, { ...input, actor }),
  ),
  record_return: move('record_return', ZRecordReturnParcel, async (db, input, { actor }) =>
    recordReturnParcel(db, { ...input, actor, tracking: await getTrackingProvider(db) }),
  ),
  receive: move('receive', ZReceiveAndInspect, (db, input, { actor }) => receiveAndInspect(db, { ...input, actor })),
  propose_refund: move('propose_refund', ZProposeRefund, (db, input, { actor }) =>
    proposeRefund(db, { ...input, actor }),
  ),
  send_refund: move('send_refund', ZSendRefund, (db, input, { actor, payments }) =>
    sendRefund(db, { ...input, actor, payments: payments() }),
  ),
  ship_replacement: move('ship_replacement', ZShipReplacement, async (db, input, { actor }) =>
    shipReplacement(db, { ...input, actor, tracking: await getTrackingProvider(db) }),
  ),
  complete_replacement: move('complete_replacement', ZRequestOnly, (db, input, { actor }) =>
    completeReplacement(db, { requestId: input.requestId, actor }),
  ),
} satisfies Record<AfterSalesAction, { permission: Permission }>;

/** A move with its input type erased, for callers that parse the input with `schema` first (the REST API). */
export function afterSalesMove(action: AfterSalesAction): AfterSalesMove {
  return AFTER_SALES_MOVES[action] as unknown as AfterSalesMove;
}
