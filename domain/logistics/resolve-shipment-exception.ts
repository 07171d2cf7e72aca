import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { shipmentExceptions, shipments } from '@/db/schema/logistics';
import { appendOrderEvent, staffIdOf } from '@/domain/orders/order-event';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';

export const MAX_RESOLUTION_NOTE = 1000;

/**
 * Closes a shipment exception with what was done (re-delivery arranged, refund started...). The
 * shipment stops counting as an exception once none of its exceptions is open; the order's
 * timeline keeps the note. Failure codes: `not_found`, `already_resolved`.
 */
export async function resolveShipmentException(
  db: Database,
  input: { exceptionId: number; note: string; actor: Actor },
): Promise<Result<{ shipmentId: number }, 'not_found' | 'already_resolved'>> {
  return inTransaction(db, async (tx) => {
    const [exception] = await tx.select().from(shipmentExceptions).where(eq(shipmentExceptions.id, input.exceptionId));
    if (!exception) return fail('not_found', `exception ${input.exceptionId} does not exist`);
    // lock the shipment like the tracking path does, so has_exception is decided by one writer at a time
    const [shipment] = await tx.select().from(shipments).where(eq(shipments.id, exception.shipmentId)).for('update');
    const [resolved] = await tx
      .update(shipmentExceptions)
      .set({ resolvedAt: new Date(), resolvedBy: staffIdOf(input.actor), resolutionNote: input.note.trim() })
      .where(and(eq(shipmentExceptions.id, exception.id), isNull(shipmentExceptions.resolvedAt)))
      .returning();
    if (!resolved) return fail('already_resolved', 'this exception was already resolved');
    const [open] = await tx
      .select({ id: shipmentExceptions.id })
      .from(shipmentExceptions)
      .where(and(eq(shipmentExceptions.shipmentId, shipment.id), isNull(shipmentExceptions.resolvedAt)))
      .limit(1);
    await tx
      .update(shipments)
      .set({ hasException: Boolean(open) })
      .where(eq(shipments.id, shipment.id));
    await appendOrderEvent(tx, {
      orderId: shipment.orderId,
      kind: 'tracking',
      actor: input.actor,
      message: input.note.trim(),
      details: { shipmentId: shipment.id, exceptionId: exception.id, resolved: exception.kind },
    });
    return ok({ shipmentId: shipment.id });
  });
}
