import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { appendOrderEvent } from './order-event';

export const MAX_NOTE_LENGTH = 2000;

/** Failure codes: `not_found`; `invalid_note` (empty or longer than MAX_NOTE_LENGTH). */
export type AddOrderNoteError = 'not_found' | 'invalid_note';

/** Adds an internal note (never shown to the buyer) to the order's timeline. */
export async function addOrderNote(db: Database, input: { orderId: number; note: string; actor: Actor }): Promise<Result<{ orderId: number }, AddOrderNoteError>> {
  const note = input.note.trim();
  if (note === '' || note.length > MAX_NOTE_LENGTH) return fail('invalid_note', `a note is 1 to ${MAX_NOTE_LENGTH} characters`, { note: ['invalid_note'] });
  return db.transaction(async (tx) => {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, input.orderId));
    if (!order) return fail('not_found', `order ${input.orderId} does not exist`);
    await appendOrderEvent(tx, { orderId: order.id, kind: 'note', actor: input.actor, message: note });
    return ok({ orderId: order.id });
  });
}
