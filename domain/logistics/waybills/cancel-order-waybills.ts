import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { waybills } from '@/db/schema/logistics';
import type { Actor } from '@/domain/shared/actor';
import { cancelWaybill } from './cancel-waybill';
import { resolveWaybillSetup, type WaybillSetup } from './waybill-config';

/**
 * After an order is cancelled: its unused e-waybills are cancelled with the carrier too, so the
 * numbers are not billed or left open. Best effort, after the cancellation committed: a waybill the
 * provider could not cancel now stays assigned (on a cancelled order) and can be cancelled again.
 * Returns how many were cancelled.
 */
export async function cancelOrderWaybills(
  db: Database,
  input: { orderId: number; actor: Actor; setup?: WaybillSetup | null },
): Promise<number> {
  const open = await db
    .select({ id: waybills.id })
    .from(waybills)
    .where(and(eq(waybills.orderId, input.orderId), eq(waybills.status, 'assigned')));
  if (open.length === 0) return 0;
  const setup = input.setup === undefined ? resolveWaybillSetup() : input.setup;
  let cancelled = 0;
  for (const { id } of open) {
    const result = await cancelWaybill(db, { waybillId: id, reason: '订单已取消', actor: input.actor, setup });
    if (result.ok) cancelled += 1;
  }
  return cancelled;
}
