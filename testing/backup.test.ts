import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError, backupPglite, backupPostgres, restorePglite, restorePostgres } from '@/db/backup';
import { openDatabase, queryRows, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/testing/seed/seed';
import { checkStockLedger } from '@/testing/fixtures/stock-ledger';

const work = mkdtempSync(path.join(tmpdir(), 'ops-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const size = { orders: 20, customers: 8, now: new Date('2026-06-12T04:00:00Z'), seed: 7 };

/** The books a restore must bring back exactly. */
async function books(db: Database) {
  const [orders] = await queryRows(
    db,
    sql`select count(*)::int as n, coalesce(sum(total_cents), 0)::bigint::text as total,
    string_agg(status::text || ':' || total_cents, ',' order by id) as each from orders`,
  );
  const payments = await queryRows(
    db,
    sql`select status::text, count(*)::int as n, coalesce(sum(amount_cents), 0)::bigint::text as amount
    from payments group by status order by status`,
  );
  const [stock] = await queryRows(
    db,
    sql`select count(*)::int as movements,
    (select string_agg(sku_id || '/' || warehouse_id || '=' || on_hand || ',' || reserved, ';' order by sku_id, warehouse_id) from stock_levels) as levels
    from stock_movements`,
  );
  const [staff] = await queryRows(db, sql`select count(*)::int as n, max(password_hash) as hash from staff_users`);
  return { orders, payments, stock, staff, ledger: await checkStockLedger(db) };
}

describe('embedded database backup (PGlite dumpDataDir)', () => {
  it('backs up a seeded store and restores it into a new folder with the same books', async () => {
    const source = path.join(work, 'source');
    const original = openDatabase({ pgliteDir: source, url: '' });
    await migrateDatabase(original);
    await seedDemoData(original.db, size);
    const before = await books(original.db);
    await original.close();
    expect(before.orders.n).toBeGreaterThan(0);
    expect(before.payments.length).toBeGreaterThan(0);
    expect(before.ledger).toEqual([]);

    const file = path.join(work, 'store.tar.gz');
    const { bytes } = await backupPglite(source, file);
    expect(bytes).toBeGreaterThan(10_000);

    const target = path.join(work, 'restored');
    await restorePglite(file, target);
    const restored = openDatabase({ pgliteDir: target, url: '' });
    try {
      expect(await books(restored.db)).toEqual(before);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it('refuses to overwrite a database folder without --force, and then moves it aside', async () => {
    const file = path.join(work, 'store.tar.gz');
    const target = path.join(work, 'restored');
    await expect(restorePglite(file, target)).rejects.toThrow(BackupError);
    const { movedAside } = await restorePglite(file, target, { force: true, now: new Date('2026-06-12T05:00:00Z') });
    expect(movedAside).toBe(`${target}.before-restore-2026-06-12T05-00-00-000Z`);
    await expect(backupPglite(path.join(work, 'nothing-here'), path.join(work, 'x.tar.gz'))).rejects.toThrow(
      'holds no database',
    );
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL backup (pg_dump -Fc / pg_restore)', () => {
  it('backs up a seeded store and restores it into a new database with the same books', async () => {
    const server = process.env.TEST_DATABASE_URL!;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    const stamp = `${Date.now()}_${process.pid}`;
    const names = [`ops_backup_src_${stamp}`, `ops_backup_dst_${stamp}`];
    const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
    try {
      for (const name of names) await admin.unsafe(`create database ${name}`);
      const original = openDatabase({ url: urlOf(names[0]) });
      await migrateDatabase(original);
      await seedDemoData(original.db, size);
      const before = await books(original.db);
      await original.close();

      const file = path.join(work, 'store.dump');
      await backupPostgres(urlOf(names[0]), file);
      await restorePostgres(file, urlOf(names[1]));
      const restored = openDatabase({ url: urlOf(names[1]) });
      try {
        expect(await books(restored.db)).toEqual(before);
      } finally {
        await restored.close();
      }
    } finally {
      for (const name of names) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 300_000);
});
