/**
 * What the database said when a statement failed. Drivers and drizzle wrap errors differently
 * (postgres.js PostgresError, PGlite DatabaseError, drizzle's DrizzleQueryError with the driver's
 * error as its cause), so the cause chain is searched.
 */
interface DriverError {
  code?: unknown;
  detail?: unknown;
  cause?: unknown;
}

/** The first error in the cause chain that carries a SQLSTATE (five characters), else null. */
export function databaseErrorOf(error: unknown): { sqlState: string; detail: string } | null {
  let e = error as DriverError | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth += 1, e = e.cause as DriverError | undefined) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { sqlState: e.code, detail: typeof e.detail === 'string' ? e.detail : '' };
    }
  }
  return null;
}

/**
 * The database answered the failed statement or COMMIT with an error that aborts the transaction:
 * it certainly committed nothing, so the work may be retried. Not so for connection, resource,
 * operator and internal errors (SQLSTATE classes 08, 53, 57, 58, XX): a server shutting down may
 * report one after a COMMIT already reached the disk.
 */
export function certainlyRolledBack(error: unknown): boolean {
  const failure = databaseErrorOf(error);
  return failure !== null && !['08', '53', '57', '58', 'XX'].includes(failure.sqlState.slice(0, 2));
}

/** A unique index refused the row (SQLSTATE 23505): someone else inserted the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return databaseErrorOf(error)?.sqlState === '23505';
}
