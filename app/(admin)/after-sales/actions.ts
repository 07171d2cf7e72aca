'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { AFTER_SALES_MOVES, type AfterSalesMove } from '@/domain/after-sales/after-sales-moves';
import { createAfterSalesRequest, ZCreateAfterSalesRequest } from '@/domain/after-sales/create-after-sales-request';
import { staffActor } from '@/domain/shared/actor';
import { ok } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { paymentsContext } from '@/lib/payments/context';
import { translateAfterSalesFailure } from '@/lib/after-sales/translate-after-sales-failure';
import { translatorFor } from '@/lib/i18n/translator';
import type { Locale } from '@/lib/i18n/locales';
import { safeText } from '@/domain/shared/safe-text';
import { inArray } from 'drizzle-orm';
import { afterSalesRequests } from '@/db/schema/after-sales';

// each action: the operation's own schema -> permission -> the one domain function -> revalidate
const OPTIONS = { errorMessages: 'after-sales' };

function revalidate(requestId: number, orderId?: number) {
  revalidatePath('/after-sales');
  revalidatePath(`/after-sales/${requestId}`);
  if (orderId) revalidatePath(`/orders/${orderId}`);
}

/** The server action of one workflow move (domain/after-sales/after-sales-moves.ts): the page needs no data back. */
function moveAction<S extends z.ZodType<{ requestId: number }>>({ permission, schema, run }: AfterSalesMove<S>) {
  return staffAction(
    permission,
    schema,
    async (input, staff) => {
      const result = await run(getDb(), input, { actor: staffActor(staff), payments: paymentsContext });
      revalidate(input.requestId);
      return result.ok ? ok(null) : result;
    },
    OPTIONS,
  );
}

export const createAfterSalesAction = staffAction(
  'after_sales.write',
  ZCreateAfterSalesRequest,
  async (input, staff) => {
    const result = await createAfterSalesRequest(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) revalidate(result.data.id, input.orderId);
    return result.ok ? ok({ id: result.data.id }) : result;
  },
  OPTIONS,
);

export const approveAfterSalesAction = moveAction(AFTER_SALES_MOVES.approve);
export const rejectAfterSalesAction = moveAction(AFTER_SALES_MOVES.reject);
export const cancelAfterSalesAction = moveAction(AFTER_SALES_MOVES.cancel);
export const recordReturnParcelAction = moveAction(AFTER_SALES_MOVES.record_return);
export const receiveAndInspectAction = moveAction(AFTER_SALES_MOVES.receive);
export const proposeRefundAction = moveAction(AFTER_SALES_MOVES.propose_refund);
export const sendRefundAction = moveAction(AFTER_SALES_MOVES.send_refund);
export const shipReplacementAction = moveAction(AFTER_SALES_MOVES.ship_replacement);
export const completeReplacementAction = moveAction(AFTER_SALES_MOVES.complete_replacement);

export interface BulkDecisionResult {
  requestId: number;
  number: string;
  ok: boolean;
  /** why it was refused, in the user's language */
  message?: string;
}

const ZBulkDecision = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve') }),
    z.object({ decision: z.literal('reject'), reason: safeText().trim().min(1).max(500) }),
  ])
  .and(z.object({ requestIds: z.array(z.number().int().positive()).min(1).max(200) }));

/**
 * Approve or reject the selected requests. Each goes through the same move as its own page's button,
 * in its own transaction: one refusal (wrong status, lost race) neither stops nor undoes the others,
 * and the result lists every request's outcome.
 */
export const bulkDecideAfterSalesAction = staffAction(
  'after_sales.write',
  ZBulkDecision,
  async (input, staff) => {
    const db = getDb();
    const deps = { actor: staffActor(staff), payments: paymentsContext };
    const t = await translatorFor((await getLocale()) as Locale);
    const requestIds = [...new Set(input.requestIds)];
    const rows = await db
      .select({ id: afterSalesRequests.id, number: afterSalesRequests.number })
      .from(afterSalesRequests)
      .where(inArray(afterSalesRequests.id, requestIds));
    const numbers = new Map(rows.map((row) => [row.id, row.number]));
    const results: BulkDecisionResult[] = [];
    for (const requestId of requestIds) {
      const result =
        input.decision === 'approve'
          ? await AFTER_SALES_MOVES.approve.run(db, { requestId }, deps)
          : await AFTER_SALES_MOVES.reject.run(db, { requestId, reason: input.reason }, deps);
      const number = numbers.get(requestId) ?? `#${requestId}`;
      results.push(
        result.ok
          ? { requestId, number, ok: true }
          : { requestId, number, ok: false, message: translateAfterSalesFailure(result, t).message },
      );
      revalidatePath(`/after-sales/${requestId}`);
    }
    revalidatePath('/after-sales');
    return ok({ results });
  },
  OPTIONS,
);
