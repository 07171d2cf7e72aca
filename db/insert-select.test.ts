import { sql } from 'drizzle-orm';
import { bigint, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { DATABASE_DEFAULT, insertSelect, type InsertSelectRow } from './insert-select';

const parcels = pgTable('parcels', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  trackingNumber: text('tracking_number').notNull(),
  weightGrams: integer('weight_grams').notNull().default(0),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
const render = (q: ReturnType<typeof insertSelect>) => {
  const dialect = new PgDialect();
  return { columns: dialect.sqlToQuery(q.columns).sql, values: dialect.sqlToQuery(q.values).sql };
};

describe('insertSelect: INSERT ... SELECT column lists from the Drizzle table', () => {
  it('names the database columns in schema order and leaves DATABASE_DEFAULT ones out', () => {
    const q = insertSelect(parcels, {
      id: DATABASE_DEFAULT,
      trackingNumber: sql`i.tracking`,
      weightGrams: sql`i.grams`,
      note: DATABASE_DEFAULT,
      createdAt: sql`now()`,
    });
    expect(render(q)).toEqual({
      columns: '"tracking_number", "weight_grams", "created_at"',
      values: 'i.tracking, i.grams, now()',
    });
  });

  it('refuses, at compile time, a row that disagrees with the table', () => {
    const rows: InsertSelectRow<typeof parcels>[] = [
      // @ts-expect-error a column of the table is missing (as after adding a column to db/schema)
      { id: DATABASE_DEFAULT, trackingNumber: sql`t`, weightGrams: sql`0`, createdAt: sql`now()` },
      {
        id: DATABASE_DEFAULT,
        // @ts-expect-error a NOT NULL column without a default cannot be left to the database
        trackingNumber: DATABASE_DEFAULT,
        weightGrams: sql`0`,
        note: DATABASE_DEFAULT,
        createdAt: sql`now()`,
      },
      {
        id: DATABASE_DEFAULT,
        trackingNumber: sql`t`,
        weightGrams: sql`0`,
        note: DATABASE_DEFAULT,
        createdAt: sql`now()`,
        // @ts-expect-error a column the table does not have (as after renaming one in db/schema)
        trackingNo: sql`t`,
      },
    ];
    expect(rows).toHaveLength(3);
  });

  it('throws when a cast smuggles in a row that disagrees with the table, naming the columns', () => {
    const row = {
      id: DATABASE_DEFAULT,
      trackingNo: sql`t`,
      weightGrams: sql`0`,
      note: DATABASE_DEFAULT,
      createdAt: sql`now()`,
    };
    expect(() => insertSelect(parcels, row as unknown as InsertSelectRow<typeof parcels>)).toThrow(
      'row and table disagree (unknown trackingNo; missing trackingNumber)',
    );
  });
});
