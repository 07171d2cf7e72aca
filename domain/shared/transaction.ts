import { transaction, type Database } from '@/db/client';
import type { Fail, Result } from './result';

/** Carries an expected failure out of db.transaction so the transaction rolls back. */
class RollbackWithFailure extends Error {
  constructor(readonly failure: Fail) {
    super(`rolled back: ${failure.code}`);
  }
}

/**
 * Runs `fn` in one transaction. An ok result commits; a failure result rolls back everything the
 * function did (stock already reserved for earlier lines, rows inserted) and is returned as is.
 * Only thrown errors (bugs, lost connections) propagate.
 */
export async function inTransaction<T, C extends string>(
  db: Database,
  fn: (tx: Database) => Promise<Result<T, C>>,
): Promise<Result<T, C>> {
  try {
    return await transaction(db, async (tx) => {
      const result = await fn(tx);
      if (!result.ok) throw new RollbackWithFailure(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWithFailure) return error.failure as Fail<C>;
    throw error;
  }
}
