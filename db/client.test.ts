import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CachedStatement,
  queryRows,
  queryRowsPrepared,
  transaction,
  type Database,
  type DatabaseHandle,
} from './client';
import { openTestDatabase, testDatabaseKind } from './testing';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

// reads a temporary table: it exists only on the connection of the transaction that made it
const countProbe = new CachedStatement(() => ({
  with: { wanted: sql`select ${sql.placeholder('n')}::int as n` },
  body: sql`select count(*)::int as found, (select n from wanted) as n from client_probe p where p.n = (select n from wanted)`,
}));
const insertProbe = (n: number) => ({
  with: { added: sql`insert into client_probe (n) values (${n}) returning n` },
  body: sql`select n from added`,
});

async function withProbe<T>(tx: Database, fn: () => Promise<T>): Promise<T> {
  await tx.execute(sql`create temporary table client_probe (n int) on commit drop`);
  await tx.execute(sql`insert into client_probe (n) values (7)`);
  return fn();
}

/** How many statements the connection keeps prepared with this text (postgres.js names them). */
async function preparedOnConnection(tx: Database, text: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from pg_prepared_statements where statement = ${text}`,
  );
  return row.n;
}

describe(`hot statements on the connection they are given (${testDatabaseKind})`, () => {
  it('run inside transaction(), db.transaction and a savepoint, seeing what the transaction wrote', async () => {
    const opened: Record<string, (fn: (tx: Database) => Promise<unknown[]>) => Promise<unknown[]>> = {
      'transaction()': (fn) => transaction(handle.db, fn),
      'db.transaction': (fn) => handle.db.transaction((tx) => fn(tx as unknown as Database)),
      'a savepoint in transaction()': (fn) => transaction(handle.db, (tx) => transaction(tx, fn)),
    };
    for (const [how, open] of Object.entries(opened)) {
      const seen = await open((tx) =>
        withProbe(tx, async () => [
          await countProbe.rows(tx, { n: 7 }),
          await countProbe.rows(tx, { n: 8 }),
          await queryRowsPrepared(tx, insertProbe(8)),
          await countProbe.rows(tx, { n: 8 }),
        ]),
      );
      expect(seen, how).toEqual([[{ found: 1, n: 7 }], [{ found: 0, n: 8 }], [{ n: 8 }], [{ found: 1, n: 8 }]]);
    }
  });

  it('inside transaction() on PostgreSQL, a cached statement is kept prepared on the connection (PGlite: through drizzle)', async () => {
    const text = countProbe.text(handle.db).sql;
    const prepared = await transaction(handle.db, (tx) =>
      withProbe(tx, async () => {
        await countProbe.rows(tx, { n: 7 });
        return preparedOnConnection(tx, text);
      }),
    );
    expect(prepared).toBe(testDatabaseKind === 'postgres' ? 1 : 0);
  });

  it('give the rows drizzle gives for the same statement outside a transaction', async () => {
    const statement = {
      with: { v: sql`select * from (values (1, 'a'::text), (2, null)) as v(id, label)` },
      body: sql`select id, label, ${'x'}::text as given, now() - now() as zero from v order by id`,
    };
    const plain = await queryRows(
      handle.db,
      sql`with v as (select * from (values (1, 'a'::text), (2, null)) as v(id, label))
      select id, label, ${'x'}::text as given, now() - now() as zero from v order by id`,
    );
    expect(await queryRowsPrepared(handle.db, statement)).toEqual(plain);
  });
});
