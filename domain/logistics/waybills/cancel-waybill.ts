import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carriers, shipments, waybills, type Waybill } from '@/db/schema/logistics';
import { appendOrderEvent } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import type { WaybillSetup } from './waybill-config';

/**
 * Failure codes: `not_found`; `not_cancellable` (params.status: only an assigned waybill not yet on a
 * shipment can be cancelled); `no_account` / `not_configured`; `refused` / `unreachable` (the provider's
 * answer; the waybill stays assigned).
 */
export type CancelWaybillError =
  'not_found' | 'not_cancellable' | 'no_account' | 'not_configured' | 'refused' | 'unreachable';

/**
 * Cancels an unused waybill with the provider's cancel call, then marks it cancelled (the parcel may
 * take a new one). A waybill whose number already left on a shipment is never cancelled.
 */
export async function cancelWaybill(
  db: Database,
  input: { waybillId: number; reason: string; actor: Actor; setup: WaybillSetup | null },
): Promise<Result<Waybill, CancelWaybillError>> {
  const [row] = await db
    .select({ waybill: waybills, carrierCode: carriers.code })
    .from(waybills)
    .innerJoin(carriers, eq(carriers.id, waybills.carrierId))
    .where(eq(waybills.id, input.waybillId));
  if (!row) return fail('not_found', `waybill ${input.waybillId} does not exist`);
  const { waybill } = row;
  if (waybill.status !== 'assigned' || !waybill.trackingNumber)
    return fail('not_cancellable', `waybill ${waybill.id} is ${waybill.status}`, undefined, { status: waybill.status });
  const [shipped] = await db
    .select({ id: shipments.id })
    .from(shipments)
    .where(and(eq(shipments.carrierId, waybill.carrierId), eq(shipments.trackingNumber, waybill.trackingNumber)));
  if (shipped)
    return fail('not_cancellable', `waybill ${waybill.trackingNumber} has shipped`, undefined, { status: 'used' });
  if (!input.setup) return fail('not_configured', 'no e-waybill provider is configured');
  const account = input.setup.accounts.get(row.carrierCode);
  if (!account) return fail('no_account', `carrier ${row.carrierCode} has no e-waybill account`);

  const answer = await input.setup.provider.cancel({
    account,
    trackingNumber: waybill.trackingNumber,
    carrierOrderNumber: waybill.carrierOrderNumber,
    reason: input.reason,
  });
  if (!answer.ok) return answer;
  return db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(waybills)
      .set({ status: 'cancelled', failureReason: input.reason.slice(0, 500), updatedAt: new Date() })
      .where(and(eq(waybills.id, waybill.id), eq(waybills.status, 'assigned')))
      .returning();
    if (!cancelled)
      return fail('not_cancellable', `waybill ${waybill.id} changed meanwhile`, undefined, { status: 'changed' });
    await appendOrderEvent(tx, {
      orderId: waybill.orderId,
      kind: 'shipment',
      actor: input.actor,
      message: `e-waybill ${waybill.trackingNumber} cancelled`,
      details: { waybillId: waybill.id, trackingNumber: waybill.trackingNumber, reason: input.reason },
    });
    return ok(cancelled);
  });
}
