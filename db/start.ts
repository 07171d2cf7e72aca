import { prepareDatabase } from './prepare';

/** Where the start lines go (the server passes its structured logger; db/ imports nothing above it). */
export interface StartLog {
  info: (line: string) => void;
  error: (line: string) => void;
}

/** Used at server start: a database that cannot be opened or migrated stops the process with one line. */
export async function prepareDatabaseOrExit(
  log: StartLog = { info: console.log, error: console.error },
): Promise<void> {
  try {
    const handle = await prepareDatabase();
    log.info(`order console: database ready (${handle.description})`);
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
