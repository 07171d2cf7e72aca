import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { shipmentExceptions, shipments, trackingEvents, type ShipmentStatus } from '@/db/schema/logistics';
import { orders } from '@/db/schema/orders';
import { appendOrderEvent } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import type { TrackingEventInput } from '../kuaidi100';
import { dedupeKey, exceptionKindOf, latestState, mapKuaidi100State } from '../tracking-state';

export interface AppliedTracking {
  eventsAdded: number;
  status: ShipmentStatus;
  isStatusChanged: boolean;
  hasException: boolean;
}

/**
 * THE path every tracking event takes (push, query, sandbox): in the caller's transaction, with
 * the shipment row locked so two pushes for one parcel apply one after the other.
 * - events are inserted ON CONFLICT DO NOTHING on (shipment, dedupe key): a replay adds nothing;
 * - the status comes from all stored events by their time (latestState), never from arrival order,
 *   so a late older push cannot move a delivered parcel back;
 * - delivered stamps deliveredAt; when every parcel of a shipped order is delivered the order gets
 *   delivered_at, which starts its auto-complete clock (domain/automation/auto-complete-orders);
 * - a problem, refused, returning or rejected state raises one exception per event for a person.
 */
export async function applyTrackingEvents(
  tx: Database,
  input: { shipmentId: number; events: readonly TrackingEventInput[]; actor: Actor },
): Promise<AppliedTracking> {
  const [shipment] = await tx.select().from(shipments).where(eq(shipments.id, input.shipmentId)).for('update');
  if (!shipment) throw new Error(`shipment ${input.shipmentId} does not exist`);

  const rows = input.events.map((e) => ({
    shipmentId: shipment.id,
    occurredAt: e.occurredAt,
    stateCode: e.stateCode,
    description: e.description,
    location: e.location,
    raw: e.raw,
    dedupeKey: dedupeKey({ shipmentId: shipment.id, occurredAt: e.occurredAt, description: e.description }),
  }));
  const added =
    rows.length === 0
      ? []
      : await tx
          .insert(trackingEvents)
          .values(rows)
          .onConflictDoNothing({ target: [trackingEvents.shipmentId, trackingEvents.dedupeKey] })
          .returning({ id: trackingEvents.id });

  const all = await tx
    .select({
      occurredAt: trackingEvents.occurredAt,
      stateCode: trackingEvents.stateCode,
      description: trackingEvents.description,
      dedupeKey: trackingEvents.dedupeKey,
    })
    .from(trackingEvents)
    .where(eq(trackingEvents.shipmentId, shipment.id));
  const latest = latestState(all);
  const status: ShipmentStatus = latest?.status ?? shipment.status;

  if (latest?.isException) {
    // the event that put the parcel in this state (latestState picks by time, then by state)
    const cause = all
      .filter(
        (e) =>
          e.occurredAt.getTime() === latest.occurredAt.getTime() &&
          mapKuaidi100State(e.stateCode).status === latest.status,
      )
      .at(-1);
    const kind = cause ? exceptionKindOf(cause.stateCode) : null;
    if (cause && kind) {
      await tx
        .insert(shipmentExceptions)
        .values({ shipmentId: shipment.id, kind, eventKey: cause.dedupeKey, description: cause.description })
        .onConflictDoNothing({ target: [shipmentExceptions.shipmentId, shipmentExceptions.eventKey] });
    }
  }
  const [open] = await tx
    .select({ id: shipmentExceptions.id })
    .from(shipmentExceptions)
    .where(and(eq(shipmentExceptions.shipmentId, shipment.id), isNull(shipmentExceptions.resolvedAt)))
    .limit(1);
  const hasException = Boolean(open);
  const deliveredAt = status === 'delivered' && latest ? latest.occurredAt : null;

  await tx
    .update(shipments)
    .set({ status, hasException, deliveredAt, lastTrackedAt: sql`now()` })
    .where(eq(shipments.id, shipment.id));
  const isStatusChanged = status !== shipment.status;
  if (isStatusChanged) {
    await appendOrderEvent(tx, {
      orderId: shipment.orderId,
      kind: 'tracking',
      actor: input.actor,
      message: `${shipment.trackingNumber}: ${status}`,
      details: { shipmentId: shipment.id, from: shipment.status, to: status },
    });
  }
  if (isStatusChanged || (shipment.deliveredAt?.getTime() ?? null) !== (deliveredAt?.getTime() ?? null)) {
    // delivered when every parcel is; only a fully shipped order waits on its auto-complete clock
    await tx
      .update(orders)
      .set({
        deliveredAt: sql`(select case when bool_and(s.status = 'delivered') then max(s.delivered_at) end from shipments s where s.order_id = ${shipment.orderId})`,
      })
      .where(and(eq(orders.id, shipment.orderId), eq(orders.status, 'shipped')));
  }
  return { eventsAdded: added.length, status, isStatusChanged, hasException };
}
