'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { createOrder } from '@/domain/orders/create-order';
import { ZOrderEntryForm } from '@/domain/orders/order-entry-input';
import { staffActor } from '@/domain/shared/actor';
import { ok } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { explainEntryFailure } from '../_entry/explain-failure';
import { shipToInput } from '@/domain/orders/order-input';

/** Places an order typed in by staff (source 'manual'); on success the form opens the new order. */
export const createOrderAction = staffAction('orders.write', ZOrderEntryForm, async (input, staff) => {
  const result = await createOrder(getDb(), {
    customer: input.customer,
    shipTo: shipToInput(input.shipTo),
    lines: input.lines,
    discountCents: input.discount,
    shippingCents: input.shipping,
    buyerNote: input.buyerNote ?? undefined,
    isCashOnDelivery: input.isCashOnDelivery,
    source: 'manual',
    actor: staffActor(staff),
  });
  if (!result.ok) return explainEntryFailure(result, input.lines);
  revalidatePath('/orders');
  revalidatePath('/');
  return ok({ orderId: result.data.order.id, number: result.data.order.number });
});
