import { after } from 'next/server';
import { z } from 'zod';
import { splitBody } from '@/domain/import/split-body';
import { runPendingImports } from '@/domain/import/run-pending-imports';
import { uploadImport } from '@/domain/import/upload-import';
import { apiError, apiJson, apiRoute, failureResponse, parseInput } from '@/lib/api/api-route';
import { importResource } from '@/lib/api/import-resource';
import { getImportProgress } from '@/domain/import/get-import';

const ZUploadQuery = z.object({
  fileName: z.string().optional(),
  itemFileName: z.string().optional(),
  /** with itemFileName: the order file's size; the item file follows it in the body */
  orderFileBytes: z.coerce.number().int().positive().optional(),
});

/**
 * POST /api/v1/imports?fileName=orders.csv: the file as the raw body (CSV or XLSX; a Taobao item
 * file may follow the order file, with itemFileName and orderFileBytes). Answers 202 with the
 * import; its dry run starts at once. Then GET /api/v1/imports/{id} for progress and the diff,
 * POST /api/v1/imports/{id}/commit to write the orders, /cancel to stop.
 */
export const POST = apiRoute('orders.import', async (ctx) => {
  const query = parseInput(ctx, ZUploadQuery, Object.fromEntries(new URL(ctx.request.url).searchParams));
  if (!query.ok) return query.response;
  const { fileName, itemFileName, orderFileBytes } = query.data;
  const body = ctx.request.body;
  if (!body) return apiError(422, 'empty', ctx.t('import.errors.empty'));
  if (itemFileName !== undefined && orderFileBytes === undefined)
    return apiError(422, 'invalid', ctx.t('common.api.invalid'), {
      orderFileBytes: [ctx.t('import.validation.itemFileMissing')],
    });
  const parts = itemFileName !== undefined ? splitBody(body, orderFileBytes!) : null;
  const result = await uploadImport(ctx.db, {
    fileName: fileName ?? 'upload',
    itemFileName,
    body: parts ? parts.first : body,
    itemBody: parts?.rest,
    actor: ctx.caller.actor,
  });
  if (!result.ok) {
    if (result.code === 'invalid') {
      const fields = Object.fromEntries(
        Object.entries(result.fieldErrors ?? {}).map(([field, keys]) => [field, keys.map((key) => ctx.t(key))]),
      );
      return apiError(422, 'invalid', ctx.t('common.api.invalid'), fields);
    }
    const key = `import.errors.${result.code}`;
    return failureResponse({ ...result, message: ctx.t.has(key) ? ctx.t(key, result.params) : result.message });
  }
  after(() => runPendingImports(ctx.db));
  return apiJson(importResource((await getImportProgress(ctx.db, result.data.batchId))!), 202);
});
