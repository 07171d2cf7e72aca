import { afterSalesKind, afterSalesStatus, type AfterSalesKind, type AfterSalesStatus } from '@/db/schema/after-sales';

export type { AfterSalesKind, AfterSalesStatus };

/** Every kind and status, in workflow order (the schema enums are the source). */
export const AFTER_SALES_KINDS = afterSalesKind.enumValues;
export const AFTER_SALES_STATUSES = afterSalesStatus.enumValues;

type Table = Record<AfterSalesStatus, readonly AfterSalesStatus[]>;

const NONE = [] as const;
/** Ends shared by every kind: rejected, withdrawn (cancelled), timed out (closed), done. */
const ENDS = { rejected: NONE, cancelled: NONE, closed: NONE, completed: NONE } as const;

/**
 * The after-sales workflow, the one place it is written down, per kind: the kind decides which
 * steps apply. The UI asks it which actions to offer, operations ask it what is allowed, tests
 * walk it. Cancelling (the buyer withdraws) is possible only while nothing irreversible happened:
 * no parcel on its way back, no refund sent, no replacement shipped.
 */
export const AFTER_SALES_TRANSITIONS = {
  // money back, no goods back
  refund_only: {
    ...ENDS,
    requested: ['approved', 'rejected', 'cancelled'],
    approved: ['refunding', 'cancelled'],
    awaiting_return: NONE,
    return_in_transit: NONE,
    received: NONE,
    inspected: NONE,
    replacement_shipped: NONE,
    refunding: ['completed'],
  },
  // goods back, refund after inspection
  return_refund: {
    ...ENDS,
    requested: ['approved', 'rejected', 'cancelled'],
    approved: ['awaiting_return', 'cancelled'],
    awaiting_return: ['return_in_transit', 'received', 'cancelled', 'closed'],
    return_in_transit: ['received'],
    received: ['inspected'],
    inspected: ['refunding'],
    refunding: ['completed'],
    replacement_shipped: NONE,
  },
  // goods back, a replacement goes out after inspection
  exchange: {
    ...ENDS,
    requested: ['approved', 'rejected', 'cancelled'],
    approved: ['awaiting_return', 'cancelled'],
    awaiting_return: ['return_in_transit', 'received', 'cancelled', 'closed'],
    return_in_transit: ['received'],
    received: ['inspected'],
    inspected: ['replacement_shipped'],
    refunding: NONE,
    replacement_shipped: ['completed'],
  },
  // nothing comes back, the missing or damaged item goes out again
  reship: {
    ...ENDS,
    requested: ['approved', 'rejected', 'cancelled'],
    approved: ['replacement_shipped', 'cancelled'],
    awaiting_return: NONE,
    return_in_transit: NONE,
    received: NONE,
    inspected: NONE,
    refunding: NONE,
    replacement_shipped: ['completed'],
  },
} as const satisfies Record<AfterSalesKind, Table>;

export function isAfterSalesKind(value: unknown): value is AfterSalesKind {
  return typeof value === 'string' && (AFTER_SALES_KINDS as readonly string[]).includes(value);
}

export function isAfterSalesStatus(value: unknown): value is AfterSalesStatus {
  return typeof value === 'string' && (AFTER_SALES_STATUSES as readonly string[]).includes(value);
}

/** Whether a request of `kind` in `from` may move to `to`. */
export function canTransition(kind: AfterSalesKind, from: AfterSalesStatus, to: AfterSalesStatus): boolean {
  return (AFTER_SALES_TRANSITIONS[kind][from] as readonly AfterSalesStatus[]).includes(to);
}

/** The statuses a request of `kind` in `from` may move to next. */
export function nextStates(kind: AfterSalesKind, from: AfterSalesStatus): readonly AfterSalesStatus[] {
  return AFTER_SALES_TRANSITIONS[kind][from];
}

/** A request that ended (terminal for every kind). */
export function isClosedStatus(status: AfterSalesStatus): boolean {
  return status === 'rejected' || status === 'cancelled' || status === 'closed' || status === 'completed';
}

/** Requests whose lines no longer count against what may be requested of an order line. */
export const RELEASED_STATUSES = ['rejected', 'cancelled', 'closed'] as const satisfies readonly AfterSalesStatus[];

/** Kinds whose goods come back (the quantity is bounded by what shipped). */
export function returnsGoods(kind: AfterSalesKind): boolean {
  return kind === 'return_refund' || kind === 'exchange';
}

/** Kinds that send a replacement out. */
export function sendsReplacement(kind: AfterSalesKind): boolean {
  return kind === 'exchange' || kind === 'reship';
}
