// `npm run analytics:rebuild`: recomputes every analytics rollup from the base tables, on the database of
// DATABASE_URL (or the local PGlite folder when the server is not running: PGlite has one owner process).
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { rebuildAnalyticsRollups } from '@/domain/analytics/refresh-rollups';

const handle = openDatabase();
try {
  await migrateDatabase(handle);
  const started = performance.now();
  await rebuildAnalyticsRollups(handle.db);
  console.log(`analytics rollups rebuilt on ${handle.description} in ${Math.round(performance.now() - started)} ms`);
} finally {
  await handle.close();
}
