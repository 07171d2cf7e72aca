'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { z } from 'zod';
import { AFTER_SALES_MOVES, type AfterSalesMove } from '@/domain/after-sales/after-sales-moves';
import { createAfterSalesRequest, ZCreateAfterSalesRequest } from '@/domain/after-sales/create-after-sales-request';
import { staffActor } from '@/domain/shared/actor';
import { ok } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { paymentsContext } from '@/lib/payments/context';

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
