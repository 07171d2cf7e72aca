import type { TShipTo } from '@/domain/orders/order-input';

/** A parsed address handed on to createOrder / editOrder, which parse it again (null -> not given). */
export function shipToInput(shipTo: TShipTo) {
  return { ...shipTo, district: shipTo.district ?? undefined, postalCode: shipTo.postalCode ?? undefined };
}
