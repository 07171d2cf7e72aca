import { shipmentStatus, type ShipmentStatus } from '@/db/schema/logistics';

export type { ShipmentStatus };
export const SHIPMENT_STATUSES = shipmentStatus.enumValues;

// every status a carrier's scan can report after the parcel left (nothing goes back to pending or shipped)
const TRACKED = [
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
  'returning',
  'returned',
] as const satisfies readonly ShipmentStatus[];
const otherThan = (status: ShipmentStatus) => TRACKED.filter((s) => s !== status);

/**
 * A parcel's life, as the carrier's scans move it. Scans arrive out of order and carriers skip
 * steps, so any en-route move is allowed; delivered and returned are outcomes that a late en-route
 * scan never reopens (a late upload or a depot's clock), but another outcome can (signed for at a
 * locker, then refused).
 */
export const SHIPMENT_TRANSITIONS = {
  pending: ['shipped', ...TRACKED],
  shipped: TRACKED,
  picked_up: otherThan('picked_up'),
  in_transit: otherThan('in_transit'),
  out_for_delivery: otherThan('out_for_delivery'),
  exception: otherThan('exception'),
  returning: otherThan('returning'),
  delivered: ['exception', 'returning', 'returned'],
  returned: ['exception', 'returning', 'delivered'],
} as const satisfies Record<ShipmentStatus, readonly ShipmentStatus[]>;

/** Whether a shipment in `from` may move to `to`. */
export function canShipmentTransition(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return (SHIPMENT_TRANSITIONS[from] as readonly ShipmentStatus[]).includes(to);
}

/** The statuses a shipment in `from` may move to next. */
export function nextShipmentStates(from: ShipmentStatus): readonly ShipmentStatus[] {
  return SHIPMENT_TRANSITIONS[from];
}
