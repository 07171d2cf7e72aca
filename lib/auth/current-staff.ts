import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findActiveSession, type ActiveSession } from '@/domain/staff/find-active-session';
import { can, type Permission } from '@/domain/staff/permissions';
import type { StaffRole } from '@/domain/staff/roles';
import { auth } from './auth';
import { safeCallbackUrl } from './callback-url';

export interface CurrentStaff {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
}

/** Request header the proxy sets to the requested path, so a page can send people back after sign-in. */
export const PATHNAME_HEADER = 'x-oms-pathname';

/** The one page open to someone who must first change their password or set up two-factor sign-in. */
export const ACCOUNT_PATH = '/account';

/**
 * The current request's live session (with what the person must do first, if anything), or null.
 * The cookie only names a session; the session row and the account are checked in the database
 * once per request, so sign-out, disabling an account, role changes and idle expiry apply at once.
 */
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return findActiveSession(getDb(), session.sessionId, new Date());
});

/**
 * The signed-in staff member, or null. Someone who must still change their password or set up
 * two-factor sign-in counts as not signed in here: only the account page serves them.
 */
export const getCurrentStaff = cache(async (): Promise<CurrentStaff | null> => {
  const active = await getCurrentSession();
  return active && !active.pending ? active.staff : null;
});

/**
 * For pages: the signed-in staff member, or a redirect to sign-in that comes back here. Someone
 * who must first change their password or set up two-factor sign-in is sent to the account page,
 * unless the caller serves them (`allowPending`: the account page, and the shell layout, since
 * every page checks again itself).
 */
export async function requireStaff(options: { allowPending?: boolean } = {}): Promise<CurrentStaff> {
  const active = await getCurrentSession();
  if (active && (!active.pending || options.allowPending)) return active.staff;
  if (active) redirect(ACCOUNT_PATH);
  const path = safeCallbackUrl((await headers()).get(PATHNAME_HEADER));
  redirect(path === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}

/** For pages: like requireStaff, and renders the 403 page (app/forbidden.tsx) when the role lacks the permission. */
export async function requirePermission(permission: Permission): Promise<CurrentStaff> {
  const staff = await requireStaff();
  if (!can(staff, permission)) forbidden();
  return staff;
}
