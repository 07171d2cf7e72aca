import type { Order } from '@/db/schema/orders';
import { can } from '@/domain/staff/permissions';
import type { StaffRole } from '@/domain/staff/roles';
import { nextStates } from './order-status';

/** The buttons of the order page. */
export const ORDER_ACTIONS = ['confirmPayment', 'review', 'ship', 'complete', 'cancel', 'archive', 'restore'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/**
 * What this staff member may do to this order now: the transition table says what the order
 * allows, the role says what the person may do. The server actions check both again.
 */
export function availableOrderActions(
  order: Pick<Order, 'status' | 'isCashOnDelivery' | 'paidAt' | 'archivedAt'>,
  staff: { role: StaffRole },
): OrderAction[] {
  const next = nextStates(order.status);
  const actions: OrderAction[] = [];
  if (order.archivedAt) return can(staff, 'orders.archive') ? ['restore'] : [];
  if (next.includes('paid') && !order.isCashOnDelivery && can(staff, 'payments.write')) actions.push('confirmPayment');
  if (order.status === 'paid' && next.includes('awaiting_shipment') && can(staff, 'orders.write'))
    actions.push('review');
  if (next.includes('shipped') && can(staff, 'shipping.write')) actions.push('ship');
  if (next.includes('completed') && can(staff, 'orders.write')) actions.push('complete');
  if (next.includes('cancelled') && can(staff, 'orders.write')) actions.push('cancel');
  if (isArchivable(order) && can(staff, 'orders.archive')) actions.push('archive');
  return actions;
}

/** Nothing with money attached leaves the working list: only cancelled orders and orders never paid (archive-order.ts enforces it). */
export function isArchivable(order: Pick<Order, 'status' | 'paidAt' | 'archivedAt' | 'isCashOnDelivery'>): boolean {
  if (order.archivedAt) return false;
  return order.status === 'cancelled' || (order.status === 'pending_payment' && order.paidAt === null);
}
