import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carriers, logisticsPushLog, shipments } from '@/db/schema/logistics';
import { KUAIDI100_PUSH_OK, kuaidi100PushFailure } from '../kuaidi100';
import { findUnsafeText } from '@/domain/shared/safe-text';
import { normalizeTrackingNumber } from '../carriers';
import { applyTrackingEvents } from './apply-tracking-events';
import type { TrackingProvider } from './tracking-provider';

/** The integration actor pushes are recorded under on the order timeline. */
export const TRACKING_ACTOR = { type: 'integration', id: null, name: 'kuaidi100' } as const;

export interface PushOutcome {
  /** what the aggregator is answered, as JSON */
  reply: { result: boolean; returnCode: string; message: string };
  /** accepted, or the refusal code */
  outcome: string;
  shipmentId: number | null;
  eventsAdded: number;
}

/**
 * Takes one tracking push (the webhook's form fields): checks the sign, reads it, finds the
 * shipment by carrier and number and applies its events; logs it whatever happens. A wrong sign,
 * a malformed body or an unknown parcel changes nothing but the log, and is answered as a
 * failure. A replay of a push we took is answered as a success (its events are already stored).
 */
export async function receiveTrackingPush(
  db: Database,
  provider: TrackingProvider,
  form: { param?: unknown; sign?: unknown },
): Promise<PushOutcome> {
  const body =
    typeof form.param === 'string' ? `param=${form.param}&sign=${String(form.sign ?? '')}`.slice(0, 8192) : null;
  const log = async (
    outcome: string,
    message: string | null,
    extra: Partial<typeof logisticsPushLog.$inferInsert> = {},
  ) => {
    await db
      .insert(logisticsPushLog)
      .values({ provider: provider.name, outcome, message: message?.slice(0, 1000) ?? null, body, ...extra });
  };

  // a control character would make the log row (and the events) fail to store: refused before anything is written
  if (findUnsafeText(form).length > 0) {
    await db.insert(logisticsPushLog).values({
      provider: provider.name,
      outcome: 'unsafe_text',
      message: 'the push contains control characters',
      body: null,
    });
    return { reply: kuaidi100PushFailure('unsafe_text'), outcome: 'unsafe_text', shipmentId: null, eventsAdded: 0 };
  }
  const parsed = provider.parsePush(form);
  if (!parsed.ok) {
    await log(parsed.code, parsed.message);
    return { reply: kuaidi100PushFailure(parsed.code), outcome: parsed.code, shipmentId: null, eventsAdded: 0 };
  }
  const push = parsed.data;
  // the same rule for text that was escaped inside the JSON (\u0000 in an event's description)
  if (findUnsafeText(push.events).length > 0) {
    await log('unsafe_text', 'an event contains control characters');
    return { reply: kuaidi100PushFailure('unsafe_text'), outcome: 'unsafe_text', shipmentId: null, eventsAdded: 0 };
  }
  const number = normalizeTrackingNumber(push.trackingNumber);
  const [shipment] = await db
    .select({ id: shipments.id })
    .from(shipments)
    .innerJoin(carriers, eq(carriers.id, shipments.carrierId))
    .where(and(eq(carriers.code, push.carrierCode), eq(shipments.trackingNumber, number)));
  const where = { carrierCode: push.carrierCode, trackingNumber: number };
  if (!shipment) {
    await log('unknown_shipment', `no shipment with ${push.carrierCode} ${number}`, where);
    return {
      reply: kuaidi100PushFailure('unknown_shipment'),
      outcome: 'unknown_shipment',
      shipmentId: null,
      eventsAdded: 0,
    };
  }
  const applied = await db.transaction((tx) =>
    applyTrackingEvents(tx, { shipmentId: shipment.id, events: push.events, actor: TRACKING_ACTOR }),
  );
  await log('accepted', `${applied.status}${applied.eventsAdded === 0 ? ' (replay)' : ''}`, {
    ...where,
    shipmentId: shipment.id,
    eventsAdded: applied.eventsAdded,
  });
  return {
    reply: { ...KUAIDI100_PUSH_OK },
    outcome: 'accepted',
    shipmentId: shipment.id,
    eventsAdded: applied.eventsAdded,
  };
}
