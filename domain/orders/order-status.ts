import { orderStatus, type OrderStatus } from '@/db/schema/orders';

export type { OrderStatus };

/** Every order status, in workflow order (the schema enum is the source). */
export const ORDER_STATUSES = orderStatus.enumValues;

/**
 * The order workflow, the one place it is written down. The UI asks it which actions to offer,
 * actions and the API ask it what is allowed, tests walk it.
 * - pending_payment -> awaiting_shipment directly for cash on delivery (paid at the door).
 * - cancelling is possible until the first parcel leaves; after that it goes through after-sales.
 */
export const ORDER_TRANSITIONS = {
  pending_payment: ['paid', 'awaiting_shipment', 'cancelled'],
  paid: ['awaiting_shipment', 'cancelled'],
  awaiting_shipment: ['partially_shipped', 'shipped', 'cancelled'],
  partially_shipped: ['shipped'],
  shipped: ['completed'],
  completed: [],
  cancelled: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** Whether an order in `from` may move to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return (ORDER_TRANSITIONS[from] as readonly OrderStatus[]).includes(to);
}

/** The statuses an order in `from` may move to next. */
export function nextStates(from: OrderStatus): readonly OrderStatus[] {
  return ORDER_TRANSITIONS[from];
}

/** A terminal order never changes status again. */
export function isTerminal(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}

/** The statuses a parcel may leave from: those the table lets reach shipped. */
export const SHIPPABLE_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((status) =>
  canTransition(status, 'shipped'),
);

/** Before the first parcel leaves (the statuses the table lets cancel): lines, address and note may still change. */
export const EDITABLE_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((status) =>
  canTransition(status, 'cancelled'),
);
