import { describe, expect, it } from 'vitest';
import { availableOrderActions } from './order-actions';
import { ORDER_STATUSES, type OrderStatus } from './order-status';

const order = (
  status: OrderStatus,
  extra: { isCashOnDelivery?: boolean; paidAt?: Date | null; archivedAt?: Date | null } = {},
) => ({
  status,
  isCashOnDelivery: false,
  paidAt: null,
  archivedAt: null,
  ...extra,
});

describe('availableOrderActions', () => {
  it('offers an admin exactly what the transition table allows in each status', () => {
    const admin = { role: 'admin' as const };
    expect(availableOrderActions(order('pending_payment'), admin)).toEqual(['confirmPayment', 'cancel', 'archive']);
    expect(availableOrderActions(order('paid', { paidAt: new Date() }), admin)).toEqual(['review', 'cancel']);
    expect(availableOrderActions(order('awaiting_shipment'), admin)).toEqual(['ship', 'cancel']);
    expect(availableOrderActions(order('partially_shipped'), admin)).toEqual(['ship']);
    expect(availableOrderActions(order('shipped'), admin)).toEqual(['complete']);
    expect(availableOrderActions(order('completed'), admin)).toEqual([]);
    expect(availableOrderActions(order('cancelled'), admin)).toEqual(['archive']);
    expect(availableOrderActions(order('cancelled', { archivedAt: new Date() }), admin)).toEqual(['restore']);
  });

  it('never offers payment confirmation for cash on delivery', () => {
    expect(
      availableOrderActions(order('pending_payment', { isCashOnDelivery: true }), { role: 'admin' }),
    ).not.toContain('confirmPayment');
  });

  it('offers each role only what its permissions allow', () => {
    for (const status of ORDER_STATUSES) {
      expect(availableOrderActions(order(status), { role: 'viewer' })).toEqual([]);
    }
    expect(availableOrderActions(order('pending_payment'), { role: 'finance' })).toEqual(['confirmPayment']);
    expect(availableOrderActions(order('awaiting_shipment'), { role: 'warehouse' })).toEqual(['ship']);
    expect(availableOrderActions(order('awaiting_shipment'), { role: 'operations' })).toEqual(['cancel']);
    expect(availableOrderActions(order('paid'), { role: 'operations' })).toEqual(['review', 'cancel']);
  });
});
