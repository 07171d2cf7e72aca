import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { safeText } from '@/domain/shared/safe-text';
import { can, type Permission } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';

/** The search text of a form lookup (?q=...): what a person types into a search box. */
export const ZLookupQuery = z.object({
  // safe text: a NUL in ?q= made PostgreSQL refuse the search (500)
  q: safeText().trim().min(1, 'orders.entry.lookup.queryRequired').max(60, 'orders.entry.lookup.queryTooLong'),
});

/**
 * Session, permission and query checks shared by the order form's lookups: the parsed query, or
 * the JSON answer to send instead (401 signed out, 403 role lacks the permission, 400 bad query),
 * with its message in the user's language.
 */
export async function readLookupRequest(
  request: Request,
  permission: Permission,
): Promise<{ ok: true; q: string } | { ok: false; response: NextResponse }> {
  const [staff, t] = await Promise.all([getCurrentStaff(), getTranslations()]);
  if (!staff)
    return {
      ok: false,
      response: NextResponse.json({ code: 'unauthenticated', message: t('common.signedOut') }, { status: 401 }),
    };
  if (!can(staff, permission))
    return {
      ok: false,
      response: NextResponse.json({ code: 'forbidden', message: t('common.forbidden') }, { status: 403 }),
    };

  const params = new URL(request.url).searchParams;
  const parsed = ZLookupQuery.safeParse({ q: params.get('q') ?? '' });
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? 'orders.entry.lookup.queryRequired';
    return {
      ok: false,
      response: NextResponse.json({ code: 'invalid', message: t.has(key) ? t(key) : key }, { status: 400 }),
    };
  }
  return { ok: true, q: parsed.data.q };
}
