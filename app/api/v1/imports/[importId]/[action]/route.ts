import { after } from 'next/server';
import { cancelImport } from '@/domain/import/cancel-import';
import { getImportProgress } from '@/domain/import/get-import';
import { requestImportCommit } from '@/domain/import/request-import-commit';
import { runPendingImports } from '@/domain/import/run-pending-imports';
import { apiError, apiJson, apiRoute, failureResponse } from '@/lib/api/api-route';
import { importResource } from '@/lib/api/import-resource';

const ACTIONS = { commit: requestImportCommit, cancel: cancelImport } as const;

/** POST /api/v1/imports/{id}/commit (after its dry run) or /cancel (while it has not ended). */
export const POST = apiRoute<{ importId: string; action: string }>(
  'orders.import',
  async ({ params, db, t, caller }) => {
    const operation = ACTIONS[params.action as keyof typeof ACTIONS];
    if (!operation)
      return apiError(
        404,
        'unknown_action',
        t('common.api.unknownAction', { action: params.action, actions: Object.keys(ACTIONS).join(', ') }),
      );
    const result = await operation(db, { batchId: params.importId, actor: caller.actor });
    if (!result.ok) {
      if (result.code === 'invalid') return apiError(404, 'not_found', t('import.validation.batchInvalid'));
      const key = `import.errors.${result.code}`;
      return failureResponse({ ...result, message: t.has(key) ? t(key) : result.message });
    }
    if (params.action === 'commit') after(() => runPendingImports(db));
    return apiJson(importResource((await getImportProgress(db, result.data.batchId))!), 202);
  },
);
