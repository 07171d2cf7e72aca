import { getImportProgress } from '@/domain/import/get-import';
import { ZImportBatchInput } from '@/domain/import/request-import-commit';
import { apiError, apiJson, apiRoute } from '@/lib/api/api-route';
import { importResource } from '@/lib/api/import-resource';

/** GET /api/v1/imports/{id}: the import's progress (rows done / total, rate, time left) and its dry-run diff. */
export const GET = apiRoute<{ importId: string }>('orders.import', async ({ params, db, t }) => {
  const parsed = ZImportBatchInput.safeParse({ batchId: params.importId });
  const progress = parsed.success ? await getImportProgress(db, parsed.data.batchId) : null;
  if (!progress) return apiError(404, 'not_found', t('import.validation.batchInvalid'));
  return apiJson(importResource(progress));
});
