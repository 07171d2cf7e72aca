'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { addOrderNote, MAX_NOTE_LENGTH } from '@/domain/orders/add-order-note';
import { archiveOrder } from '@/domain/orders/archive-order';
import { cancelOrder } from '@/domain/orders/cancel-order';
import { completeOrder } from '@/domain/orders/complete-order';
import { confirmPayment, MANUAL_PAYMENT_METHODS } from '@/domain/orders/confirm-payment';
import { restoreOrder } from '@/domain/orders/restore-order';
import { reviewOrder } from '@/domain/orders/review-order';
import { setOrderTags } from '@/domain/orders/set-order-tags';
import { shipOrder } from '@/domain/orders/ship-order';
import { subscribeShipmentTracking } from '@/domain/logistics/tracking/shipment-tracking';
import { getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';
import { staffActor } from '@/domain/shared/actor';
import { ok, type Result } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { localizeOrderFailure } from '../order-failure';

const ZOrderId = z.coerce.number().int().positive();
const ZReason = z.string().trim().min(1, 'orders.actions.validation.reason').max(500);

/** After any attempt that may have changed the order (or found it changed), its pages are rendered afresh. */
async function settle<T>(orderId: number, result: Result<T>): Promise<Result<T>> {
  revalidatePath(`/orders/${orderId}`);
  revalidatePath('/orders');
  return result.ok ? result : localizeOrderFailure(getDb(), orderId, result);
}

export const confirmPaymentAction = staffAction('payments.write', z.object({
  orderId: ZOrderId,
  method: z.enum(MANUAL_PAYMENT_METHODS),
  reference: z.string().trim().min(1, 'orders.actions.validation.reference').max(100),
}), async (input, staff) => settle(input.orderId, await confirmPayment(getDb(), { ...input, actor: staffActor(staff) })));

export const reviewOrderAction = staffAction('orders.write', z.object({ orderId: ZOrderId }),
  async (input, staff) => settle(input.orderId, await reviewOrder(getDb(), { orderId: input.orderId, actor: staffActor(staff) })));

export const shipOrderAction = staffAction('shipping.write', z.object({
  orderId: ZOrderId,
  carrierId: z.coerce.number({ error: 'orders.actions.validation.carrier' }).int().positive('orders.actions.validation.carrier'),
  trackingNumber: z.string().trim().min(1, 'orders.actions.validation.trackingNumber').max(40),
  lines: z.array(z.object({
    orderLineId: z.coerce.number().int().positive(),
    quantity: z.coerce.number({ error: 'orders.actions.validation.quantity' }).int('orders.actions.validation.quantity').min(0, 'orders.actions.validation.quantity'),
  })).max(500).optional(),
}), async (input, staff) => {
  const db = getDb();
  const shipped = await shipOrder(db, { ...input, actor: staffActor(staff) });
  // tracking is asked for after the parcel committed; if the aggregator is down the subscribe job retries
  if (shipped.ok) await subscribeShipmentTracking(db, await getTrackingProvider(db), shipped.data.shipment.id);
  return settle(input.orderId, shipped);
});

export const completeOrderAction = staffAction('orders.write', z.object({ orderId: ZOrderId }),
  async (input, staff) => settle(input.orderId, await completeOrder(getDb(), { orderId: input.orderId, actor: staffActor(staff) })));

export const cancelOrderAction = staffAction('orders.write', z.object({ orderId: ZOrderId, reason: ZReason }),
  async (input, staff) => settle(input.orderId, await cancelOrder(getDb(), { orderId: input.orderId, reason: input.reason, actor: staffActor(staff) })));

export const archiveOrderAction = staffAction('orders.archive', z.object({ orderId: ZOrderId }),
  async (input, staff) => settle(input.orderId, await archiveOrder(getDb(), { orderId: input.orderId, actor: staffActor(staff) })));

export const restoreOrderAction = staffAction('orders.archive', z.object({ orderId: ZOrderId }),
  async (input, staff) => settle(input.orderId, await restoreOrder(getDb(), { orderId: input.orderId, actor: staffActor(staff) })));

export const addOrderNoteAction = staffAction('orders.write', z.object({
  orderId: ZOrderId,
  note: z.string().trim().min(1, 'orders.actions.validation.note').max(MAX_NOTE_LENGTH),
}), async (input, staff) => settle(input.orderId, await addOrderNote(getDb(), { ...input, actor: staffActor(staff) })));

export const setOrderTagsAction = staffAction('orders.write', z.object({
  orderId: ZOrderId,
  // one text field, comma separated (both the ASCII and the Chinese comma)
  tags: z.string().max(1000).transform((value) => value.split(/[,，]/)),
}), async (input, staff) => {
  const result = await setOrderTags(getDb(), { orderId: input.orderId, tags: input.tags, actor: staffActor(staff) });
  return settle(input.orderId, result.ok ? ok(result.data) : result);
});
