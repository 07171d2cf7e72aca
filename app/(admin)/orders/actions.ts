'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { cancelOrder, ZCancelReason } from '@/domain/orders/cancel-order';
import { findOrderNumbers } from '@/domain/orders/find-order';
import { reviewOrder } from '@/domain/orders/review-order';
import { MAX_TAG_LENGTH, setOrderTags } from '@/domain/orders/set-order-tags';
import { staffActor } from '@/domain/shared/actor';
import { ok } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { localizeOrderFailure } from './order-failure';

export interface BulkOrderResult {
  orderId: number;
  number: string;
  ok: boolean;
  /** why it failed, in the user's language */
  message?: string;
}

const ZBulkOrderAction = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('review') }),
    z.object({ action: z.literal('cancel'), reason: ZCancelReason }),
    z.object({
      action: z.literal('tag'),
      tag: z
        .string()
        .trim()
        .min(1, 'orders.actions.validation.tag')
        .max(MAX_TAG_LENGTH, 'orders.actions.validation.tag'),
    }),
  ])
  .and(
    z.object({
      orderIds: z.array(z.coerce.number().int().positive()).min(1, 'orders.actions.validation.selection').max(200),
    }),
  );

/**
 * Review, cancel or tag the selected orders. Each order goes through the same domain operation
 * as on its own page, in its own transaction: one order's refusal (wrong status, lost race) does
 * not stop or undo the others, and the result lists every order's outcome.
 */
export const bulkOrderAction = staffAction('orders.write', ZBulkOrderAction, async (input, staff) => {
  const db = getDb();
  const actor = staffActor(staff);
  const orderIds = [...new Set(input.orderIds)];
  const numbers = await findOrderNumbers(db, orderIds);
  const results: BulkOrderResult[] = [];
  for (const orderId of orderIds) {
    const result =
      input.action === 'review'
        ? await reviewOrder(db, { orderId, actor })
        : input.action === 'cancel'
          ? await cancelOrder(db, { orderId, reason: input.reason, actor })
          : await setOrderTags(db, { orderId, add: [input.tag], actor });
    const number = numbers.get(orderId) ?? `#${orderId}`;
    if (result.ok) results.push({ orderId, number, ok: true });
    else
      results.push({
        orderId,
        number,
        ok: false,
        message: (await localizeOrderFailure(result, { isBulk: true })).message,
      });
  }
  revalidatePath('/orders');
  for (const orderId of orderIds) revalidatePath(`/orders/${orderId}`);
  return ok({ results });
});
