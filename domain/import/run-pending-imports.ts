import { asc, eq, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffUsers } from '@/db/schema/staff';
import { importBatches } from '@/db/schema/system';
import { SYSTEM_ACTOR, staffActor, type Actor } from '@/domain/shared/actor';
import { checkImport } from './check-import';
import { claimableFor } from './claim-import';
import { commitImport } from './commit-import';

/**
 * Runs every import waiting for a job, oldest first: dry runs of new uploads, queued commits, and
 * anything a killed server left behind (stale heartbeat). The request that queues work calls it
 * right after answering; the scheduler's sweep calls it too, so nothing waits for a person.
 */
export async function runPendingImports(db: Database): Promise<{ checked: number; committed: number }> {
  const done = { checked: 0, committed: 0 };
  for (;;) {
    const [next] = await db
      .select({ id: importBatches.id, status: importBatches.status, createdBy: importBatches.createdBy })
      .from(importBatches)
      .where(or(claimableFor('check'), claimableFor('commit')))
      .orderBy(asc(importBatches.id))
      .limit(1);
    if (!next) return done;
    if (next.status === 'uploaded' || next.status === 'checking') {
      if ((await checkImport(db, next.id)) === 'not_claimed') return done;
      done.checked += 1;
    } else {
      if ((await commitImport(db, next.id, await actorOf(db, next.createdBy))) === 'not_claimed') return done;
      done.committed += 1;
    }
  }
}

/** The timeline names the person who uploaded the file as the one who imported its orders. */
async function actorOf(db: Database, staffId: number | null): Promise<Actor> {
  if (staffId === null) return SYSTEM_ACTOR;
  const [staff] = await db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId));
  return staff ? staffActor(staff) : SYSTEM_ACTOR;
}
