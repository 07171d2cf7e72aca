import { z } from 'zod';
import { safeText } from '@/domain/shared/safe-text';
import type { Database } from '@/db/client';
import type { AfterSalesRequest } from '@/db/schema/after-sales';
import { appendOrderEvent } from '@/domain/orders/order-event';
import { getSetting } from '@/domain/settings/get-setting';
import type { TAfterSalesDeadlines } from '@/domain/settings/setting-defaults';
import type { Actor } from '@/domain/shared/actor';
import { fail, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { returnsGoods } from './after-sales-status';
import { deadlineFor } from './deadlines';
import { computeProposal } from './propose-refund';
import { reserveReplacement } from './replacement-stock';
import { loadRequest, transitionRequest, type TransitionFailure } from './transition-request';

export const ZApproveAfterSalesRequest = z.object({
  requestId: z.number().int().positive(),
  note: safeText().trim().max(500).optional(),
});
export type TApproveAfterSalesRequest = z.input<typeof ZApproveAfterSalesRequest>;

/**
 * Failure codes: those of transitionRequest (`not_found`, `invalid_transition`, `conflict` with
 * params.status), `invalid`, and for exchange / reship `insufficient_stock` (params.skus) /
 * `unknown_stock` / `no_replacement` when the replacement cannot be reserved (nothing changes).
 */
export type ApproveFailure = TransitionFailure | 'invalid' | 'insufficient_stock' | 'unknown_stock' | 'no_replacement';

/**
 * Approval inside the caller's transaction (a person's action, or the deadline sweep): requested
 * -> approved, then for kinds whose goods come back -> awaiting_return with the buyer's deadline;
 * exchange and reship reserve their replacement now; refund-only gets its refund proposed.
 */
export async function approveRequestIn(
  tx: Database,
  request: AfterSalesRequest,
  actor: Actor,
  rules: TAfterSalesDeadlines,
  note?: string | null,
): Promise<Result<AfterSalesRequest, ApproveFailure>> {
  const proposal = request.kind === 'refund_only' ? await computeProposal(tx, request, 'requested') : null;
  const approved = await transitionRequest(tx, {
    request,
    to: 'approved',
    actor,
    message: note ?? null,
    set: { deadlineAt: null, ...(proposal ? { refundProposedCents: proposal.totalCents } : {}) },
    ...(proposal ? { details: { proposal } } : {}),
  });
  if (!approved.ok) return approved;
  const reserved = await reserveReplacement(tx, approved.data, actor);
  if (!reserved.ok) return reserved;
  let current = approved.data;
  if (returnsGoods(request.kind)) {
    const waiting = await transitionRequest(tx, {
      request: current,
      to: 'awaiting_return',
      actor,
      set: { deadlineAt: deadlineFor('awaiting_return', rules, new Date()) },
    });
    if (!waiting.ok) return waiting;
    current = waiting.data;
  }
  await appendOrderEvent(tx, {
    orderId: request.orderId,
    kind: 'after_sales',
    actor,
    message: note ?? null,
    details: { requestId: request.id, number: request.number, kind: request.kind, status: current.status },
  });
  return { ok: true, data: current };
}

/** A person approves a request. */
export async function approveAfterSalesRequest(
  db: Database,
  raw: TApproveAfterSalesRequest & { actor: Actor },
): Promise<Result<AfterSalesRequest, ApproveFailure>> {
  const parsed = ZApproveAfterSalesRequest.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'The approval is not valid', zodFieldErrors(parsed.error));
  const rules = await getSetting(db, 'after_sales_deadlines');
  return inTransaction<AfterSalesRequest, ApproveFailure>(db, async (tx) => {
    const request = await loadRequest(tx, parsed.data.requestId);
    if (!request.ok) return request;
    return approveRequestIn(tx, request.data, raw.actor, rules, parsed.data.note);
  });
}
