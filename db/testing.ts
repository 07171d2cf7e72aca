import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, queryRows, type Database, type DatabaseHandle } from './client';
import { stockLevels, type StockLevel } from './schema/inventory';
import { migrateDatabase } from './migrate';

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (dropped again by `close`).
 * Tests never touch DATABASE_URL's own database.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = openDatabase({ pgliteDir: 'memory://', url: '' });
    await migrateDatabase(handle);
    return handle;
  }
  const name = `oms_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), poolSize: 20 });
  await migrateDatabase(handle);
  return {
    ...handle,
    description: `${handle.description} (test)`,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Which engine the test run uses, for test names. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** The stock row of one SKU in one warehouse, for assertions (undefined when there is none). */
export async function findStockLevel(
  db: Database,
  skuId: number,
  warehouseId: number,
): Promise<StockLevel | undefined> {
  const [row] = await db
    .select()
    .from(stockLevels)
    .where(and(eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, warehouseId)));
  return row;
}

/**
 * Waits (up to 5 s) until a session of this database is inside a COMMIT waiting for a row lock,
 * as an order's commit-time reservation does behind another transaction; true when one was seen.
 * PostgreSQL only (pg_stat_activity).
 */
export async function sawCommitWaitingForLock(db: Database): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    const [waiting] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and query ilike 'commit%'`,
    );
    if (Number(waiting.n) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
