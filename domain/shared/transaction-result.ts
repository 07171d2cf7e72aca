import type { Database } from '@/db/client';
import type { Fail, Result } from './result';

class RollbackWithFailure extends Error {
  constructor(readonly failure: Fail) {
    super(failure.message);
  }
}

/**
 * Runs `work` in a transaction (a savepoint when `db` is already one) that commits only when it
 * returns ok: a failure value rolls back every write it made, like an exception would, and is
 * returned as the value it was.
 */
export async function transactionResult<T, C extends string>(db: Database, work: (tx: Database) => Promise<Result<T, C>>): Promise<Result<T, C>> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new RollbackWithFailure(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWithFailure) return error.failure as Fail<C>;
    throw error;
  }
}
