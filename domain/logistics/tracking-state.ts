import { createHash } from 'node:crypto';
import type { ShipmentStatus } from '@/db/schema/logistics';
import { canShipmentTransition } from './shipment-status';

/**
 * Kuaidi100's main state codes (lastResult.state) and what they mean for a shipment.
 * `isException` marks what a person must handle: a problem parcel, a refusal, a parcel going or
 * gone back to the sender.
 */
export const KUAIDI100_STATES = {
  0: { status: 'in_transit', isException: false }, // 在途
  1: { status: 'picked_up', isException: false }, // 揽收
  2: { status: 'exception', isException: true }, // 疑难: lost, damaged, address problem
  3: { status: 'delivered', isException: false }, // 签收
  4: { status: 'returned', isException: true }, // 退签: refused and signed for back at the sender
  5: { status: 'out_for_delivery', isException: false }, // 派件
  6: { status: 'returning', isException: true }, // 退回: on its way back to the sender
  7: { status: 'in_transit', isException: false }, // 转投: forwarded to another branch or carrier
  8: { status: 'in_transit', isException: false }, // 清关: in customs
  // 拒签: the buyer refused it; someone decides whether to re-deliver or take it back
  14: { status: 'exception', isException: true },
} as const satisfies Record<number, { status: ShipmentStatus; isException: boolean }>;

export interface TrackingStateMeaning {
  /** the shipment status the code means, or null when the code is unknown (the event is kept, the status not moved) */
  status: ShipmentStatus | null;
  isException: boolean;
}

/**
 * The shipment status a Kuaidi100 state code means. Unknown codes (a future state, or resultv2
 * sub-states we have not mapped) move nothing rather than guess: the event still shows on the timeline.
 */
export function mapKuaidi100State(code: number | null | undefined): TrackingStateMeaning {
  const known =
    code == null
      ? undefined
      : (KUAIDI100_STATES as Record<number, { status: ShipmentStatus; isException: boolean }>)[code];
  return known ? { status: known.status, isException: known.isException } : { status: null, isException: false };
}

/** Which kind of exception a state code raises (problem, refused, returning, rejected); null for a normal state. */
export function exceptionKindOf(code: number | null): 'problem' | 'refused' | 'returning' | 'rejected' | null {
  switch (code) {
    case 2:
      return 'problem';
    case 4:
      return 'refused';
    case 6:
      return 'returning';
    case 14:
      return 'rejected';
    default:
      return null;
  }
}

const EXCEPTION_STATUSES: ReadonlySet<ShipmentStatus> = new Set(['exception', 'returning', 'returned']);

/** Whether a shipment in this status needs a person (shipments.has_exception). */
export function isException(status: ShipmentStatus): boolean {
  return EXCEPTION_STATUSES.has(status);
}

/**
 * The tracking_events dedupe key: the same event (shipment, instant, text) pushed again or queried
 * again gives the same key, so the unique index (shipment_id, dedupe_key) collapses replays.
 * The text is compared after NFKC and whitespace folding, since carriers re-send it with spacing changes.
 */
export function dedupeKey(event: { shipmentId: number; occurredAt: Date; description: string }): string {
  const text = event.description.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(JSON.stringify([event.shipmentId, event.occurredAt.toISOString(), text]))
    .digest('hex');
}

// same-instant events (carriers often stamp to the minute) are ordered by how far along they are
const RANK: Record<ShipmentStatus, number> = {
  pending: 0,
  shipped: 1,
  picked_up: 2,
  in_transit: 3,
  out_for_delivery: 4,
  exception: 5,
  returning: 6,
  delivered: 7,
  returned: 8,
};

/**
 * The shipment's state from its events, whatever order they arrived in: events are taken by
 * occurredAt (never by arrival), same-instant ties by progress. Events with an unknown code are
 * skipped. Delivered and returned are terminal: a newer en-route scan (in transit, out for
 * delivery...) does not reopen them — such scans are late uploads or clock skew at a depot — but a
 * newer event that says otherwise about the outcome (exception, returning, returned, delivered) does,
 * e.g. a parcel signed for at a locker and then refused. Null when no event has a known state.
 */
export function latestState(
  events: readonly { occurredAt: Date; stateCode: number | null }[],
): { status: ShipmentStatus; isException: boolean; occurredAt: Date } | null {
  const known = events
    .map((e) => ({ occurredAt: e.occurredAt, ...mapKuaidi100State(e.stateCode) }))
    .filter((e): e is { occurredAt: Date; status: ShipmentStatus; isException: boolean } => e.status !== null)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || RANK[a.status] - RANK[b.status]);
  let current: (typeof known)[number] | null = null;
  for (const event of known) {
    // the transition table says which later scans may move the parcel (a late en-route scan never reopens an outcome)
    if (current && current.status !== event.status && !canShipmentTransition(current.status, event.status)) continue;
    current = event;
  }
  return current && { status: current.status, isException: current.isException, occurredAt: current.occurredAt };
}
