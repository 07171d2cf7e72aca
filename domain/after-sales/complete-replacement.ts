import type { Database } from '@/db/client';
import type { AfterSalesRequest } from '@/db/schema/after-sales';
import type { Actor } from '@/domain/shared/actor';
import type { Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { loadRequest, transitionRequest, type TransitionFailure } from './transition-request';

/** The replacement parcel was delivered: replacement_shipped -> completed. Failure codes: those of transitionRequest. */
export async function completeReplacement(
  db: Database,
  input: { requestId: number; actor: Actor },
): Promise<Result<AfterSalesRequest, TransitionFailure>> {
  return inTransaction<AfterSalesRequest, TransitionFailure>(db, async (tx) => {
    const found = await loadRequest(tx, input.requestId);
    if (!found.ok) return found;
    return transitionRequest(tx, {
      request: found.data,
      to: 'completed',
      actor: input.actor,
      message: 'replacement delivered',
    });
  });
}
