import { sql } from 'drizzle-orm';
import { DatabaseConfigError, getDatabaseHandle, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';

/**
 * Opens the process database, checks it answers and applies pending migrations. Any failure is
 * turned into one line naming what failed; callers print it and stop the process.
 */
export async function prepareDatabase(): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  try {
    handle = getDatabaseHandle();
  } catch (error) {
    throw error instanceof DatabaseConfigError ? error : new DatabaseConfigError(`database: ${message(error)}`);
  }
  try {
    await handle.db.execute(sql`select 1`);
  } catch (error) {
    const variable = handle.kind === 'postgres' ? 'DATABASE_URL' : 'PGLITE_DIR';
    throw new DatabaseConfigError(`${variable}: cannot open ${handle.description}: ${message(error)}`);
  }
  try {
    await migrateDatabase(handle);
  } catch (error) {
    throw new DatabaseConfigError(`migration failed on ${handle.description}: ${message(error)}`);
  }
  return handle;
}

function message(error: unknown): string {
  if (error instanceof Error) {
    // drivers wrap the server's answer ("database x does not exist") in a "Failed query" error
    const cause = (error as { cause?: unknown }).cause;
    return (cause instanceof Error ? cause.message : error.message).split('\n')[0];
  }
  return String(error);
}
