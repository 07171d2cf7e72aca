import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  getTableColumns,
  Param,
  Placeholder,
  SQL,
  sql,
  StringChunk,
  type Query,
  type SQLChunk,
  type Table,
} from 'drizzle-orm';
import { PgDialect, QueryBuilder, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
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
    throw new DatabaseConfigError(
      'DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseConfigError(
      `DATABASE_URL must start with postgres:// or postgresql://, got ${parsed.protocol}//`,
    );
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

/**
 * A statement for CachedStatement / queryRowsPrepared, run as `with <ctes>, result as (<body>)
 * select <columns> from result`: the shape drizzle's public builder can prepare. Data-modifying
 * CTEs (INSERT/UPDATE ... RETURNING) go in `with`: PostgreSQL takes them only at the top level.
 */
export interface StatementParts {
  /** common table expressions, in order */
  with?: Record<string, SQL>;
  body: SQL;
  /** the body's result columns, as its select list (or RETURNING) names them */
  columns: readonly string[];
}

/**
 * Drizzle's select builder around the parts, for any database or transaction: `prepare(name)` on
 * it is drizzle's public prepared statement (postgres.js keeps it per connection, keyed by text).
 */
function selectOf(parts: StatementParts) {
  const ctes = Object.entries(parts.with ?? {}).map(([alias, body]) => new QueryBuilder().$with(alias, {}).as(body));
  const result = new QueryBuilder().$with('result', {}).as(parts.body);
  const fields = Object.fromEntries(
    parts.columns.map((column) => [column, sql.raw(`"${column.replaceAll(`"`, `""`)}"`)]),
  );
  const from = sql.raw('"result"');
  return (db: Database) =>
    db
      .with(...ctes, result)
      .select(fields)
      .from(from);
}

/**
 * queryRows as a prepared statement, for hot statements whose text is one of a few shapes (values
 * go in parameters). postgres.js then keeps a named statement per connection: one round trip
 * instead of two (an unprepared query with parameters is described first) and no re-parsing or
 * re-planning. Same rows as queryRows on both drivers (PGlite ignores the name).
 */
export async function queryRowsPrepared<T extends Record<string, unknown>>(
  db: Database,
  name: string,
  parts: StatementParts,
): Promise<T[]> {
  return (await selectOf(parts)(db).prepare(name).execute()) as T[];
}

const dialect = new PgDialect();

/**
 * The same SQL as a flat list of text and parameters: drizzle renders it once here instead of
 * walking its nested fragments on every call (that walk costs more CPU than a small INSERT does).
 */
function flatten(query: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const chunks: SQLChunk[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(new StringChunk(text.slice(last, match.index)));
    const value = params[Number(match[1]) - 1];
    chunks.push(value instanceof Placeholder ? value : new Param(value));
    last = match.index + match[0].length;
  }
  chunks.push(new StringChunk(text.slice(last)));
  return new SQL(chunks);
}

/**
 * A hot statement built ONCE (drizzle SQL whose values are `sql.placeholder(name)`), then run
 * prepared on any database or transaction with the values of each call. The parts must not
 * depend on the database: they are built on the first call's handle and reused.
 */
export class CachedStatement {
  private select: ReturnType<typeof selectOf> | undefined;

  constructor(
    private readonly name: string,
    private readonly build: (db: Database) => StatementParts,
  ) {}

  async rows<T extends Record<string, unknown>>(db: Database, values: Record<string, unknown>): Promise<T[]> {
    return (await this.selectFor(db).prepare(this.name).execute(values)) as T[];
  }

  /** The statement's text and its parameters (placeholders), e.g. for a benchmark replaying it. */
  text(db: Database): Query {
    return this.selectFor(db).toSQL();
  }

  private selectFor(db: Database) {
    if (!this.select) {
      const parts = this.build(db);
      const ctes = Object.entries(parts.with ?? {}).map(([alias, body]) => [alias, flatten(body)]);
      this.select = selectOf({ with: Object.fromEntries(ctes), body: flatten(parts.body), columns: parts.columns });
    }
    return this.select(db);
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
