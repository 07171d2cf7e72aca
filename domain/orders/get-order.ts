import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  carriers,
  customers,
  orderEvents,
  orderLines,
  orders,
  payments,
  refunds,
  shipmentLines,
  shipments,
  warehouses,
  type Customer,
  type Order,
  type OrderEvent,
  type OrderLine,
  type Payment,
  type Refund,
  type Shipment,
} from '@/db/schema';
import { sumCents } from '@/domain/shared/money';
import { deriveFulfillmentState, derivePaymentState, type FulfillmentState, type PaymentState } from './summary-states';

export interface OrderShipmentDetail extends Shipment {
  carrierName: string;
  carrierNameEn: string;
  warehouseName: string;
  lines: { orderLineId: number; skuCode: string; name: string; quantity: number }[];
}

/** Everything the order page shows, read in a handful of indexed queries. */
export interface OrderDetail {
  order: Order;
  customer: Pick<Customer, 'id' | 'name' | 'phone' | 'email' | 'isFlagged'> | null;
  lines: OrderLine[];
  payments: Payment[];
  refunds: Refund[];
  shipments: OrderShipmentDetail[];
  /** the timeline, oldest first */
  events: OrderEvent[];
  paymentState: PaymentState;
  fulfillmentState: FulfillmentState;
  paidCents: number;
  refundedCents: number;
  /** units shipped per order line id */
  shippedQuantities: Map<number, number>;
}

/** One order with its lines, customer, money, shipments and timeline; null when there is no such order. */
export async function getOrder(db: Database, orderId: number): Promise<OrderDetail | null> {
  if (!Number.isSafeInteger(orderId) || orderId <= 0) return null;
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;

  const [customerRows, lines, paymentRows, refundRows, shipmentRows, events] = await Promise.all([
    order.customerId === null
      ? Promise.resolve([])
      : db
          .select({
            id: customers.id,
            name: customers.name,
            phone: customers.phone,
            email: customers.email,
            isFlagged: customers.isFlagged,
          })
          .from(customers)
          .where(eq(customers.id, order.customerId)),
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id)),
    db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt), asc(payments.id)),
    db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt), asc(refunds.id)),
    db
      .select({
        shipment: shipments,
        carrierName: carriers.name,
        carrierNameEn: carriers.nameEn,
        warehouseName: warehouses.name,
      })
      .from(shipments)
      .innerJoin(carriers, eq(carriers.id, shipments.carrierId))
      .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
      .where(eq(shipments.orderId, orderId))
      .orderBy(asc(shipments.shippedAt), asc(shipments.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id)),
  ]);

  const shipmentIds = shipmentRows.map((row) => row.shipment.id);
  const shippedLineRows =
    shipmentIds.length === 0
      ? []
      : await db
          .select({
            shipmentId: shipmentLines.shipmentId,
            orderLineId: shipmentLines.orderLineId,
            quantity: shipmentLines.quantity,
          })
          .from(shipmentLines)
          .where(inArray(shipmentLines.shipmentId, shipmentIds))
          .orderBy(asc(shipmentLines.id));

  const lineById = new Map(lines.map((line) => [line.id, line]));
  const shippedQuantities = new Map<number, number>();
  for (const row of shippedLineRows) {
    shippedQuantities.set(row.orderLineId, (shippedQuantities.get(row.orderLineId) ?? 0) + row.quantity);
  }
  const shipmentDetails: OrderShipmentDetail[] = shipmentRows.map((row) => ({
    ...row.shipment,
    carrierName: row.carrierName,
    carrierNameEn: row.carrierNameEn,
    warehouseName: row.warehouseName,
    lines: shippedLineRows
      .filter((l) => l.shipmentId === row.shipment.id)
      .map((l) => ({
        orderLineId: l.orderLineId,
        skuCode: lineById.get(l.orderLineId)?.skuCode ?? '',
        name: lineById.get(l.orderLineId)?.name ?? '',
        quantity: l.quantity,
      })),
  }));

  const paidCents = sumCents(paymentRows.filter((p) => p.status === 'succeeded').map((p) => p.amountCents));
  const refundedCents = sumCents(refundRows.filter((r) => r.status === 'succeeded').map((r) => r.amountCents));
  const shippedQuantity = [...shippedQuantities.values()].reduce((sum, quantity) => sum + quantity, 0);
  return {
    order,
    customer: customerRows[0] ?? null,
    lines,
    payments: paymentRows,
    refunds: refundRows,
    shipments: shipmentDetails,
    events,
    paymentState: derivePaymentState({
      status: order.status,
      isCashOnDelivery: order.isCashOnDelivery,
      paidCents,
      refundedCents,
    }),
    fulfillmentState: deriveFulfillmentState({
      orderedQuantity: order.itemCount,
      shippedQuantity,
      shipmentCount: shipmentDetails.length,
      deliveredShipmentCount: shipmentDetails.filter((s) => s.status === 'delivered').length,
    }),
    paidCents,
    refundedCents,
    shippedQuantities,
  };
}
