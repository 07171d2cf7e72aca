import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getImportProgress } from '@/domain/import/get-import';
import { ZImportBatchInput } from '@/domain/import/request-import-commit';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';

/** An import's progress for the page's progress bar (polled while it runs). */
export async function GET(_request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  const [staff, t] = await Promise.all([getCurrentStaff(), getTranslations('common')]);
  if (!staff) return NextResponse.json({ code: 'unauthenticated', message: t('signedOut') }, { status: 401 });
  if (!can(staff, 'orders.import'))
    return NextResponse.json({ code: 'forbidden', message: t('forbidden') }, { status: 403 });
  const parsed = ZImportBatchInput.safeParse({ batchId: (await params).batchId });
  const progress = parsed.success ? await getImportProgress(getDb(), parsed.data.batchId) : null;
  if (!progress) return NextResponse.json({ code: 'not_found', message: t('notFoundBody') }, { status: 404 });
  return NextResponse.json(progress, { headers: { 'Cache-Control': 'no-store' } });
}
