import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { reorderSuggestionsToCsv } from '@/domain/inventory/reorder-csv';
import { listReorderSuggestions, ZReorderOptions } from '@/domain/inventory/reorder-suggestions';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';

/** The reorder suggestions as a CSV download (?days=30&safety=3), for staff who may read inventory. */
export async function GET(request: Request) {
  const [staff, common] = await Promise.all([getCurrentStaff(), getTranslations('common')]);
  if (!staff) return NextResponse.json({ code: 'unauthenticated', message: common('signedOut') }, { status: 401 });
  if (!can(staff, 'inventory.read'))
    return NextResponse.json({ code: 'forbidden', message: common('forbidden') }, { status: 403 });

  const params = new URL(request.url).searchParams;
  const parsed = ZReorderOptions.safeParse({
    days: params.get('days') ?? undefined,
    safetyDays: params.get('safety') ?? undefined,
  });
  if (!parsed.success) {
    const t = await getTranslations('inventory.reorder');
    return NextResponse.json(
      { code: 'invalid', message: `${t('days')}: 1–365, ${t('safetyDays')}: 0–90` },
      { status: 400 },
    );
  }
  const [rows, t] = await Promise.all([
    listReorderSuggestions(getDb(), parsed.data),
    getTranslations('inventory.reorder.columns'),
  ]);
  const csv = reorderSuggestionsToCsv(rows, {
    skuCode: t('skuCode'),
    skuName: t('skuName'),
    variant: t('variant'),
    productName: t('productName'),
    unitsSold: t('unitsSold'),
    velocityPerDay: t('velocityPerDay'),
    leadTimeDays: t('leadTimeDays'),
    safetyDays: t('safetyDays'),
    available: t('available'),
    incoming: t('incoming'),
    suggestedQuantity: t('suggestedQuantity'),
  });
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new NextResponse(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="reorder-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
