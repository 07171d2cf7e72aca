import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { afterSalesRequests, type AfterSalesRequest } from '@/db/schema/after-sales';
import { orders } from '@/db/schema/orders';
import { validateTrackingNumberFor } from '@/domain/logistics/carriers';
import type { TrackingProvider } from '@/domain/logistics/tracking/tracking-provider';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { zodFieldErrors } from '@/domain/shared/validation';
import { findParcelCarrier, hasCarrier, NO_CARRIER, ZParcelFields } from './parcel-carrier';
import { appendAfterSalesEvent } from './after-sales-event';
import { loadRequest, transitionRequest, type TransitionFailure } from './transition-request';

export const ZRecordReturnParcel = z.object(ZParcelFields).refine(hasCarrier, NO_CARRIER);
export type TRecordReturnParcel = z.input<typeof ZRecordReturnParcel>;

/**
 * Failure codes: `invalid`; `unknown_carrier`; `empty_tracking_number` / `invalid_tracking_number`
 * (the carrier's rule; params carrier, number); those of transitionRequest (the request is not
 * awaiting its return parcel).
 */
export type RecordReturnParcelFailure =
  TransitionFailure | 'invalid' | 'unknown_carrier' | 'empty_tracking_number' | 'invalid_tracking_number';

/**
 * The buyer sent the goods back: awaiting_return -> return_in_transit with the carrier and the
 * number checked by the carrier's rule. After the commit the parcel is subscribed with the
 * tracking aggregator (a refusal is recorded and does not undo the parcel; subscribing again is fine).
 */
export async function recordReturnParcel(
  db: Database,
  raw: TRecordReturnParcel & { actor: Actor; tracking?: TrackingProvider },
): Promise<Result<AfterSalesRequest & { subscribed: boolean }, RecordReturnParcelFailure>> {
  const parsed = ZRecordReturnParcel.safeParse(raw);
  if (!parsed.success) return fail('invalid', 'The return parcel is not valid', zodFieldErrors(parsed.error));
  const input = parsed.data;
  const moved = await inTransaction<
    { request: AfterSalesRequest; carrierCode: string; phone: string },
    RecordReturnParcelFailure
  >(db, async (tx) => {
    const named = await findParcelCarrier(tx, input);
    if (!named.ok) return named;
    const carrier = named.data;
    const checked = validateTrackingNumberFor(carrier, input.trackingNumber);
    if (!checked.ok) return checked;
    const request = await loadRequest(tx, input.requestId);
    if (!request.ok) return request;
    const updated = await transitionRequest(tx, {
      request: request.data,
      to: 'return_in_transit',
      actor: raw.actor,
      set: {
        returnCarrierId: carrier.id,
        returnTrackingNumber: checked.data,
        returnShippedAt: new Date(),
        deadlineAt: null,
      },
      details: { carrier: carrier.code, trackingNumber: checked.data },
    });
    if (!updated.ok) return updated;
    const [order] = await tx
      .select({ phone: orders.shipPhone })
      .from(orders)
      .where(eq(orders.id, request.data.orderId));
    return ok({ request: updated.data, carrierCode: carrier.code, phone: order.phone });
  });
  if (!moved.ok) return moved;
  const { request, carrierCode, phone } = moved.data;
  if (!raw.tracking) return ok({ ...request, subscribed: false });
  const subscribed = await raw.tracking.subscribe({
    carrierCode,
    trackingNumber: request.returnTrackingNumber!,
    phone,
  });
  if (subscribed.ok) {
    await db
      .update(afterSalesRequests)
      .set({ returnSubscribedAt: sql`now()` })
      .where(eq(afterSalesRequests.id, request.id));
  } else {
    await appendAfterSalesEvent(db, {
      requestId: request.id,
      kind: 'return_parcel',
      actor: raw.actor,
      message: subscribed.message,
      details: { subscribe: 'failed' },
    });
  }
  return ok({ ...request, subscribed: subscribed.ok });
}
