import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { importBatches } from '@/db/schema/system';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { zodFieldErrors } from '@/domain/shared/validation';
import { ZImportBatchInput } from './request-import-commit';

/**
 * Cancels an import that has not finished: one waiting for a job ends at once; one a job is
 * running stops at its next group (whole orders written so far stay, as the page says).
 */
export async function cancelImport(
  db: Database,
  input: { batchId: unknown; actor: Actor; ip?: string | null },
): Promise<Result<{ batchId: number }, 'invalid' | 'finished'>> {
  const parsed = ZImportBatchInput.safeParse({ batchId: input.batchId });
  if (!parsed.success) return fail('invalid', 'Not an import', zodFieldErrors(parsed.error));
  const { batchId } = parsed.data;
  const [row] = await db
    .update(importBatches)
    .set({
      cancelRequested: true,
      status: sql`case when ${importBatches.status} in ('uploaded', 'checked') or (${importBatches.status} = 'running' and ${importBatches.heartbeatAt} is null) then 'cancelled'::import_status else ${importBatches.status} end`,
      finishedAt: sql`case when ${importBatches.status} in ('uploaded', 'checked') or (${importBatches.status} = 'running' and ${importBatches.heartbeatAt} is null) then now() else ${importBatches.finishedAt} end`,
    })
    .where(
      and(eq(importBatches.id, batchId), inArray(importBatches.status, ['uploaded', 'checking', 'checked', 'running'])),
    )
    .returning({ id: importBatches.id });
  if (!row) return fail('finished', 'This import has already ended');
  await recordAudit(db, {
    actorType: input.actor.type,
    actorId: input.actor.id,
    action: 'import.cancel',
    targetType: 'import',
    targetId: batchId,
    ip: input.ip,
  });
  return ok({ batchId });
}
