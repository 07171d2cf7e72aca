import { prepareDatabase } from './prepare';

/** Used at server start: a database that cannot be opened or migrated stops the process with one line. */
export async function prepareDatabaseOrExit(): Promise<void> {
  try {
    const handle = await prepareDatabase();
    console.log(`order console: database ready (${handle.description})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
