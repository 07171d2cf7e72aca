import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { migrationsFolder } from './migrate';
import { checkDatabaseReady } from './readiness';
import { openTestDatabase, testDatabaseKind } from './testing';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

/** A migrations folder whose journal has one more (newer) entry than the database has applied. */
function folderWithNewerMigration(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ops-ready-'));
  mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1_000, tag: '9999_pending' });
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  return dir;
}

describe(`checkDatabaseReady (${testDatabaseKind})`, () => {
  it('is ready when every committed migration is applied', async () => {
    expect(await checkDatabaseReady(handle.db)).toEqual({ ready: true });
  });

  it('is not ready when the build carries a migration the database lacks', async () => {
    expect(await checkDatabaseReady(handle.db, { folder: folderWithNewerMigration() })).toEqual({
      ready: false,
      reason: 'migrations pending',
    });
  });

  it('is not ready when the database does not answer', async () => {
    const other = await openTestDatabase();
    const db = other.db;
    await other.close();
    const readiness = await checkDatabaseReady(db, { timeoutMs: 5_000 });
    expect(readiness.ready).toBe(false);
  });
});
