import { eq } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { importBatches } from '@/db/schema/system';
import { importErrorsCsv } from '@/domain/import/import-errors-csv';
import { ZImportBatchInput } from '@/domain/import/request-import-commit';
import { ImportFileError } from '@/domain/import/read-import-file';
import { requirePermission } from '@/lib/auth/current-staff';

/** The rows with errors of an import, as a CSV to fix and import again (streamed). */
export async function GET(_request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  await requirePermission('orders.import');
  const parsed = ZImportBatchInput.safeParse({ batchId: (await params).batchId });
  const t = await getTranslations('import');
  if (!parsed.success) return new Response(t('validation.batchInvalid'), { status: 404 });
  const db = getDb();
  const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, parsed.data.batchId));
  if (!batch) return new Response(t('validation.batchInvalid'), { status: 404 });
  const rows = importErrorsCsv(db, batch, {
    errorColumn: t('rowErrors.errorColumn'),
    describe: (e) =>
      `${e.column}: ${t.has(`code.${e.code}`) ? t(`code.${e.code}`) : e.code}${e.value ? ` (${e.value})` : ''}`,
  });
  const encoder = new TextEncoder();
  let first: IteratorResult<string>;
  try {
    first = await rows.next();
  } catch (error) {
    if (error instanceof ImportFileError) return new Response(t(`failure.${error.problem.code}`), { status: 422 });
    throw error;
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="import-${batch.id}-errors.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
