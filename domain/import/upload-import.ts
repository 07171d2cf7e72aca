import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { importBatches } from '@/db/schema/system';
import type { Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { safeText } from '@/domain/shared/safe-text';
import { zodFieldErrors } from '@/domain/shared/validation';
import { getSetting } from '@/domain/settings/get-setting';
import { storeImportFile } from './import-file-store';

const V = 'import.validation';
const ZFileName = safeText(`${V}.fileNameRequired`)
  .trim()
  .min(1, `${V}.fileNameRequired`)
  .max(255, `${V}.fileNameTooLong`);

export const ZUploadImportInput = z.object({
  fileName: ZFileName,
  /** Taobao's item file, uploaded with its order file */
  itemFileName: ZFileName.optional(),
});

export interface UploadImportInput {
  fileName: unknown;
  itemFileName?: unknown;
  body: AsyncIterable<Uint8Array>;
  itemBody?: AsyncIterable<Uint8Array>;
  actor: Actor;
  ip?: string | null;
}

/**
 * `invalid` (file names), `too_large` (over Settings' limit: params.megabytes), `empty`,
 * `duplicate_running` (the same bytes are being imported now: params.batchId).
 */
export type UploadImportFailure = 'invalid' | 'too_large' | 'empty' | 'duplicate_running';

/**
 * Stores an upload as a new import batch (status uploaded), streaming it into the database so
 * any app instance can check and commit it. Nothing is kept when the answer is a failure.
 */
export async function uploadImport(
  db: Database,
  input: UploadImportInput,
): Promise<Result<{ batchId: number }, UploadImportFailure>> {
  const parsed = ZUploadImportInput.safeParse({ fileName: input.fileName, itemFileName: input.itemFileName });
  if (!parsed.success) return fail('invalid', 'The file name is not valid', zodFieldErrors(parsed.error));
  if (parsed.data.itemFileName && !input.itemBody)
    return fail('invalid', 'The item file is missing', { itemFile: [`${V}.itemFileMissing`] });
  const megabytes = await getSetting(db, 'import_max_megabytes');
  const [batch] = await db
    .insert(importBatches)
    .values({
      fileName: parsed.data.fileName,
      itemFileName: parsed.data.itemFileName ?? null,
      format: 'unknown',
      status: 'uploaded',
      createdBy: input.actor.type === 'staff' ? input.actor.id : null,
    })
    .returning({ id: importBatches.id });
  const stored = await storeImportFile(db, { batchId: batch.id, fileNo: 0 }, input.body, megabytes * 1024 * 1024);
  const storedItems =
    stored.ok && input.itemBody
      ? await storeImportFile(db, { batchId: batch.id, fileNo: 1 }, input.itemBody, megabytes * 1024 * 1024)
      : null;
  const refused = !stored.ok ? stored : storedItems && !storedItems.ok ? storedItems : null;
  if (refused) {
    await db.delete(importBatches).where(eq(importBatches.id, batch.id));
    return refused.code === 'too_large'
      ? fail('too_large', `The file is larger than ${megabytes} MB`, undefined, { megabytes })
      : fail('empty', 'The file is empty');
  }
  const sha256 = stored.ok ? stored.sha256 : '';
  const [running] = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(
      and(
        eq(importBatches.fileSha256, sha256),
        inArray(importBatches.status, ['uploaded', 'checking', 'checked', 'running']),
      ),
    )
    .limit(1);
  if (running) {
    await db.delete(importBatches).where(eq(importBatches.id, batch.id));
    return fail('duplicate_running', 'This file is already being imported', undefined, { batchId: running.id });
  }
  await db
    .update(importBatches)
    .set({ fileSha256: sha256, fileBytes: stored.ok ? stored.bytes : 0 })
    .where(eq(importBatches.id, batch.id));
  await recordAudit(db, {
    actorType: input.actor.type,
    actorId: input.actor.id,
    action: 'import.upload',
    targetType: 'import',
    targetId: batch.id,
    details: {
      fileName: parsed.data.fileName,
      itemFileName: parsed.data.itemFileName ?? null,
      bytes: stored.ok ? stored.bytes : 0,
    },
    ip: input.ip,
  });
  return ok({ batchId: batch.id });
}
