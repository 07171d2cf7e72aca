'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { recordRefundTransfer } from '@/domain/payments/refunds/record-refund-transfer';
import { MAX_REFUND_REASON_LENGTH, requestRefund } from '@/domain/payments/refunds/request-refund';
import { queryRefund, submitRefund, type RefundGatewayOutcome } from '@/domain/payments/refunds/submit-refund';
import { staffActor } from '@/domain/shared/actor';
import { parseYuanToFen } from '@/domain/shared/money';
import { ok, type Result } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { paymentsContext } from '@/lib/payments/context';

const ZId = z.coerce.number().int().positive();
const OPTIONS = { errorMessages: 'refunds' };

/** What the refund form learns: the refund's state and, for provider refunds, what the provider said. */
export interface RefundActionResult {
  refundId: number;
  status: 'pending' | 'succeeded' | 'failed';
  answer: 'succeeded' | 'failed' | 'processing' | 'not_found' | 'error' | null;
  detail: string | null;
}

/** The refund and what its provider answered, as the form shows them. */
function providerAnswer({ refund, answer }: RefundGatewayOutcome): RefundActionResult {
  return {
    refundId: refund.id,
    status: refund.status,
    answer: answer.kind,
    detail: 'detail' in answer ? answer.detail : null,
  };
}

function settle(orderId: number, result: Result<RefundActionResult>): Result<RefundActionResult> {
  revalidatePath(`/orders/${orderId}`);
  revalidatePath('/payments');
  return result;
}

const ZRequestRefund = z
  .object({
    orderId: ZId,
    paymentId: ZId,
    mode: z.enum(['full', 'amount', 'lines']),
    amount: z.string().trim().optional(),
    lines: z
      .array(z.object({ orderLineId: ZId, quantity: z.coerce.number().int().min(0).max(100_000) }))
      .max(500)
      .optional(),
    reason: z.string().trim().min(1, 'refunds.validation.reason').max(MAX_REFUND_REASON_LENGTH),
    reference: z.string().trim().max(100).optional(),
  })
  .transform((input, context) => {
    let amountCents: number | undefined;
    if (input.mode === 'amount') {
      const parsed = parseYuanToFen(input.amount ?? '');
      if (!parsed.ok || parsed.fen <= 0) {
        context.addIssue({ code: 'custom', path: ['amount'], message: 'refunds.validation.amount' });
        return z.NEVER;
      }
      amountCents = parsed.fen;
    }
    const lines = input.mode === 'lines' ? (input.lines ?? []).filter((line) => line.quantity > 0) : undefined;
    if (lines && lines.length === 0) {
      context.addIssue({ code: 'custom', path: ['lines'], message: 'refunds.validation.lines' });
      return z.NEVER;
    }
    return { ...input, amountCents, lines, reference: input.reference || undefined };
  });

/** Records a refund (full, by amount or by lines) and, for provider methods, sends it to the provider at once. */
export const requestRefundAction = staffAction(
  'refunds.write',
  ZRequestRefund,
  async (input, staff): Promise<Result<RefundActionResult>> => {
    const actor = staffActor(staff);
    const db = getDb();
    const requested = await requestRefund(db, {
      orderId: input.orderId,
      paymentId: input.paymentId,
      amountCents: input.amountCents,
      lines: input.lines,
      reason: input.reason,
      reference: input.reference,
      actor,
    });
    if (!requested.ok) return settle(input.orderId, requested);
    const refund = requested.data;
    if (refund.status !== 'pending')
      return settle(
        input.orderId,
        ok<RefundActionResult>({ refundId: refund.id, status: refund.status, answer: null, detail: null }),
      );
    // recorded and committed; the provider call happens outside the transaction and may be retried from the page
    const submitted = await submitRefund(db, { refundId: refund.id, actor, payments: paymentsContext() });
    if (!submitted.ok)
      return settle(
        input.orderId,
        ok<RefundActionResult>({ refundId: refund.id, status: 'pending', answer: 'error', detail: submitted.message }),
      );
    return settle(input.orderId, ok(providerAnswer(submitted.data)));
  },
  OPTIONS,
);

const ZRefundRef = z.object({ orderId: ZId, refundId: ZId });

/** Sends a pending refund to its provider again (submit), or asks the provider where it stands (query). */
function providerRefundAction(operation: typeof submitRefund | typeof queryRefund) {
  return staffAction(
    'refunds.write',
    ZRefundRef,
    async (input, staff): Promise<Result<RefundActionResult>> => {
      const result = await operation(getDb(), {
        refundId: input.refundId,
        actor: staffActor(staff),
        payments: paymentsContext(),
      });
      if (!result.ok) return settle(input.orderId, result);
      return settle(input.orderId, ok(providerAnswer(result.data)));
    },
    OPTIONS,
  );
}

export const submitRefundAction = providerRefundAction(submitRefund);
export const queryRefundAction = providerRefundAction(queryRefund);

export const recordRefundTransferAction = staffAction(
  'refunds.write',
  ZRefundRef.extend({
    reference: z.string().trim().min(1, 'refunds.errors.reference_required').max(100),
  }),
  async (input, staff): Promise<Result<RefundActionResult>> => {
    const result = await recordRefundTransfer(getDb(), {
      refundId: input.refundId,
      reference: input.reference,
      actor: staffActor(staff),
    });
    if (!result.ok) return settle(input.orderId, result);
    return settle(
      input.orderId,
      ok<RefundActionResult>({ refundId: result.data.id, status: result.data.status, answer: null, detail: null }),
    );
  },
  OPTIONS,
);
