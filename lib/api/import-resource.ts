import type { ImportProgress } from '@/domain/import/get-import';

/** An import as the REST API shows it: progress, the dry run's diff, and where to go next. */
export function importResource(progress: ImportProgress) {
  return {
    id: progress.id,
    status: progress.status,
    format: progress.format,
    encoding: progress.encoding,
    fileName: progress.fileName,
    itemFileName: progress.itemFileName,
    totalRows: progress.totalRows,
    rowsDone: progress.rowsDone,
    rowsWithErrors: progress.failedRows,
    ordersCreated: progress.ordersCreated,
    rowsPerSecond: progress.rowsPerSecond,
    secondsLeft: progress.secondsLeft,
    summary: progress.summary,
    failure: progress.failure,
    createdAt: progress.createdAt,
    finishedAt: progress.finishedAt,
    links: {
      self: `/api/v1/imports/${progress.id}`,
      commit: `/api/v1/imports/${progress.id}/commit`,
      cancel: `/api/v1/imports/${progress.id}/cancel`,
    },
  };
}
