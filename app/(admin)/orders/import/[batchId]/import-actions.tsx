'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { cancelImportAction, commitImportAction } from '../actions';

/** Commit (after a dry run) and cancel (while it has not ended), each one server action. */
export function ImportActions({
  batchId,
  canCommit,
  canCancel,
  newOrders,
}: {
  batchId: number;
  canCommit: boolean;
  canCancel: boolean;
  newOrders: number;
}) {
  const t = useTranslations('import');
  const [isPending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const run = (action: typeof commitImportAction) =>
    startTransition(async () => {
      const result = await action({ batchId });
      if (!result.ok) toast.error(result.message);
      // the progress panel stopped polling at 'checked': read again so it follows the job
      await queryClient.invalidateQueries({ queryKey: ['import-progress', batchId] });
    });
  if (!canCommit && !canCancel) return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {canCommit && (
        <>
          <Button onClick={() => run(commitImportAction)} disabled={isPending} data-testid="import-commit">
            {isPending ? t('actions.committing') : t('actions.commit')}
          </Button>
          <span className="text-sm text-slate-500">{t('actions.commitHint', { count: newOrders })}</span>
        </>
      )}
      {canCancel && (
        <Button
          variant="secondary"
          onClick={() => run(cancelImportAction)}
          disabled={isPending}
          data-testid="import-cancel"
        >
          {t('actions.cancel')}
        </Button>
      )}
    </div>
  );
}
