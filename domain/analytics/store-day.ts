import { sql, type SQL } from 'drizzle-orm';
import { STORE_TIME_ZONE } from './dashboard-summary';

export { STORE_TIME_ZONE };

/** The store day (YYYY-MM-DD in STORE_TIME_ZONE) of a timestamptz expression, as SQL. */
export function storeDay(column: SQL): SQL {
  return sql`((${column}) at time zone ${STORE_TIME_ZONE}::text)::date`;
}

/** The instant a store day starts, as SQL (the day is a date expression). */
export function storeDayStart(day: SQL): SQL {
  return sql`((${day})::timestamp at time zone ${STORE_TIME_ZONE}::text)`;
}

/** A Postgres array literal for a list of numbers or dates, passed as one parameter (drizzle would spread a JS array). */
export function arrayLiteral(values: readonly (number | string)[]): string {
  return `{${values.join(',')}}`;
}
