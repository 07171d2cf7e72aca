import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { waybills, type Waybill } from '@/db/schema/logistics';
import { isUniqueViolation } from '@/domain/shared/database-errors';
import { appendOrderEvent } from '@/domain/orders/order-event';
import { SHIPPABLE_STATUSES } from '@/domain/orders/order-status';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { planWaybillParcels, type WaybillParcel } from './plan-waybill-parcels';
import type { WaybillSetup } from './waybill-config';

/** The most orders one bulk request takes (a print run's worth). */
export const MAX_WAYBILL_ORDERS = 500;
/** Requests in flight at once against the provider. */
export const WAYBILL_CONCURRENCY = 8;

export const ZRequestWaybillsInput = z.object({
  orderIds: z.array(z.number().int().positive()).min(1).max(MAX_WAYBILL_ORDERS),
  /** only this warehouse's parcels (a warehouse's run); omitted: every parcel of the orders */
  warehouseId: z.number().int().positive().optional(),
});
export type TRequestWaybillsInput = z.input<typeof ZRequestWaybillsInput>;

/**
 * Failure codes per parcel: `not_shippable` (params.status), `no_warehouse`, `no_carrier` (no carrier
 * assigned), `no_account` (the carrier has no e-waybill account: type the number by hand), `refused`
 * (the provider's reason in message: bad address, out of numbers ...), `unreachable` (outcome unknown:
 * a retry asks again with the same request id and cannot get a second number), `duplicate_tracking_number`
 * (the carrier answered with a number already assigned), `not_configured` (no e-waybill provider at all).
 */
export type WaybillRequestError =
  | 'invalid'
  | 'not_shippable'
  | 'no_warehouse'
  | 'no_carrier'
  | 'no_account'
  | 'refused'
  | 'unreachable'
  | 'duplicate_tracking_number'
  | 'not_configured';

export interface WaybillOutcome {
  orderId: number;
  orderNumber: string;
  warehouseId: number | null;
  result: Result<{ waybill: Waybill; isReused: boolean }, WaybillRequestError>;
}

/**
 * Takes e-waybills for the parcels of these orders, WAYBILL_CONCURRENCY at a time, each parcel on its
 * own: a parcel that already has one gets it back (a reprint never asks twice); otherwise a
 * `requesting` row is written first with a fresh request id (one live waybill per parcel, by a unique
 * index), the provider is asked, and the number is written only when it answered. A refusal marks the
 * row failed with the reason and leaves the order in the queue; a timeout leaves it requesting, so the
 * next try repeats the same request id. One outcome per parcel.
 */
export async function requestWaybills(
  db: Database,
  input: TRequestWaybillsInput & { actor: Actor; setup: WaybillSetup | null },
): Promise<Result<WaybillOutcome[], 'invalid'>> {
  const parsed = ZRequestWaybillsInput.safeParse(input);
  if (!parsed.success) return fail('invalid', 'give between 1 and 500 order ids');
  const { orderIds, warehouseId } = parsed.data;
  const parcels = (await planWaybillParcels(db, [...new Set(orderIds)])).filter(
    (p) => warehouseId === undefined || p.warehouseId === warehouseId,
  );
  const outcomes: WaybillOutcome[] = new Array(parcels.length);
  let next = 0;
  const worker = async () => {
    while (next < parcels.length) {
      const index = next++;
      const parcel = parcels[index];
      outcomes[index] = {
        orderId: parcel.orderId,
        orderNumber: parcel.orderNumber,
        warehouseId: parcel.warehouseId,
        result: await requestParcelWaybill(db, parcel, input.setup, input.actor),
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(WAYBILL_CONCURRENCY, parcels.length) }, worker));
  return ok(outcomes);
}

async function requestParcelWaybill(
  db: Database,
  parcel: WaybillParcel,
  setup: WaybillSetup | null,
  actor: Actor,
): Promise<Result<{ waybill: Waybill; isReused: boolean }, WaybillRequestError>> {
  if (!SHIPPABLE_STATUSES.includes(parcel.status))
    return fail('not_shippable', `order ${parcel.orderNumber} is ${parcel.status}`, undefined, {
      status: parcel.status,
    });
  if (parcel.warehouseId === null || !parcel.sender)
    return fail('no_warehouse', `order ${parcel.orderNumber} has units with no warehouse to leave from`);
  if (parcel.carrierId === null || !parcel.carrierCode)
    return fail('no_carrier', `order ${parcel.orderNumber} has no carrier assigned`);
  if (!setup) return fail('not_configured', 'no e-waybill provider is configured');
  const account = setup.accounts.get(parcel.carrierCode);
  if (!account)
    return fail('no_account', `carrier ${parcel.carrierCode} has no e-waybill account`, undefined, {
      carrier: parcel.carrierCode,
    });

  // the parcel's live waybill, or a new requesting row; the unique index lets only one exist
  const [inserted] = await db
    .insert(waybills)
    .values({
      orderId: parcel.orderId,
      warehouseId: parcel.warehouseId,
      carrierId: parcel.carrierId,
      requestId: randomUUID(),
      status: 'requesting',
      quantity: parcel.units,
      codAmountCents: parcel.codAmountCents,
      createdBy: actor.type === 'staff' ? actor.id : null,
    })
    .onConflictDoNothing({
      target: [waybills.orderId, waybills.warehouseId],
      where: sql`status in ('requesting', 'assigned')`,
    })
    .returning();
  const live = inserted ?? (await findLiveWaybill(db, parcel.orderId, parcel.warehouseId));
  if (!live) return fail('unreachable', 'the waybill row moved while it was read; try again');
  if (live.status === 'assigned') return ok({ waybill: live, isReused: true });

  const answer = await setup.provider.order({
    account,
    requestId: live.requestId,
    recipient: parcel.recipient,
    sender: parcel.sender,
    cargo: parcel.cargo,
    count: live.quantity,
    codAmountCents: live.codAmountCents,
    remark: parcel.orderNumber,
  });
  if (!answer.ok) {
    if (answer.code === 'unreachable') return fail('unreachable', answer.message);
    await db
      .update(waybills)
      .set({ status: 'failed', failureReason: answer.message.slice(0, 500), updatedAt: new Date() })
      .where(and(eq(waybills.id, live.id), eq(waybills.status, 'requesting')));
    return fail('refused', answer.message, undefined, { reason: answer.message });
  }

  const assigned = await db
    .transaction(async (tx) => {
      const [row] = await tx
        .update(waybills)
        .set({
          status: 'assigned',
          trackingNumber: answer.data.trackingNumber,
          carrierOrderNumber: answer.data.carrierOrderNumber,
          sortingCode: answer.data.sortingCode,
          packageCenter: answer.data.packageCenter,
          labelData: answer.data.labelData,
          updatedAt: new Date(),
        })
        .where(and(eq(waybills.id, live.id), eq(waybills.status, 'requesting')))
        .returning();
      if (row)
        await appendOrderEvent(tx, {
          orderId: parcel.orderId,
          kind: 'shipment',
          actor,
          message: `e-waybill ${row.trackingNumber}`,
          details: { waybillId: row.id, trackingNumber: row.trackingNumber, warehouseId: row.warehouseId },
        });
      return row;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return 'duplicate' as const;
      throw error;
    });
  if (assigned === 'duplicate') {
    await db
      .update(waybills)
      .set({ status: 'failed', failureReason: `duplicate number ${answer.data.trackingNumber}`, updatedAt: new Date() })
      .where(and(eq(waybills.id, live.id), eq(waybills.status, 'requesting')));
    return fail(
      'duplicate_tracking_number',
      `the carrier answered with ${answer.data.trackingNumber}, already assigned`,
    );
  }
  if (assigned) return ok({ waybill: assigned, isReused: false });
  // someone else wrote the same answer first (a concurrent request with the same request id)
  const winner = await findLiveWaybill(db, parcel.orderId, parcel.warehouseId);
  if (winner?.status === 'assigned') return ok({ waybill: winner, isReused: true });
  return fail('unreachable', 'the waybill changed while it was requested; try again');
}

async function findLiveWaybill(db: Database, orderId: number, warehouseId: number): Promise<Waybill | undefined> {
  const [row] = await db
    .select()
    .from(waybills)
    .where(
      and(
        eq(waybills.orderId, orderId),
        eq(waybills.warehouseId, warehouseId),
        inArray(waybills.status, ['requesting', 'assigned']),
      ),
    );
  return row;
}
