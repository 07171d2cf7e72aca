'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { cancelImport } from '@/domain/import/cancel-import';
import { requestImportCommit, ZImportBatchInput } from '@/domain/import/request-import-commit';
import { runPendingImports } from '@/domain/import/run-pending-imports';
import { staffActor } from '@/domain/shared/actor';
import { staffAction } from '@/lib/actions/staff-action';

/** Commits a checked import: queued at once, run right after the answer (and by the sweep after a restart). */
export const commitImportAction = staffAction(
  'orders.import',
  ZImportBatchInput,
  async ({ batchId }, staff) => {
    const db = getDb();
    const result = await requestImportCommit(db, { batchId, actor: staffActor(staff) });
    if (result.ok) after(() => runPendingImports(db));
    revalidatePath(`/orders/import/${batchId}`);
    return result;
  },
  { errorMessages: 'import' },
);

export const cancelImportAction = staffAction(
  'orders.import',
  ZImportBatchInput,
  async ({ batchId }, staff) => {
    const result = await cancelImport(getDb(), { batchId, actor: staffActor(staff) });
    revalidatePath(`/orders/import/${batchId}`);
    return result;
  },
  { errorMessages: 'import' },
);
