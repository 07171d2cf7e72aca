import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client';
import { migrationsFolder } from './migrate';

export type Readiness = { ready: true } | { ready: false; reason: string };

let lastMigrationAt: number | undefined;

/** The `when` of the newest committed migration (read once: the journal ships with the build). */
function newestMigrationAt(folder: string): number {
  if (folder === migrationsFolder && lastMigrationAt !== undefined) return lastMigrationAt;
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((entry) => entry.when));
  if (folder === migrationsFolder) lastMigrationAt = newest;
  return newest;
}

/**
 * Ready means the database answers and every committed migration is applied. drizzle's migrator
 * records each applied migration's journal `when` and applies only newer ones, so one query suffices.
 */
export async function checkDatabaseReady(
  db: Database,
  options: { folder?: string; timeoutMs?: number } = {},
): Promise<Readiness> {
  const folder = options.folder ?? migrationsFolder;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: 'database did not answer in time' }),
      options.timeoutMs ?? 2_000,
    );
  });
  const check = (async (): Promise<Readiness> => {
    try {
      const [row] = await queryRows<{ last: string | number | null }>(
        db,
        sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
      );
      const applied = row?.last === null || row?.last === undefined ? 0 : Number(row.last);
      if (applied < newestMigrationAt(folder)) return { ready: false, reason: 'migrations pending' };
      return { ready: true };
    } catch (error) {
      return {
        ready: false,
        reason: `database: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      };
    }
  })();
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
