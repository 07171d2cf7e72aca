'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { addOrderNote, ZAddOrderNoteInput } from '@/domain/orders/add-order-note';
import { archiveOrder } from '@/domain/orders/archive-order';
import { cancelOrder, ZCancelOrderInput } from '@/domain/orders/cancel-order';
import { completeOrder } from '@/domain/orders/complete-order';
import { confirmPayment, ZConfirmPaymentInput } from '@/domain/orders/confirm-payment';
import { restoreOrder } from '@/domain/orders/restore-order';
import { reviewOrder } from '@/domain/orders/review-order';
import { setOrderTags } from '@/domain/orders/set-order-tags';
import { shipOrder, ZShipOrderInput } from '@/domain/orders/ship-order';
import { staffActor } from '@/domain/shared/actor';
import { ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';
import { staffAction } from '@/lib/actions/staff-action';
import { localizeOrderFailure } from '../order-failure';

const ZOrderId = z.coerce.number().int().positive();

/** After any attempt that may have changed the order (or found it changed), its pages are rendered afresh. */
async function settle<T>(orderId: number, result: Result<T>): Promise<Result<T>> {
  revalidatePath(`/orders/${orderId}`);
  revalidatePath('/orders');
  return result.ok ? result : localizeOrderFailure(result);
}

// each action parses with its operation's own schema, so the form's messages are the operation's rules
export const confirmPaymentAction = staffAction('payments.write', ZConfirmPaymentInput, async (input, staff) =>
  settle(input.orderId, await confirmPayment(getDb(), { ...input, actor: staffActor(staff) })),
);

export const reviewOrderAction = staffAction('orders.write', z.object({ orderId: ZOrderId }), async (input, staff) =>
  settle(input.orderId, await reviewOrder(getDb(), { orderId: input.orderId, actor: staffActor(staff) })),
);

// shipOrder subscribes the parcel for tracking itself, after its commit
export const shipOrderAction = staffAction('shipping.write', ZShipOrderInput, async (input, staff) =>
  settle(input.orderId, await shipOrder(getDb(), { ...input, actor: staffActor(staff) })),
);

export const completeOrderAction = staffAction('orders.write', z.object({ orderId: ZOrderId }), async (input, staff) =>
  settle(input.orderId, await completeOrder(getDb(), { orderId: input.orderId, actor: staffActor(staff) })),
);

export const cancelOrderAction = staffAction('orders.write', ZCancelOrderInput, async (input, staff) =>
  settle(
    input.orderId,
    await cancelOrder(getDb(), { orderId: input.orderId, reason: input.reason, actor: staffActor(staff) }),
  ),
);

export const archiveOrderAction = staffAction('orders.archive', z.object({ orderId: ZOrderId }), async (input, staff) =>
  settle(input.orderId, await archiveOrder(getDb(), { orderId: input.orderId, actor: staffActor(staff) })),
);

export const restoreOrderAction = staffAction('orders.archive', z.object({ orderId: ZOrderId }), async (input, staff) =>
  settle(input.orderId, await restoreOrder(getDb(), { orderId: input.orderId, actor: staffActor(staff) })),
);

export const addOrderNoteAction = staffAction('orders.write', ZAddOrderNoteInput, async (input, staff) =>
  settle(input.orderId, await addOrderNote(getDb(), { ...input, actor: staffActor(staff) })),
);

export const setOrderTagsAction = staffAction(
  'orders.write',
  z.object({
    orderId: ZOrderId,
    // one text field, comma separated (both the ASCII and the Chinese comma)
    tags: safeText()
      .max(1000)
      .transform((value) => value.split(/[,，]/)),
  }),
  async (input, staff) => {
    const result = await setOrderTags(getDb(), { orderId: input.orderId, tags: input.tags, actor: staffActor(staff) });
    return settle(input.orderId, result.ok ? ok(result.data) : result);
  },
);
