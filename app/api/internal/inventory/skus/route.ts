import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findSkusByCodePrefix } from '@/domain/inventory/find-skus';
import { safeText } from '@/domain/shared/safe-text';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';

// safe text: a NUL in ?q= made PostgreSQL refuse the search (500)
const ZQuery = z.object({ q: safeText().trim().min(1).max(64) });

/** SKU suggestions for the receive form's code picker: ?q=<code prefix>. */
export async function GET(request: Request) {
  const [staff, t] = await Promise.all([getCurrentStaff(), getTranslations('common')]);
  if (!staff) return NextResponse.json({ code: 'unauthenticated', message: t('signedOut') }, { status: 401 });
  if (!can(staff, 'inventory.read'))
    return NextResponse.json({ code: 'forbidden', message: t('forbidden') }, { status: 403 });
  const parsed = ZQuery.safeParse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  if (!parsed.success) return NextResponse.json({ skus: [] }, { headers: { 'Cache-Control': 'no-store' } });
  const skus = await findSkusByCodePrefix(getDb(), parsed.data.q);
  return NextResponse.json({ skus }, { headers: { 'Cache-Control': 'no-store' } });
}
