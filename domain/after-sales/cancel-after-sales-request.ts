import { z } from 'zod';
import { safeText } from '@/domain/shared/safe-text';
import type { Database } from '@/db/client';
import type { AfterSalesRequest, AfterSalesStatus } from '@/db/schema/after-sales';
import { appendOrderEvent } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { releaseReplacement } from './replacement-stock';
import { loadRequest, transitionRequest, type TransitionFailure } from './transition-request';

export const ZCancelAfterSalesRequest = z.object({
  requestId: z.number().int().positive(),
  note: safeText().trim().max(500).optional(),
});
export type TCancelAfterSalesRequest = z.input<typeof ZCancelAfterSalesRequest>;

/**
 * Ends a request that is withdrawn (cancelled) or timed out (closed, by the sweep) inside the
 * caller's transaction; an approved exchange or reship gives its replacement's reservation back.
 */
export async function endRequestIn(
  tx: Database,
  request: AfterSalesRequest,
  to: Extract<AfterSalesStatus, 'cancelled' | 'closed'>,
  actor: Actor,
  note?: string | null,
): Promise<Result<AfterSalesRequest, TransitionFailure | 'insufficient_stock' | 'unknown_stock'>> {
  const ended = await transitionRequest(tx, { request, to, actor, message: note ?? null });
  if (!ended.ok) return ended;
  // the replacement was reserved at approval and nothing has shipped yet (the table allows no cancel after)
  if (request.status !== 'requested') {
    const released = await releaseReplacement(tx, request, actor);
    if (!released.ok) return released;
  }
  await appendOrderEvent(tx, {
    orderId: request.orderId,
    kind: 'after_sales',
    actor,
    message: note ?? null,
    details: { requestId: request.id, number: request.number, status: to },
  });
  return ended;
}

/** The buyer withdraws a request (while nothing irreversible happened). Failure codes: `invalid`, those of transitionRequest. */
export async function cancelAfterSalesRequest(
  db: Database,
  raw: TCancelAfterSalesRequest & { actor: Actor },
): Promise<Result<AfterSalesRequest, TransitionFailure | 'invalid' | 'insufficient_stock' | 'unknown_stock'>> {
  const parsed = ZCancelAfterSalesRequest.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'The cancellation is not valid', zodFieldErrors(parsed.error));
  return inTransaction<AfterSalesRequest, TransitionFailure | 'invalid' | 'insufficient_stock' | 'unknown_stock'>(
    db,
    async (tx) => {
      const request = await loadRequest(tx, parsed.data.requestId);
      if (!request.ok) return request;
      return endRequestIn(tx, request.data, 'cancelled', raw.actor, parsed.data.note);
    },
  );
}
