import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { writeOrdersStatement } from './place-orders';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

/** The columns of each `insert into <table> (...)` of the statement's text. */
function insertedColumns(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [, table, list] of text.matchAll(/insert into (\w+) \(([^)]*)\)/g)) {
    found.set(
      table,
      list.split(',').map((c) => c.trim().replaceAll('"', '')),
    );
  }
  return found;
}

describe(`the order placement write statement against the migrated tables (${testDatabaseKind})`, () => {
  it('names only columns the tables have and every NOT NULL column without a default', async () => {
    const inserts = insertedColumns(writeOrdersStatement.text(handle.db).sql);
    expect([...inserts.keys()].sort()).toEqual(['order_events', 'order_lines', 'orders', 'stock_movements']);
    for (const [table, named] of inserts) {
      const columns = await queryRows<{ column_name: string; required: boolean }>(
        handle.db,
        sql`
        select column_name, (is_nullable = 'NO' and column_default is null and is_identity = 'NO') as required
        from information_schema.columns where table_schema = 'public' and table_name = ${table}`,
      );
      const existing = columns.map((c) => c.column_name);
      expect(
        named.filter((c) => !existing.includes(c)),
        `${table}: columns the table lacks`,
      ).toEqual([]);
      expect(
        columns.filter((c) => c.required && !named.includes(c.column_name)).map((c) => c.column_name),
        `${table}: required columns left out`,
      ).toEqual([]);
    }
  });
});
