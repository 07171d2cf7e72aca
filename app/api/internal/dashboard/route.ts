import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getDashboardSummary } from '@/domain/analytics/dashboard-summary';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';

/** The dashboard figures for the page's minute-by-minute refresh (same data as its server render). */
export async function GET() {
  const [staff, t] = await Promise.all([getCurrentStaff(), getTranslations('common')]);
  if (!staff) {
    return NextResponse.json({ code: 'unauthenticated', message: t('signedOut') }, { status: 401 });
  }
  if (!can(staff, 'orders.read')) {
    return NextResponse.json({ code: 'forbidden', message: t('forbidden') }, { status: 403 });
  }
  const summary = await getDashboardSummary(getDb());
  return NextResponse.json(summary, { headers: { 'Cache-Control': 'no-store' } });
}
