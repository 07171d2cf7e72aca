import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { afterSalesRequests } from '@/db/schema/after-sales';
import { getSetting } from '@/domain/settings/get-setting';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { appendAfterSalesEvent } from './after-sales-event';
import { receiptDeadline } from './deadlines';

/**
 * The return parcel was delivered to the seller (tracking said so, or a person): the receipt
 * deadline starts. Once only; failure code `not_in_transit` when the request has no return
 * parcel on its way (params.requestId).
 */
export async function markReturnDelivered(
  db: Database,
  input: { requestId: number; deliveredAt: Date; actor: Actor },
): Promise<Result<{ deadlineAt: Date }, 'not_in_transit'>> {
  const rules = await getSetting(db, 'after_sales_deadlines');
  const deadlineAt = receiptDeadline(rules, input.deliveredAt);
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(afterSalesRequests)
      .set({ returnDeliveredAt: input.deliveredAt, deadlineAt, updatedAt: sql`now()` })
      .where(
        sql`${afterSalesRequests.id} = ${input.requestId} and ${afterSalesRequests.status} = 'return_in_transit' and ${afterSalesRequests.returnDeliveredAt} is null`,
      )
      .returning({ id: afterSalesRequests.id });
    if (rows.length === 0)
      return fail('not_in_transit', `request ${input.requestId} has no return parcel on its way`, undefined, {
        requestId: input.requestId,
      });
    await appendAfterSalesEvent(tx as unknown as Database, {
      requestId: input.requestId,
      kind: 'return_parcel',
      actor: input.actor,
      details: { deliveredAt: input.deliveredAt.toISOString() },
    });
    return ok({ deadlineAt });
  });
}
