import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';

let handle: DatabaseHandle;
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => handle.db,
}));

const health = await import('./route');
const ready = await import('../ready/route');

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

describe(`health and readiness (${testDatabaseKind})`, () => {
  it('health answers ok without touching the database, and says nothing else', async () => {
    const response = health.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('ready answers 200 on a migrated database', async () => {
    const response = await ready.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('ready answers 503 when the newest migration is not applied, revealing no reason', async () => {
    const [{ last }] = await queryRows<{ last: string }>(
      handle.db,
      sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await handle.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${last}::bigint`);
    try {
      const response = await ready.GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable' });
    } finally {
      await handle.db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('restored', ${last}::bigint)`,
      );
      errors.mockRestore();
    }
    expect((await ready.GET()).status).toBe(200);
  });
});
