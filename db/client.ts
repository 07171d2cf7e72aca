import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns, type Query, type SQL, type Table } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

/** The app's database, whichever driver is behind it; a transaction is one too. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** where it lives, with any password removed, for log lines */
  description: string;
  close: () => Promise<void>;
}

/** Thrown when DATABASE_URL is unusable; its message is the one line the process prints. */
export class DatabaseConfigError extends Error {}

export function defaultPgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? '.data/pglite');
}

/**
 * Opens the database named by the environment: PostgreSQL when DATABASE_URL is set, otherwise
 * PGlite in a local folder (or in memory with `pgliteDir: 'memory://'`).
 */
export function openDatabase(options: { url?: string; pgliteDir?: string; poolSize?: number } = {}): DatabaseHandle {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return openPostgres(url, options.poolSize);
  return openPglite(options.pgliteDir ?? defaultPgliteDir());
}

function openPostgres(url: string, poolSize?: number): DatabaseHandle {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got ${parsed.protocol}//`);
  }
  const client = postgres(url, {
    max: poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connect_timeout: 10,
  });
  parsed.password = parsed.password ? '***' : '';
  return {
    db: drizzlePostgres(client, { schema }) as unknown as Database,
    kind: 'postgres',
    description: `PostgreSQL at ${parsed.host}${parsed.pathname}`,
    close: () => client.end({ timeout: 5 }),
  };
}

function openPglite(dir: string): DatabaseHandle {
  const inMemory = dir.startsWith('memory://');
  // PGlite creates only the last folder of its path
  if (!inMemory) mkdirSync(dir, { recursive: true });
  const client = new PGlite(inMemory ? undefined : dir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: 'pglite',
    description: inMemory ? 'PGlite in memory' : `PGlite in ${dir}`,
    close: () => client.close(),
  };
}

/** Runs raw SQL and returns its rows, hiding the two drivers' different result shapes. */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

const dialect = new PgDialect();

/**
 * queryRows as a prepared statement, for hot statements whose text is one of a few shapes (values
 * go in parameters). postgres.js then keeps a named statement per connection: one round trip
 * instead of two (an unprepared query with parameters is described first) and no re-parsing or
 * re-planning. Same rows as queryRows on both drivers (PGlite ignores the name).
 */
export async function queryRowsPrepared<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, 'prepared', false).execute()) as unknown;
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

/**
 * A hot statement built ONCE (drizzle SQL whose values are `sql.placeholder(name)`), then run
 * prepared on any database or transaction with the values of each call: no per-call query
 * building (drizzle's builders cost more CPU than the database does for a small INSERT). The
 * text must not depend on the database: it is built on the first call's handle and reused.
 */
export class CachedStatement {
  private query: Query | undefined;

  constructor(private readonly name: string, private readonly build: (db: Database) => SQL) {}

  async rows<T extends Record<string, unknown>>(db: Database, values: Record<string, unknown>): Promise<T[]> {
    const result = (await db._.session.prepareQuery(this.text(db), undefined, this.name, false).execute(values)) as unknown;
    if (Array.isArray(result)) return result as T[];
    return (result as { rows: T[] }).rows;
  }

  /** The statement's text and its parameters (placeholders), e.g. for a benchmark replaying it. */
  text(db: Database): Query {
    this.query ??= dialect.sqlToQuery(this.build(db));
    return this.query;
  }
}

/**
 * Maps a raw `returning *` row (column names, driver values) to the table's row type the way
 * drizzle's own select and returning do (each column's mapFromDriverValue).
 */
export function tableRowMapper<T extends Table>(table: T): (row: Record<string, unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table));
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = row[column.name];
      out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return out as T['$inferSelect'];
  };
}

const globalForDb = globalThis as unknown as { orderConsoleDb?: DatabaseHandle };

/** The process-wide database, opened on first use and reused across dev reloads. */
export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.orderConsoleDb ??= openDatabase();
  return globalForDb.orderConsoleDb;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}
