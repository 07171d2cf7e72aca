import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';

/** Leaves a column to its database default (null when it has none) in an insertSelect row. */
export const DATABASE_DEFAULT = Symbol('database default');

/** The keys an INSERT must give a value: NOT NULL without a default (not optional in `$inferInsert`). */
type RequiredInsertKey<T extends Table> = {
  [K in keyof T['$inferInsert']]-?: undefined extends T['$inferInsert'][K] ? never : K;
}[keyof T['$inferInsert']];

/**
 * What an INSERT ... SELECT writes into each column of table T, keyed by the schema's names: every
 * column of the Drizzle table must appear, so adding, renaming or removing one in db/schema fails
 * the type check here; a NOT NULL column without a default cannot be left to DATABASE_DEFAULT.
 */
export type InsertSelectRow<T extends Table> = {
  [K in keyof T['_']['columns']]: K extends RequiredInsertKey<T> ? SQL : SQL | typeof DATABASE_DEFAULT;
};

/**
 * The column list and the matching select list of `insert into <table> (<columns>) select <values>`,
 * generated from the table's definition (database column names from the schema, in its order).
 */
export function insertSelect<T extends Table>(table: T, row: InsertSelectRow<T>): { columns: SQL; values: SQL } {
  const columns = Object.entries(getTableColumns(table));
  const given = row as Record<string, SQL | typeof DATABASE_DEFAULT>;
  // the type forbids both; a cast could still get here, and a silent null would be worse than a throw
  const unknown = Object.keys(given).filter((key) => !columns.some(([name]) => name === key));
  const missing = columns.filter(([key]) => !(key in given)).map(([key]) => key);
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(
      `insertSelect: row and table disagree (unknown ${unknown.join(', ') || 'none'}; missing ${missing.join(', ') || 'none'})`,
    );
  }
  const written = columns.flatMap(([key, column]) => {
    const value = given[key];
    return value === DATABASE_DEFAULT ? [] : [{ name: column.name, value }];
  });
  return {
    columns: sql.join(
      written.map((w) => sql.identifier(w.name)),
      sql`, `,
    ),
    values: sql.join(
      written.map((w) => w.value),
      sql`, `,
    ),
  };
}
