import { describe, expect, it } from 'vitest';
import {
  AFTER_SALES_KINDS,
  AFTER_SALES_STATUSES,
  AFTER_SALES_TRANSITIONS,
  canTransition,
  isClosedStatus,
  nextStates,
  type AfterSalesKind,
  type AfterSalesStatus,
} from './after-sales-status';
import { allowedAfterSalesActions } from './after-sales-actions';
import { summarizeAfterSales } from './order-after-sales';

/** Every status reachable from requested in a kind's table. */
function reachable(kind: AfterSalesKind): Set<AfterSalesStatus> {
  const seen = new Set<AfterSalesStatus>(['requested']);
  const queue: AfterSalesStatus[] = ['requested'];
  while (queue.length > 0) {
    for (const next of nextStates(kind, queue.shift()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

const HAPPY_PATHS: Record<AfterSalesKind, AfterSalesStatus[]> = {
  refund_only: ['requested', 'approved', 'refunding', 'completed'],
  return_refund: [
    'requested',
    'approved',
    'awaiting_return',
    'return_in_transit',
    'received',
    'inspected',
    'refunding',
    'completed',
  ],
  exchange: [
    'requested',
    'approved',
    'awaiting_return',
    'return_in_transit',
    'received',
    'inspected',
    'replacement_shipped',
    'completed',
  ],
  reship: ['requested', 'approved', 'replacement_shipped', 'completed'],
};

describe('AFTER_SALES_TRANSITIONS', () => {
  it.each(AFTER_SALES_KINDS)('%s: the happy path walks the table step by step', (kind) => {
    const path = HAPPY_PATHS[kind];
    for (let i = 1; i < path.length; i += 1) expect(canTransition(kind, path[i - 1], path[i])).toBe(true);
    // no shortcut skips a step of the path
    for (let i = 0; i < path.length; i += 1) {
      for (let j = i + 2; j < path.length; j += 1) {
        if (!(path[i] === 'awaiting_return' && path[j] === 'received'))
          expect(canTransition(kind, path[i], path[j])).toBe(false);
      }
    }
  });

  it('refund-only and reship never pass the parcel steps; only exchange and reship ship a replacement; only money kinds refund', () => {
    for (const kind of ['refund_only', 'reship'] as const) {
      for (const status of ['awaiting_return', 'return_in_transit', 'received', 'inspected'] as const)
        expect(reachable(kind).has(status)).toBe(false);
    }
    expect(reachable('refund_only').has('replacement_shipped')).toBe(false);
    expect(reachable('return_refund').has('replacement_shipped')).toBe(false);
    expect(reachable('exchange').has('refunding')).toBe(false);
    expect(reachable('reship').has('refunding')).toBe(false);
    expect(reachable('exchange').has('replacement_shipped')).toBe(true);
  });

  it('cancelled only before anything irreversible: never once a parcel is on its way, a refund sent or a replacement shipped', () => {
    for (const kind of AFTER_SALES_KINDS) {
      for (const status of [
        'return_in_transit',
        'received',
        'inspected',
        'refunding',
        'replacement_shipped',
      ] as const) {
        expect(canTransition(kind, status, 'cancelled')).toBe(false);
      }
      expect(canTransition(kind, 'requested', 'cancelled')).toBe(true);
      expect(canTransition(kind, 'requested', 'rejected')).toBe(true);
      expect(canTransition(kind, 'approved', 'rejected')).toBe(false);
    }
  });

  it('ends are terminal for every kind, and every kind can reach completed', () => {
    for (const kind of AFTER_SALES_KINDS) {
      for (const status of AFTER_SALES_STATUSES) {
        if (isClosedStatus(status)) expect(nextStates(kind, status)).toEqual([]);
      }
      expect(reachable(kind).has('completed')).toBe(true);
      // every status a kind uses has a way out or is an end
      for (const status of reachable(kind))
        expect(isClosedStatus(status) || AFTER_SALES_TRANSITIONS[kind][status].length > 0).toBe(true);
    }
  });
});

describe('allowedAfterSalesActions', () => {
  it('offers what the table allows to the role that may do it', () => {
    expect(allowedAfterSalesActions({ kind: 'return_refund', status: 'requested' }, { role: 'operations' })).toEqual([
      'approve',
      'reject',
      'cancel',
    ]);
    expect(allowedAfterSalesActions({ kind: 'return_refund', status: 'requested' }, { role: 'warehouse' })).toEqual([]);
    expect(
      allowedAfterSalesActions({ kind: 'return_refund', status: 'return_in_transit' }, { role: 'warehouse' }),
    ).toEqual(['receive']);
    expect(allowedAfterSalesActions({ kind: 'return_refund', status: 'inspected' }, { role: 'finance' })).toEqual([
      'propose_refund',
      'send_refund',
    ]);
    expect(allowedAfterSalesActions({ kind: 'refund_only', status: 'approved' }, { role: 'viewer' })).toEqual([]);
    expect(allowedAfterSalesActions({ kind: 'reship', status: 'approved' }, { role: 'warehouse' })).toEqual([
      'ship_replacement',
    ]);
  });
});

describe('summarizeAfterSales', () => {
  it('derives the order badge from its requests and refunds', () => {
    expect(summarizeAfterSales([], 0, 1000)).toBe('none');
    expect(summarizeAfterSales([{ kind: 'return_refund', status: 'rejected' }], 0, 1000)).toBe('none');
    expect(
      summarizeAfterSales(
        [
          { kind: 'return_refund', status: 'awaiting_return' },
          { kind: 'refund_only', status: 'completed' },
        ],
        500,
        1000,
      ),
    ).toBe('in_progress');
    expect(summarizeAfterSales([{ kind: 'refund_only', status: 'completed' }], 500, 1000)).toBe('partly_refunded');
    expect(summarizeAfterSales([{ kind: 'refund_only', status: 'completed' }], 1000, 1000)).toBe('refunded');
    expect(summarizeAfterSales([{ kind: 'exchange', status: 'completed' }], 0, 1000)).toBe('returned');
  });
});
