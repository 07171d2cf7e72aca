import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RowsTable } from '@/components/data-table/rows-table';
import { PageHeader } from '@/components/layout/page-header';
import { StatusBadge } from '@/components/ui/badge';
import { secondaryButton } from '@/components/ui/button';
import { SectionCard } from '@/components/ui/section-card';
import { getDb } from '@/db/client';
import { listImports } from '@/domain/import/get-import';
import { getSetting } from '@/domain/settings/get-setting';
import { requirePermission } from '@/lib/auth/current-staff';
import { UploadForm } from './upload-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('import');
  return { title: t('title') };
}

/** Orders → Import: upload a file (checked first, committed on request) and the latest imports. */
export default async function ImportPage() {
  await requirePermission('orders.import');
  const db = getDb();
  const [imports, maxMegabytes, t, format] = await Promise.all([
    listImports(db),
    getSetting(db, 'import_max_megabytes'),
    getTranslations('import'),
    getFormatter(),
  ]);
  const formatName = (f: string) => (t.has(`format.${f}`) ? t(`format.${f}`) : f);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <a href="/orders/import/template.csv" className={secondaryButton} data-testid="import-template">
            {t('template')}
          </a>
        }
      />
      <div className="space-y-4 px-4 py-5 sm:px-6">
        <SectionCard title={t('upload.title')} flush>
          <UploadForm maxMegabytes={maxMegabytes} />
        </SectionCard>
        <SectionCard title={t('recent')} flush>
          <RowsTable
            id="imports-table"
            emptyTitle={t('none')}
            columns={[
              { id: 'file', header: t('columns.file'), sticky: true },
              { id: 'format', header: t('columns.format') },
              { id: 'status', header: t('columns.status') },
              { id: 'rows', header: t('columns.rows'), align: 'right' },
              { id: 'created', header: t('columns.created'), align: 'right' },
              { id: 'errors', header: t('columns.errors'), align: 'right' },
              { id: 'uploadedAt', header: t('columns.uploadedAt') },
            ]}
            rows={imports.map((b) => ({
              id: b.id,
              attributes: { 'data-import': b.id },
              cells: {
                file: (
                  <Link href={`/orders/import/${b.id}`} className="font-medium text-sky-700 hover:underline">
                    #{b.id} {b.fileName}
                  </Link>
                ),
                format: formatName(b.format),
                status: <StatusBadge kind="import" status={b.status} />,
                rows: b.totalRows,
                created: b.ordersCreated,
                errors: b.failedRows,
                uploadedAt: format.dateTime(new Date(b.createdAt), { dateStyle: 'short', timeStyle: 'short' }),
              },
            }))}
          />
        </SectionCard>
      </div>
    </>
  );
}
