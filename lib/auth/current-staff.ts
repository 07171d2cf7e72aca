import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findActiveSession } from '@/domain/staff/find-active-session';
import { can, type Permission } from '@/domain/staff/permissions';
import type { StaffRole } from '@/domain/staff/roles';
import { auth } from './auth';
import { safeCallbackUrl } from './callback-url';

export interface CurrentStaff { id: number; name: string; email: string; role: StaffRole }

/** Request header the proxy sets to the requested path, so a page can send people back after sign-in. */
export const PATHNAME_HEADER = 'x-oms-pathname';

/**
 * The signed-in staff member, or null. The cookie only names a session; the session row and the
 * account are checked in the database once per request, so sign-out, disabling an account and
 * role changes apply on the next request.
 */
export const getCurrentStaff = cache(async (): Promise<CurrentStaff | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  const active = await findActiveSession(getDb(), session.sessionId, new Date());
  return active?.staff ?? null;
});

/** For pages: the signed-in staff member, or a redirect to sign-in that comes back here. */
export async function requireStaff(): Promise<CurrentStaff> {
  const staff = await getCurrentStaff();
  if (staff) return staff;
  const path = safeCallbackUrl((await headers()).get(PATHNAME_HEADER));
  redirect(path === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}

/** For pages: like requireStaff, and renders the 403 page (app/forbidden.tsx) when the role lacks the permission. */
export async function requirePermission(permission: Permission): Promise<CurrentStaff> {
  const staff = await requireStaff();
  if (!can(staff, permission)) forbidden();
  return staff;
}
