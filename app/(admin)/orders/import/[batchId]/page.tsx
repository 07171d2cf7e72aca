import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RowsTable } from '@/components/data-table/rows-table';
import { PageHeader } from '@/components/layout/page-header';
import { StatusBadge } from '@/components/ui/badge';
import { secondaryButton } from '@/components/ui/button';
import { KeyValueList } from '@/components/ui/key-value-list';
import { SectionCard } from '@/components/ui/section-card';
import { getDb } from '@/db/client';
import { getImportProgress, listImportRowErrors } from '@/domain/import/get-import';
import { ZImportBatchInput } from '@/domain/import/request-import-commit';
import { requirePermission } from '@/lib/auth/current-staff';
import { ImportActions } from './import-actions';
import { ImportProgressPanel } from './import-progress';

type Params = Promise<{ batchId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('import');
  return { title: t('batch.title', { id: (await params).batchId }) };
}

/** One import: its progress, the dry run's diff, the row errors, and commit / cancel. */
export default async function ImportBatchPage({ params }: { params: Params }) {
  await requirePermission('orders.import');
  const parsed = ZImportBatchInput.safeParse({ batchId: (await params).batchId });
  if (!parsed.success) notFound();
  const db = getDb();
  const [progress, errors, t, tStatus] = await Promise.all([
    getImportProgress(db, parsed.data.batchId),
    listImportRowErrors(db, parsed.data.batchId),
    getTranslations('import'),
    getTranslations('orders.status'),
  ]);
  if (!progress) notFound();
  const summary = progress.summary;
  const formatName = (f: string) => (t.has(`format.${f}`) ? t(`format.${f}`) : f);
  const problem = (code: string) => (t.has(`code.${code}`) ? t(`code.${code}`) : code);
  const ended = ['completed', 'failed', 'cancelled'].includes(progress.status);
  return (
    <>
      <PageHeader
        title={t('batch.title', { id: progress.id })}
        description={progress.fileName}
        actions={
          <Link href="/orders/import" className={secondaryButton}>
            {t('actions.back')}
          </Link>
        }
      />
      <div className="space-y-4 px-4 py-5 sm:px-6">
        <SectionCard>
          <div className="space-y-4">
            <KeyValueList
              columns={2}
              items={[
                { key: 'file', label: t('batch.file'), value: progress.fileName },
                ...(progress.itemFileName
                  ? [{ key: 'itemFile', label: t('batch.itemFile'), value: progress.itemFileName }]
                  : []),
                {
                  key: 'format',
                  label: t('batch.format'),
                  value: <span data-testid="import-format">{formatName(progress.format)}</span>,
                },
                { key: 'encoding', label: t('batch.encoding'), value: progress.encoding?.toUpperCase() ?? '—' },
                { key: 'size', label: t('batch.size'), value: `${(progress.fileBytes / 1024).toFixed(1)} KB` },
              ]}
            />
            <ImportProgressPanel initial={progress} />
            {progress.failure && (
              <p className="text-sm text-rose-700" data-testid="import-failure">
                {t('batch.failed', {
                  reason: t.has(`failure.${progress.failure}`) ? t(`failure.${progress.failure}`) : progress.failure,
                })}
              </p>
            )}
            <ImportActions
              batchId={progress.id}
              canCommit={progress.status === 'checked'}
              canCancel={!ended && !progress.cancelRequested}
              newOrders={summary?.newOrders ?? 0}
            />
          </div>
        </SectionCard>
        {summary && (
          <SectionCard title={t('summary.title')} testId="import-summary">
            <KeyValueList
              columns={2}
              items={(['orders', 'newOrders', 'identical', 'statusDiffers', 'ordersWithErrors'] as const).map(
                (key) => ({
                  key,
                  label: t(`summary.${key}`),
                  value: <span data-testid={`summary-${key}`}>{summary[key]}</span>,
                }),
              )}
            />
            <p className="mt-3 text-sm text-slate-600">
              {t('summary.historical')}: <span data-testid="summary-historical">{summary.historical}</span>
            </p>
            <p className="mt-1 text-sm text-slate-600">{t('summary.open')}</p>
          </SectionCard>
        )}
        {summary && summary.differences.length > 0 && (
          <SectionCard title={t('differences.title')} flush>
            <RowsTable
              id="import-differences"
              columns={[
                { id: 'ref', header: t('differences.ref'), sticky: true },
                { id: 'number', header: t('differences.number') },
                { id: 'ours', header: t('differences.ours') },
                { id: 'theirs', header: t('differences.theirs') },
              ]}
              rows={summary.differences.map((d) => ({
                id: d.externalRef,
                cells: {
                  ref: d.externalRef,
                  number: d.number,
                  ours: <StatusBadge kind="order" status={d.ours as 'paid'} />,
                  theirs: tStatus(d.theirs as 'paid'),
                },
              }))}
            />
          </SectionCard>
        )}
        {errors.total > 0 && (
          <SectionCard
            title={t('rowErrors.title')}
            description={t('rowErrors.shown', { shown: errors.rows.length, total: errors.total })}
            actions={
              <a
                href={`/orders/import/${progress.id}/errors.csv`}
                className={secondaryButton}
                data-testid="import-errors-csv"
              >
                {t('rowErrors.download')}
              </a>
            }
            flush
          >
            <RowsTable
              id="import-errors"
              columns={[
                { id: 'row', header: t('rowErrors.row'), align: 'right', sticky: true },
                { id: 'ref', header: t('rowErrors.ref') },
                { id: 'column', header: t('rowErrors.column') },
                { id: 'problem', header: t('rowErrors.problem') },
                { id: 'value', header: t('rowErrors.value') },
              ]}
              rows={errors.rows.map((e) => ({
                id: e.id,
                attributes: { 'data-row': e.row, 'data-code': e.code },
                cells: {
                  row: e.row,
                  ref: e.externalRef ?? '',
                  column: e.column,
                  problem: problem(e.code),
                  value: e.value ?? '',
                },
              }))}
            />
          </SectionCard>
        )}
      </div>
    </>
  );
}
