import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** A backup or restore that cannot go ahead; its message is the one line the script prints. */
export class BackupError extends Error {}

/**
 * Backs up an embedded database folder with PGlite's own dumpDataDir: the whole data directory as
 * one gzip'd tarball, taken from a PGlite this process opened, so it is consistent as long as no
 * server has the folder open (PGlite is single-process: stop the server first).
 */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`${dataDir} holds no database`);
  const pg = new PGlite(dataDir);
  try {
    await pg.query('checkpoint');
    const dump = await pg.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // written aside and renamed, so a half-written file never carries the backup's name
    await writeFile(`${file}.partial`, bytes);
    await rename(`${file}.partial`, file);
    return { bytes: bytes.length };
  } finally {
    await pg.close();
  }
}

/**
 * Restores a dumpDataDir tarball into a database folder. An existing, non-empty folder is kept
 * unless `force`, and then moved aside (never deleted) to `<folder>.before-restore-<time>`.
 */
export async function restorePglite(
  file: string,
  dataDir: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<{ movedAside?: string }> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  let movedAside: string | undefined;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!options.force)
      throw new BackupError(
        `${dataDir} already holds a database; stop the server and pass --force to replace it (it is moved aside, not deleted)`,
      );
    movedAside = `${dataDir}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, movedAside);
  }
  mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir, { loadDataDir: new Blob([await readFile(file)]) });
  try {
    await pg.query('select 1');
  } finally {
    await pg.close();
  }
  return { movedAside };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', (error) =>
      reject(new BackupError(`${command}: ${error.message} (is the PostgreSQL client installed?)`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (${code}): ${stderr.trim().split('\n')[0]}`)),
    );
  });
}

/** PostgreSQL: pg_dump's custom format (-Fc), consistent while the server keeps running. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}.partial`, `--dbname=${url}`]);
  await rename(`${file}.partial`, file);
}

/** PostgreSQL: pg_restore into an empty database (create it first); stops at the first error. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  await run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file]);
}
