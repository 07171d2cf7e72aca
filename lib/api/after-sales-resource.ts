import type { ApiCaller } from '@/domain/api-keys/authenticate-api-key';
import { allowedAfterSalesActions, type AfterSalesAction } from '@/domain/after-sales/after-sales-actions';
import type { AfterSalesDetail } from '@/domain/after-sales/get-after-sales-request';
import type { AfterSalesRow } from '@/domain/after-sales/list-after-sales';
import { maskPhone } from '@/domain/shared/mask';
import { can } from '@/domain/staff/permissions';

/** The URL name of each action (POST /api/v1/after-sales/{request}/{action}); allowedActions lists these. */
export const API_ACTION_NAMES: Record<AfterSalesAction, string> = {
  approve: 'approve',
  reject: 'reject',
  cancel: 'cancel',
  record_return: 'record-return',
  receive: 'receive',
  propose_refund: 'propose-refund',
  send_refund: 'send-refund',
  ship_replacement: 'ship-replacement',
  complete_replacement: 'complete-replacement',
};

/** Phones whole only for roles that work with orders or parcels, masked for the rest (as in the console). */
function phoneFor(caller: ApiCaller, phone: string): string {
  return can(caller, 'orders.write') || can(caller, 'shipping.write') ? phone : maskPhone(phone);
}

/** A row of the list: the queue's columns. */
export function afterSalesListItem(row: AfterSalesRow) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    order: { id: row.orderId, number: row.orderNumber },
    units: row.units,
    refundProposedCents: row.refundProposedCents,
    currency: row.currency,
    returnTrackingNumber: row.returnTrackingNumber,
    deadlineAt: row.deadlineAt,
    isOverdue: row.overdueAt !== null,
    createdAt: row.createdAt,
  };
}

/**
 * A request as the REST API returns it: lines with their inspection, the return parcel, the refund,
 * deadlines, the event timeline, and the actions this key may take now. Amounts are integer fen.
 */
export function afterSalesResource(detail: AfterSalesDetail, caller: ApiCaller) {
  const { request, order } = detail;
  return {
    id: request.id,
    number: request.number,
    kind: request.kind,
    status: request.status,
    order: {
      id: order.id,
      number: order.number,
      status: order.status,
      shipName: order.shipName,
      shipPhone: phoneFor(caller, order.shipPhone),
    },
    currency: order.currency,
    customerNote: request.customerNote,
    rejectReason: request.rejectReason,
    refundProposedCents: request.refundProposedCents,
    restockingFeeCents: request.restockingFeeCents,
    refund: detail.refund,
    refundError: request.refundError,
    returnParcel:
      request.returnTrackingNumber === null
        ? null
        : {
            carrierCode: detail.returnCarrier?.code ?? null,
            trackingNumber: request.returnTrackingNumber,
            shippedAt: request.returnShippedAt,
            deliveredAt: request.returnDeliveredAt,
          },
    replacementShipmentId: request.replacementShipmentId,
    deadlineAt: request.deadlineAt,
    overdueAt: request.overdueAt,
    createdAt: request.createdAt,
    closedAt: request.closedAt,
    lines: detail.lines.map((l) => ({
      id: l.id,
      orderLineId: l.orderLineId,
      skuCode: l.skuCode,
      name: l.name,
      unitPriceCents: l.unitPriceCents,
      quantity: l.quantity,
      reasonCode: l.reasonCode,
      isSellerFault: l.isSellerFault,
      note: l.note,
      replacementSkuId: l.replacementSkuId,
      releasedQuantity: l.releasedQuantity,
      receivedQuantity: l.receivedQuantity,
      restockedQuantity: l.restockedQuantity,
      damagedQuantity: l.damagedQuantity,
      scrappedQuantity: l.scrappedQuantity,
      restockWarehouseId: l.restockWarehouseId,
    })),
    events: detail.events.map((e) => ({
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: { type: e.actorType, name: e.actorName },
      message: e.message,
      details: e.details,
      createdAt: e.createdAt,
    })),
    allowedActions: allowedAfterSalesActions(request, caller).map((action) => API_ACTION_NAMES[action]),
  };
}
