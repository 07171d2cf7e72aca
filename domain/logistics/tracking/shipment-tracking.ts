import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carriers, shipments } from '@/db/schema/logistics';
import { orders } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { normalizeTrackingNumber } from '../carriers';
import { applyTrackingEvents, type AppliedTracking } from './apply-tracking-events';
import type { TrackedParcel, TrackingProvider } from './tracking-provider';

async function parcelOf(db: Database, shipmentId: number): Promise<TrackedParcel | null> {
  const [row] = await db
    .select({ carrierCode: carriers.code, trackingNumber: shipments.trackingNumber, phone: orders.shipPhone })
    .from(shipments)
    .innerJoin(carriers, eq(carriers.id, shipments.carrierId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(eq(shipments.id, shipmentId));
  return row ?? null;
}

/**
 * Subscribes a new shipment with the aggregator, after the shipment committed (a network call
 * never holds a transaction). Failure codes: `not_found`, `subscribe_failed` (the subscribe sweep
 * tries again; the shipment itself stands).
 */
export async function subscribeShipmentTracking(
  db: Database,
  provider: TrackingProvider,
  shipmentId: number,
): Promise<Result<void, 'not_found' | 'subscribe_failed'>> {
  const parcel = await parcelOf(db, shipmentId);
  if (!parcel) return fail('not_found', `shipment ${shipmentId} does not exist`);
  const subscribed = await provider.subscribe(parcel);
  if (!subscribed.ok) return fail('subscribe_failed', subscribed.message);
  await db
    .update(shipments)
    .set({ trackingSubscribedAt: sql`now()` })
    .where(eq(shipments.id, shipmentId));
  return ok(undefined);
}

// parcels older than this are not subscribed late: the aggregator would have little left to tell
const SUBSCRIBE_WINDOW_DAYS = 3;

/** The sweep behind subscriptions that failed when the parcel shipped (aggregator down, network). */
export async function subscribePendingShipments(
  db: Database,
  provider: TrackingProvider,
  options: { limit?: number; now?: Date } = {},
) {
  const since = new Date((options.now ?? new Date()).getTime() - SUBSCRIBE_WINDOW_DAYS * 86_400_000);
  const pending = await db
    .select({ id: shipments.id })
    .from(shipments)
    .where(
      and(
        isNull(shipments.trackingSubscribedAt),
        gt(shipments.shippedAt, since),
        inArray(shipments.status, ['shipped', 'picked_up', 'in_transit', 'out_for_delivery']),
        // a parcel with events is already tracked some other way (imported history, demo data)
        sql`not exists (select 1 from tracking_events e where e.shipment_id = ${shipments.id})`,
      ),
    )
    .orderBy(shipments.shippedAt)
    .limit(options.limit ?? 50);
  const counts = { succeeded: 0, failed: 0, errors: [] as string[] };
  for (const { id } of pending) {
    const result = await subscribeShipmentTracking(db, provider, id);
    if (result.ok) counts.succeeded += 1;
    else {
      counts.failed += 1;
      if (counts.errors.length < 5) counts.errors.push(`shipment ${id}: ${result.message}`);
    }
  }
  return counts;
}

/**
 * "Query now" on the shipment page: asks the aggregator and applies its answer through the same
 * path as a push. Failure codes: `not_found`, `query_failed`, `mismatched_answer` (the answer is
 * about another parcel).
 */
export async function queryShipmentTracking(
  db: Database,
  provider: TrackingProvider,
  input: { shipmentId: number; actor: Actor },
): Promise<Result<AppliedTracking, 'not_found' | 'query_failed' | 'mismatched_answer'>> {
  const parcel = await parcelOf(db, input.shipmentId);
  if (!parcel) return fail('not_found', `shipment ${input.shipmentId} does not exist`);
  const answer = await provider.query(parcel);
  if (!answer.ok) return fail('query_failed', answer.message);
  if (normalizeTrackingNumber(answer.data.trackingNumber) !== parcel.trackingNumber) {
    return fail(
      'mismatched_answer',
      `the aggregator answered about ${answer.data.trackingNumber}, not ${parcel.trackingNumber}`,
    );
  }
  const applied = await db.transaction((tx) =>
    applyTrackingEvents(tx, { shipmentId: input.shipmentId, events: answer.data.events, actor: input.actor }),
  );
  return ok(applied);
}
