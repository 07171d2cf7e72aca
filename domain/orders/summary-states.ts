import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { OrderStatus } from './order-status';

/**
 * The payment and fulfillment badges of an order. They are derived from payments, refunds and
 * shipments every time they are shown, never stored on the order, so they cannot disagree with
 * the records they summarise.
 */
export const PAYMENT_STATES = ['unpaid', 'cod_due', 'paid', 'partially_refunded', 'refunded'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export const FULFILLMENT_STATES = ['unfulfilled', 'partial', 'fulfilled', 'delivered'] as const;
export type FulfillmentState = (typeof FULFILLMENT_STATES)[number];

export interface PaymentFacts {
  status: OrderStatus;
  isCashOnDelivery: boolean;
  /** sum of succeeded payments */
  paidCents: number;
  /** sum of succeeded refunds */
  refundedCents: number;
}

export interface FulfillmentFacts {
  /** units ordered (sum of line quantities) */
  orderedQuantity: number;
  /** units in shipments (sum of shipment line quantities) */
  shippedQuantity: number;
  shipmentCount: number;
  deliveredShipmentCount: number;
}

/** Payment state from the money that actually moved. */
export function derivePaymentState(facts: PaymentFacts): PaymentState {
  if (facts.paidCents > 0) {
    if (facts.refundedCents >= facts.paidCents) return 'refunded';
    if (facts.refundedCents > 0) return 'partially_refunded';
    return 'paid';
  }
  // cash on delivery: the courier collects at the door; nothing is due on a cancelled order
  if (facts.isCashOnDelivery && facts.status !== 'cancelled') return 'cod_due';
  return 'unpaid';
}

/** Fulfillment state from shipped units against ordered units. */
export function deriveFulfillmentState(facts: FulfillmentFacts): FulfillmentState {
  if (facts.shippedQuantity <= 0) return 'unfulfilled';
  if (facts.shippedQuantity < facts.orderedQuantity) return 'partial';
  if (facts.shipmentCount > 0 && facts.deliveredShipmentCount === facts.shipmentCount) return 'delivered';
  return 'fulfilled';
}

export interface OrderSummaryInput {
  id: number;
  status: OrderStatus;
  isCashOnDelivery: boolean;
  itemCount: number;
}

export interface OrderSummaryStates {
  paymentState: PaymentState;
  fulfillmentState: FulfillmentState;
  paidCents: number;
  refundedCents: number;
  shippedQuantity: number;
}

/**
 * The facts behind the badges for a set of orders (a list page), in ONE statement: each order id
 * looks up its payments, refunds and shipments through their order_id indexes, so the cost grows
 * with the page size, never with the table.
 */
export function buildSummaryFactsQuery(orderIds: readonly number[]) {
  const ids = `{${orderIds.map((id) => Math.trunc(id)).join(',')}}`;
  return sql`
    select o.id::bigint as "orderId",
      (select coalesce(sum(p.amount_cents), 0) from payments p
        where p.order_id = o.id and p.status = 'succeeded')::bigint as "paidCents",
      (select coalesce(sum(r.amount_cents), 0) from refunds r
        where r.order_id = o.id and r.status = 'succeeded')::bigint as "refundedCents",
      s.shipment_count as "shipmentCount",
      s.delivered_count as "deliveredShipmentCount",
      (select coalesce(sum(sl.quantity), 0) from shipments s2
        join shipment_lines sl on sl.shipment_id = s2.id
        where s2.order_id = o.id)::bigint as "shippedQuantity"
    from unnest(${ids}::bigint[]) as o(id)
    cross join lateral (
      select count(*)::int as shipment_count,
        count(*) filter (where s1.status = 'delivered')::int as delivered_count
      from shipments s1 where s1.order_id = o.id
    ) s`;
}

interface SummaryFactsRow extends Record<string, unknown> {
  orderId: number | string;
  paidCents: number | string;
  refundedCents: number | string;
  shipmentCount: number | string;
  deliveredShipmentCount: number | string;
  shippedQuantity: number | string;
}

/** Payment and fulfillment state of each given order, keyed by order id. */
export async function loadSummaryStates(
  db: Database,
  orders: readonly OrderSummaryInput[],
): Promise<Map<number, OrderSummaryStates>> {
  const states = new Map<number, OrderSummaryStates>();
  if (orders.length === 0) return states;
  const rows = await queryRows<SummaryFactsRow>(db, buildSummaryFactsQuery(orders.map((o) => o.id)));
  const facts = new Map(rows.map((row) => [Number(row.orderId), row]));
  for (const order of orders) {
    const row = facts.get(order.id);
    const paidCents = Number(row?.paidCents ?? 0);
    const refundedCents = Number(row?.refundedCents ?? 0);
    const shippedQuantity = Number(row?.shippedQuantity ?? 0);
    states.set(order.id, {
      paymentState: derivePaymentState({
        status: order.status,
        isCashOnDelivery: order.isCashOnDelivery,
        paidCents,
        refundedCents,
      }),
      fulfillmentState: deriveFulfillmentState({
        orderedQuantity: order.itemCount,
        shippedQuantity,
        shipmentCount: Number(row?.shipmentCount ?? 0),
        deliveredShipmentCount: Number(row?.deliveredShipmentCount ?? 0),
      }),
      paidCents,
      refundedCents,
      shippedQuantity,
    });
  }
  return states;
}
