import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { formatOrderNumber, orderNumberSql } from './order-number';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

/** Takes a number in SQL with the sequence set so that nextval returns `seq`. */
async function numberInSql(seq: number) {
  await handle.db.execute(sql`select setval('order_number_seq', ${seq - 1})`);
  const [row] = await queryRows<{ number: string; now: string | Date }>(
    handle.db,
    sql`select ${orderNumberSql(sql`s.v`)} as number, now() as now from (select nextval('order_number_seq') as v) s`,
  );
  return { number: row.number, now: new Date(row.now) };
}

describe('orderNumberSql', () => {
  it('formats a sequence value as formatOrderNumber does', async () => {
    for (const seq of [7, 1234, 999_999, 12_345_678]) {
      const { number, now } = await numberInSql(seq);
      expect(number).toBe(formatOrderNumber(now, seq));
    }
  });

  it('does not depend on the session time zone', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'America/Los_Angeles'`);
      await tx.execute(sql`select setval('order_number_seq', 41)`);
      const [row] = await queryRows<{ number: string; now: string | Date }>(
        tx,
        sql`select ${orderNumberSql(sql`s.v`)} as number, now() as now from (select nextval('order_number_seq') as v) s`,
      );
      expect(row.number).toBe(formatOrderNumber(new Date(row.now), 42));
    });
  });
});
