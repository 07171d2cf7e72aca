import { describe, expect, it } from 'vitest';
import {
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  canTransition,
  isOrderStatus,
  isTerminal,
  nextStates,
  type OrderStatus,
} from './order-status';

/** Every status reachable from `start` by following the table. */
function reachableFrom(start: OrderStatus): Set<OrderStatus> {
  const seen = new Set<OrderStatus>();
  const queue: OrderStatus[] = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of nextStates(current)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('ORDER_TRANSITIONS', () => {
  it('has a row for every status of the schema enum, and nothing else', () => {
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('allows exactly the documented workflow', () => {
    const allowed: string[] = [];
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) if (canTransition(from, to)) allowed.push(`${from}->${to}`);
    }
    expect(allowed.sort()).toEqual([
      'awaiting_shipment->cancelled',
      'awaiting_shipment->partially_shipped',
      'awaiting_shipment->shipped',
      'paid->awaiting_shipment',
      'paid->cancelled',
      'partially_shipped->shipped',
      'pending_payment->awaiting_shipment',
      'pending_payment->cancelled',
      'pending_payment->paid',
      'shipped->completed',
    ]);
  });

  it('never allows staying in place', () => {
    for (const status of ORDER_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('has completed and cancelled as the only terminal statuses', () => {
    expect(ORDER_STATUSES.filter(isTerminal).sort()).toEqual(['cancelled', 'completed']);
  });

  it('reaches every status from pending_payment and a terminal one from every status', () => {
    const fromStart = reachableFrom('pending_payment');
    for (const status of ORDER_STATUSES) if (status !== 'pending_payment') expect(fromStart.has(status)).toBe(true);
    for (const status of ORDER_STATUSES) {
      if (isTerminal(status)) continue;
      const reachable = reachableFrom(status);
      expect(reachable.has('completed') || reachable.has('cancelled')).toBe(true);
    }
  });

  it('has no way back to pending_payment (the workflow has no cycles)', () => {
    for (const status of ORDER_STATUSES) expect(reachableFrom(status).has(status)).toBe(false);
  });

  it('cannot cancel once something has shipped', () => {
    expect(canTransition('partially_shipped', 'cancelled')).toBe(false);
    expect(canTransition('shipped', 'cancelled')).toBe(false);
  });

  it('recognises statuses', () => {
    expect(isOrderStatus('paid')).toBe(true);
    expect(isOrderStatus('refunded')).toBe(false);
    expect(isOrderStatus(undefined)).toBe(false);
  });
});
