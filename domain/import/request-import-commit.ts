import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { importBatches } from '@/db/schema/system';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { zodFieldErrors } from '@/domain/shared/validation';

export const ZImportBatchInput = z.object({
  batchId: z.coerce.number('import.validation.batchInvalid').int().positive(),
});

/**
 * Queues a checked import's commit: 'running' with no heartbeat, which the next job (the request
 * that asked, or the scheduler's sweep after a restart) takes. `not_checked`: no dry run to commit.
 */
export async function requestImportCommit(
  db: Database,
  input: { batchId: unknown; actor: Actor; ip?: string | null },
): Promise<Result<{ batchId: number }, 'invalid' | 'not_checked'>> {
  const parsed = ZImportBatchInput.safeParse({ batchId: input.batchId });
  if (!parsed.success) return fail('invalid', 'Not an import', zodFieldErrors(parsed.error));
  const { batchId } = parsed.data;
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [queued] = await tx
      .update(importBatches)
      .set({ status: 'running', heartbeatAt: null })
      .where(and(eq(importBatches.id, batchId), eq(importBatches.status, 'checked')))
      .returning({ id: importBatches.id });
    if (!queued) return fail('not_checked', 'This import has no finished dry run to commit');
    await recordAudit(tx, {
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: 'import.commit',
      targetType: 'import',
      targetId: batchId,
      ip: input.ip,
    });
    return ok({ batchId });
  });
}
