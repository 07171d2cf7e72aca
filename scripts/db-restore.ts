import { BackupError, restorePglite, restorePostgres } from '../db/backup';
import { defaultPgliteDir } from '../db/client';

/**
 * `npm run db:restore -- <file> [--force]`: into the empty PostgreSQL database named by
 * DATABASE_URL (pg_restore), or into PGLITE_DIR (default .data/pglite) with the server stopped;
 * an existing folder needs --force and is moved aside, not deleted.
 */
async function main() {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) throw new BackupError('usage: npm run db:restore -- <backup file> [--force]');
  const url = process.env.DATABASE_URL;
  if (url) {
    await restorePostgres(file, url);
    console.log(`${file} restored into PostgreSQL; start the server to apply any newer migrations`);
    return;
  }
  const { movedAside } = await restorePglite(file, defaultPgliteDir(), { force: args.includes('--force') });
  if (movedAside) console.log(`the previous database was moved to ${movedAside}`);
  console.log(`${file} restored into ${defaultPgliteDir()}; start the server to apply any newer migrations`);
}

main().catch((error) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
