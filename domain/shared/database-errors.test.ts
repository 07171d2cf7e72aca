import { describe, expect, it } from 'vitest';
import { certainlyRolledBack, databaseErrorOf, isUniqueViolation } from './database-errors';

// drizzle wraps the driver's error as its cause
const wrapped = (code: string, detail?: string) =>
  Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('db'), { code, detail }) });

describe('database errors', () => {
  it('finds the SQLSTATE and detail through wrappers, and nothing in errors without one', () => {
    expect(databaseErrorOf(wrapped('OS001', 'A, B'))).toEqual({ sqlState: 'OS001', detail: 'A, B' });
    expect(databaseErrorOf(Object.assign(new Error('closed'), { code: 'CONNECTION_CLOSED' }))).toBeNull();
    expect(databaseErrorOf(new TypeError('bug'))).toBeNull();
    expect(isUniqueViolation(wrapped('23505'))).toBe(true);
    expect(isUniqueViolation(wrapped('23503'))).toBe(false);
  });

  it('calls only errors that abort the transaction certainly rolled back', () => {
    for (const code of ['OS001', '40001', '40P01', '23505', '22P02'])
      expect(certainlyRolledBack(wrapped(code))).toBe(true);
    for (const code of ['08006', '57P01', '53100', '58030', 'XX000'])
      expect(certainlyRolledBack(wrapped(code))).toBe(false);
    expect(certainlyRolledBack(Object.assign(new Error('closed'), { code: 'CONNECTION_CLOSED' }))).toBe(false);
  });
});
