import type { OrderDetail } from '@/domain/orders/get-order';
import { availableOrderActions } from '@/domain/orders/order-actions';
import { maskPhone } from '@/domain/shared/mask';
import { can } from '@/domain/staff/permissions';
import type { ApiCaller } from '@/domain/api-keys/authenticate-api-key';

/**
 * An order as the REST API returns it. Amounts are integer fen (`*Cents`) with the currency.
 * Phone numbers are whole only for keys whose role works with parcels or orders (operations,
 * warehouse, admin); read-only and finance keys get them masked, as the console shows them.
 */
export function orderResource(detail: OrderDetail, caller: ApiCaller) {
  const { order } = detail;
  const seesPhones = can(caller, 'orders.write') || can(caller, 'shipping.write');
  const phone = (value: string | null) => (value === null ? null : seesPhones ? value : maskPhone(value));
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    source: order.source,
    externalRef: order.externalRef,
    isCashOnDelivery: order.isCashOnDelivery,
    isArchived: order.archivedAt !== null,
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    shippingCents: order.shippingCents,
    taxCents: order.taxCents,
    totalCents: order.totalCents,
    paidCents: detail.paidCents,
    refundedCents: detail.refundedCents,
    paymentState: detail.paymentState,
    fulfillmentState: detail.fulfillmentState,
    placedAt: order.placedAt,
    paidAt: order.paidAt,
    customer: detail.customer && {
      id: detail.customer.id,
      name: detail.customer.name,
      phone: phone(detail.customer.phone),
    },
    shipTo: {
      name: order.shipName,
      phone: phone(order.shipPhone),
      province: order.shipProvince,
      city: order.shipCity,
      district: order.shipDistrict,
      street: order.shipStreet,
      postalCode: order.shipPostalCode,
    },
    buyerNote: order.buyerNote,
    lines: detail.lines.map((l) => ({
      id: l.id,
      skuId: l.skuId,
      skuCode: l.skuCode,
      name: l.name,
      variant: l.variant,
      quantity: l.quantity,
      shippedQuantity: detail.shippedQuantities.get(l.id) ?? 0,
      unitPriceCents: l.unitPriceCents,
      lineTotalCents: l.lineTotalCents,
      warehouseId: l.warehouseId,
    })),
    shipments: detail.shipments.map((s) => ({
      id: s.id,
      carrier: s.carrierNameEn,
      trackingNumber: s.trackingNumber,
      status: s.status,
      shippedAt: s.shippedAt,
      deliveredAt: s.deliveredAt,
      lines: s.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
    })),
    /** what this key may do to the order now (the transition table and the key's role) */
    allowedActions: availableOrderActions(order, caller),
  };
}
