import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  fillPlaceholders,
  getTableColumns,
  Param,
  SQL,
  sql,
  StringChunk,
  type Query,
  type SQLChunk,
  type Table,
} from 'drizzle-orm';
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
  const db = drizzlePostgres(keepingTransactions(client), { schema }) as unknown as Database;
  drivers.set(db, { rows: postgresRows(client), pool: true });
  return {
    db,
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
 * A statement for CachedStatement / queryRowsPrepared, run as `with <ctes> <body>`. Data-modifying
 * CTEs (INSERT/UPDATE ... RETURNING) go in `with`: PostgreSQL takes them only at the top level.
 */
export interface StatementParts {
  /** common table expressions, in order */
  with?: Record<string, SQL>;
  body: SQL;
}

function statementSql(parts: StatementParts): SQL {
  const ctes = Object.entries(parts.with ?? {}).map(([alias, body]) => sql`${sql.identifier(alias)} as (${body})`);
  return ctes.length === 0 ? parts.body : sql`with ${sql.join(ctes, sql`, `)} ${parts.body}`;
}

type RunRows = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * How a database or transaction runs an already rendered statement through its driver, when known:
 * postgres.js keeps it prepared per connection (keyed by its text). `pool`: a database (its
 * transactions are found through `startingTransaction`). Absent (PGlite, or a transaction not opened
 * by `transaction` below), statements go through drizzle's public execute instead.
 */
const drivers = new WeakMap<Database, { rows: RunRows; pool?: true }>();

const postgresRows =
  (client: postgres.Sql | postgres.TransactionSql): RunRows =>
  async (text, params) =>
    await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });

/**
 * The driver's handle of the transaction whose callback is being called, during that synchronous
 * call only: drizzle's db.transaction calls ours from it before its first await. (Not an
 * AsyncLocalStorage: on Node 20 using one slows every await in the process.)
 */
let startingTransaction: RunRows | undefined;

/** The client drizzle gets: the same, except that `begin` (drizzle's db.transaction) sets startingTransaction. */
function keepingTransactions(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, key) {
      if (key !== 'begin') return Reflect.get(target, key);
      return (...args: unknown[]) => {
        const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
        const begin = target.begin as (...beginArgs: unknown[]) => Promise<unknown>;
        return begin(...args, (tx: postgres.TransactionSql) => {
          const previous = startingTransaction;
          startingTransaction = postgresRows(tx);
          try {
            return fn(tx);
          } finally {
            startingTransaction = previous;
          }
        });
      };
    },
  });
}

/**
 * db.transaction, keeping the driver's handle of the transaction so that CachedStatement and
 * queryRowsPrepared in it run straight through the driver (drizzle's builders cost more CPU than a
 * small statement does). Behaves exactly as db.transaction otherwise.
 */
export function transaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  const outer = drivers.get(db);
  return db.transaction((tx) => {
    // a nested transaction (a savepoint) runs on its enclosing transaction's connection
    const rows = outer?.pool ? startingTransaction : outer?.rows;
    if (rows) drivers.set(tx as unknown as Database, { rows });
    return fn(tx as unknown as Database);
  });
}

/**
 * queryRows for hot statements whose text is one of a few shapes (values go in parameters):
 * through the driver where it can, where postgres.js keeps a prepared statement per connection (one
 * round trip instead of two, no re-parsing or re-planning). Same rows as queryRows on both drivers.
 */
export async function queryRowsPrepared<T extends Record<string, unknown>>(
  db: Database,
  parts: StatementParts,
): Promise<T[]> {
  const statement = statementSql(parts);
  const run = drivers.get(db)?.rows;
  if (!run) return queryRows<T>(db, statement);
  const query = dialect.sqlToQuery(statement);
  return (await run(query.sql, query.params)) as T[];
}

const dialect = new PgDialect();

/**
 * A hot statement built and rendered ONCE (drizzle SQL whose values are `sql.placeholder(name)`),
 * then run on any database or transaction with the values of each call: no per-call query building.
 * The parts must not depend on the database: they are built on the first call's handle and reused.
 */
export class CachedStatement {
  private query: Query | undefined;
  /** the text split around its parameters ($1, $2, ...), for the path through drizzle */
  private textParts: string[] = [];

  constructor(private readonly build: (db: Database) => StatementParts) {}

  async rows<T extends Record<string, unknown>>(db: Database, values: Record<string, unknown>): Promise<T[]> {
    const query = this.text(db);
    const params = fillPlaceholders(query.params, values);
    const run = drivers.get(db)?.rows;
    if (run) return (await run(query.sql, params)) as T[];
    const chunks: SQLChunk[] = [new StringChunk(this.textParts[0])];
    params.forEach((value, index) => chunks.push(new Param(value), new StringChunk(this.textParts[index + 1])));
    return queryRows<T>(db, new SQL(chunks));
  }

  /** The statement's text and its parameters (placeholders), e.g. for a benchmark replaying it. */
  text(db: Database): Query {
    if (!this.query) {
      this.query = dialect.sqlToQuery(statementSql(this.build(db)));
      // drizzle numbers the parameters $1, $2, ... in order of appearance, each once
      const numbers = [...this.query.sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
      if (numbers.length !== this.query.params.length || numbers.some((n, index) => n !== index + 1)) {
        throw new Error(`CachedStatement: cannot split its text around its ${this.query.params.length} parameters`);
      }
      this.textParts = this.query.sql.split(/\$\d+/);
    }
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
