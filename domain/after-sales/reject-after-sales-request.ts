import { z } from 'zod';
import { safeText } from '@/domain/shared/safe-text';
import type { Database } from '@/db/client';
import type { AfterSalesRequest } from '@/db/schema/after-sales';
import { appendOrderEvent } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { loadRequest, transitionRequest, type TransitionFailure } from './transition-request';

export const ZRejectAfterSalesRequest = z.object({
  requestId: z.number().int().positive(),
  /** what the buyer is told */
  reason: safeText().trim().min(1).max(500),
});
export type TRejectAfterSalesRequest = z.input<typeof ZRejectAfterSalesRequest>;

/** Failure codes: `invalid` (no reason), and those of transitionRequest. */
export async function rejectAfterSalesRequest(
  db: Database,
  raw: TRejectAfterSalesRequest & { actor: Actor },
): Promise<Result<AfterSalesRequest, TransitionFailure | 'invalid'>> {
  const parsed = ZRejectAfterSalesRequest.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'Give the reason the buyer will be told', zodFieldErrors(parsed.error));
  const { requestId, reason } = parsed.data;
  return inTransaction<AfterSalesRequest, TransitionFailure | 'invalid'>(db, async (tx) => {
    const request = await loadRequest(tx, requestId);
    if (!request.ok) return request;
    const rejected = await transitionRequest(tx, {
      request: request.data,
      to: 'rejected',
      actor: raw.actor,
      message: reason,
      set: { rejectReason: reason },
    });
    if (!rejected.ok) return rejected;
    await appendOrderEvent(tx, {
      orderId: request.data.orderId,
      kind: 'after_sales',
      actor: raw.actor,
      message: reason,
      details: { requestId, number: request.data.number, status: 'rejected' },
    });
    return rejected;
  });
}
