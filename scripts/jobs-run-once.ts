// `npm run jobs:run-once`: every order sweep once, on the database of DATABASE_URL (or the local
// PGlite folder when the server is not running: PGlite has one owner process).
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { runAllJobs } from '@/domain/automation/run-jobs';

const handle = openDatabase();
let failed = false;
try {
  await migrateDatabase(handle);
  for (const outcome of await runAllJobs(handle.db)) {
    if (outcome.error) {
      failed = true;
      console.error(`${outcome.name}: failed: ${outcome.error}`);
    } else {
      console.log(`${outcome.name}: ${JSON.stringify(outcome.result)}`);
    }
  }
} finally {
  await handle.close();
}
process.exit(failed ? 1 : 0);
