'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { editOrder } from '@/domain/orders/edit-order';
import { getOrder } from '@/domain/orders/get-order';
import { ZOrderEditForm } from '@/domain/orders/order-entry-input';
import { staffActor } from '@/domain/shared/actor';
import { ok } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { explainEntryFailure } from '../../_entry/explain-failure';
import { shipToInput } from '@/domain/orders/order-input';

/**
 * Saves an edit made before shipment. expectedVersion is the order's version when the form was
 * opened: if anyone changed the order since, nothing is saved and the form says so.
 */
export const editOrderAction = staffAction('orders.write', ZOrderEditForm, async (input, staff) => {
  const db = getDb();
  const result = await editOrder(db, {
    orderId: input.orderId,
    expectedVersion: input.expectedVersion,
    changes: {
      shipTo: shipToInput(input.shipTo),
      lines: input.lines,
      discountCents: input.discount,
      buyerNote: input.buyerNote,
    },
    actor: staffActor(staff),
  });
  if (!result.ok) {
    // what the order holds now counts as available to it (the failed edit changed nothing)
    const current = result.code === 'insufficient_stock' ? await getOrder(db, input.orderId) : null;
    const held = new Map<number, number>();
    for (const line of current?.lines ?? [])
      if (line.skuId !== null) held.set(line.skuId, (held.get(line.skuId) ?? 0) + line.quantity);
    return explainEntryFailure(result, input.lines, held);
  }
  revalidatePath(`/orders/${input.orderId}`);
  revalidatePath('/orders');
  return ok({ orderId: input.orderId });
});
