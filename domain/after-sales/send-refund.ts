import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { safeText } from '@/domain/shared/safe-text';
import type { Database } from '@/db/client';
import { afterSalesRequests, type AfterSalesRequest } from '@/db/schema/after-sales';
import { refunds, type Refund } from '@/db/schema/payments';
import type { PaymentsRequestContext } from '@/domain/payments/providers/resolve-provider';
import type { ProviderTransport } from '@/domain/payments/providers/transport';
import { requestRefund, type RequestRefundFailure } from '@/domain/payments/refunds/request-refund';
import { submitRefund } from '@/domain/payments/refunds/submit-refund';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { appendAfterSalesEvent } from './after-sales-event';
import { releaseUnshippedUnits } from './release-unshipped';
import { loadRequest, transitionRequest, type TransitionFailure } from './transition-request';

export const ZSendRefund = z.object({
  requestId: z.number().int().positive(),
  /** finance may lower the proposal, never raise it; omitted: the proposal */
  amountCents: z.number().int().positive().max(1_000_000_000).optional(),
  /** manual payment methods: the reference of the transfer that paid the money back */
  reference: safeText().trim().min(1).max(100).optional(),
});
export type TSendRefund = z.input<typeof ZSendRefund>;

/**
 * Failure codes: `invalid`; `exceeds_proposed` (params.proposedCents); `refund_failed` (the provider
 * did not take it: the request stays refunding with the error, send again to retry; params.detail);
 * those of requestRefund (`exceeds_refundable` with params.refundableCents, `reference_required`,
 * `no_payment` ...) and of transitionRequest.
 */
export type SendRefundFailure = TransitionFailure | RequestRefundFailure | 'exceeds_proposed' | 'refund_failed';

const WAITING = { refund_only: 'approved', return_refund: 'inspected' } as const;

/**
 * Sends a request's refund through the payments' one refund path (original provider, capped by
 * paid minus refunded, idempotent by out_refund_no). The request row is locked while the refund
 * row is recorded, so two clicks record one refund; the provider is called after the commit. A
 * failed call leaves the request in refunding with the error: sending again re-submits the same
 * pending refund (or, once the provider refused it for good, records a new one), never a second.
 */
export async function sendRefund(
  db: Database,
  raw: TSendRefund & { actor: Actor; payments?: PaymentsRequestContext; transport?: ProviderTransport },
): Promise<Result<AfterSalesRequest, SendRefundFailure>> {
  const parsed = ZSendRefund.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'The refund is not valid', zodFieldErrors(parsed.error));
  const input = parsed.data;
  const { actor } = raw;

  const recorded = await inTransaction<{ request: AfterSalesRequest; refund: Refund }, SendRefundFailure>(
    db,
    async (tx) => {
      const found = await loadRequest(tx, input.requestId, true);
      if (!found.ok) return found;
      let request = found.data;
      const previous =
        request.refundId === null
          ? undefined
          : (await tx.select().from(refunds).where(eq(refunds.id, request.refundId)))[0];
      if (request.status === 'refunding' && previous && previous.status !== 'failed')
        return ok({ request, refund: previous });

      const waitsFor =
        request.kind === 'refund_only' || request.kind === 'return_refund' ? WAITING[request.kind] : null;
      if (request.status !== 'refunding' && request.status !== waitsFor) {
        return fail(
          'invalid_transition',
          `request ${request.number} is ${request.status} and is not waiting for its refund`,
          undefined,
          { status: request.status, number: request.number },
        );
      }
      const proposed = request.refundProposedCents ?? 0;
      const amountCents = input.amountCents ?? (previous?.status === 'failed' ? previous.amountCents : proposed);
      if (amountCents > proposed) {
        return fail(
          'exceeds_proposed',
          `At most the proposed ${proposed} fen can be refunded for this request`,
          { amountCents: ['exceeds_proposed'] },
          { proposedCents: proposed },
        );
      }
      const isFirst = request.status !== 'refunding';
      if (isFirst) {
        // lock order as cancelling an order takes them: the order (released units) before the payment (the refund)
        const released = await releaseUnshippedUnits(tx, request, actor);
        if (!released.ok) return fail('invalid_transition', released.message, undefined, { status: request.status });
      }
      const refund = await requestRefund(tx, {
        orderId: request.orderId,
        amountCents,
        reason: `after-sales ${request.number}`,
        reference: input.reference,
        actor,
      });
      if (!refund.ok) return refund;
      if (!isFirst) {
        [request] = await tx
          .update(afterSalesRequests)
          .set({ refundId: refund.data.id, refundError: null, updatedAt: sql`now()` })
          .where(eq(afterSalesRequests.id, request.id))
          .returning();
        await appendAfterSalesEvent(tx, {
          requestId: request.id,
          kind: 'refund',
          actor,
          details: { refundId: refund.data.id, amountCents, retry: true },
        });
      } else {
        const moved = await transitionRequest(tx, {
          request,
          to: 'refunding',
          actor,
          set: { refundId: refund.data.id, refundError: null },
          details: { refundId: refund.data.id, amountCents, proposedCents: proposed },
        });
        if (!moved.ok) return moved;
        request = moved.data;
      }
      return ok({ request, refund: refund.data });
    },
  );
  if (!recorded.ok) return recorded;
  let { refund } = recorded.data;
  const { request } = recorded.data;

  if (refund.status === 'pending') {
    const submitted = await submitRefund(db, {
      refundId: refund.id,
      actor,
      payments: raw.payments,
      transport: raw.transport,
    });
    if (!submitted.ok) return recordFailure(db, request, actor, submitted.message);
    refund = submitted.data.refund;
  }
  if (refund.status === 'failed')
    return recordFailure(db, request, actor, `the provider refused refund ${refund.outRefundNo}`);
  if (refund.status === 'succeeded') return completeRefundedRequest(db, request.id, actor);
  return ok(request);
}

async function recordFailure(db: Database, request: AfterSalesRequest, actor: Actor, detail: string) {
  await db.transaction(async (tx) => {
    await tx
      .update(afterSalesRequests)
      .set({ refundError: detail, updatedAt: sql`now()` })
      .where(eq(afterSalesRequests.id, request.id));
    await appendAfterSalesEvent(tx as unknown as Database, {
      requestId: request.id,
      kind: 'refund_failed',
      actor,
      message: detail,
      details: { refundId: request.refundId },
    });
  });
  return fail(
    'refund_failed',
    `The refund did not go through: ${detail}. The request stays in refunding; send it again to retry.`,
    undefined,
    { detail },
  );
}

/**
 * refunding -> completed once its refund succeeded (called after sending, and by anyone who sees
 * the refund settle later). Failure codes: those of transitionRequest; `refund_failed` when the
 * refund has not succeeded (yet).
 */
export async function completeRefundedRequest(
  db: Database,
  requestId: number,
  actor: Actor,
): Promise<Result<AfterSalesRequest, TransitionFailure | 'refund_failed'>> {
  return inTransaction<AfterSalesRequest, TransitionFailure | 'refund_failed'>(db, async (tx) => {
    const found = await loadRequest(tx, requestId);
    if (!found.ok) return found;
    if (found.data.status === 'completed') return ok(found.data);
    const [refund] =
      found.data.refundId === null ? [] : await tx.select().from(refunds).where(eq(refunds.id, found.data.refundId));
    if (refund?.status !== 'succeeded')
      return fail('refund_failed', `the refund of request ${found.data.number} has not succeeded`, undefined, {
        detail: refund?.status ?? 'none',
      });
    return transitionRequest(tx, {
      request: found.data,
      to: 'completed',
      actor,
      set: { refundError: null },
      details: { refundId: refund.id },
    });
  });
}
