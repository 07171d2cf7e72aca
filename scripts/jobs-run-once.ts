// `npm run jobs:run-once`: every order sweep once, on the database of DATABASE_URL (or the local
// PGlite folder when the server is not running: PGlite has one owner process).
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { runAllJobs } from '@/domain/automation/run-jobs';
import { isTrackingSandboxEnabled } from '@/testing/sandboxes/kuaidi100/enabled';
import { registerTrackingSandbox } from '@/testing/sandboxes/kuaidi100/register';

const handle = openDatabase();
let failed = false;
try {
  await migrateDatabase(handle);
  // like the server: the tracking sandbox's clock runs when the sandbox is enabled
  if (isTrackingSandboxEnabled()) await registerTrackingSandbox(handle.db);
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
