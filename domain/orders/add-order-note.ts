import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';
import { zodFieldErrors } from '@/domain/shared/validation';
import { appendOrderEvent } from './order-event';
import { ZId } from './order-input';

import { MAX_ORDER_NOTE_LENGTH } from './text-limits';

export { MAX_ORDER_NOTE_LENGTH };

export const ZAddOrderNoteInput = z.object({
  orderId: z.coerce.number().pipe(ZId),
  note: safeText('orders.actions.validation.note')
    .trim()
    .min(1, 'orders.actions.validation.note')
    .max(MAX_ORDER_NOTE_LENGTH, 'orders.actions.validation.noteTooLong'),
});
export type TAddOrderNoteInput = z.input<typeof ZAddOrderNoteInput>;

/** Failure codes: `not_found`; `invalid` (empty, too long or with control characters: fieldErrors.note). */
export type AddOrderNoteError = 'not_found' | 'invalid';

/** Adds an internal note (never shown to the buyer) to the order's timeline. */
export async function addOrderNote(
  db: Database,
  input: TAddOrderNoteInput & { actor: Actor },
): Promise<Result<{ orderId: number }, AddOrderNoteError>> {
  const parsed = ZAddOrderNoteInput.safeParse(input);
  if (!parsed.success)
    return fail('invalid', `a note is 1 to ${MAX_ORDER_NOTE_LENGTH} characters`, zodFieldErrors(parsed.error));
  const { orderId, note } = parsed.data;
  return db.transaction(async (tx) => {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId));
    if (!order) return fail('not_found', `order ${orderId} does not exist`);
    await appendOrderEvent(tx, { orderId: order.id, kind: 'note', actor: input.actor, message: note });
    return ok({ orderId: order.id });
  });
}
