import path from 'node:path';
import { BackupError, backupPglite, backupPostgres } from '../db/backup';
import { defaultPgliteDir } from '../db/client';

/**
 * `npm run db:backup [-- <file>]`: PostgreSQL (DATABASE_URL) through pg_dump -Fc, while running;
 * the embedded database (PGLITE_DIR, default .data/pglite) through PGlite's dumpDataDir, with the
 * server stopped.
 */
async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const url = process.env.DATABASE_URL;
  const file =
    process.argv[2] ?? path.join('backups', url ? `order-console-${stamp}.dump` : `order-console-${stamp}.tar.gz`);
  if (url) {
    await backupPostgres(url, file);
    console.log(`PostgreSQL backed up to ${file} (pg_dump custom format; restore with npm run db:restore -- ${file})`);
    return;
  }
  const { bytes } = await backupPglite(defaultPgliteDir(), file);
  console.log(`${defaultPgliteDir()} backed up to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
}

main().catch((error) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
