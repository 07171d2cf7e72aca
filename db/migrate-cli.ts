// `npm run db:migrate`: applies pending migrations to DATABASE_URL's database (or the embedded one).
import { prepareDatabase } from './prepare';

try {
  const handle = await prepareDatabase();
  console.log(`migrated ${handle.description}`);
  await handle.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
