'use server';

import { getDb } from '@/db/client';
import { revokeStaffSession } from '@/domain/staff/revoke-staff-session';
import { withAuditContext } from '@/domain/shared/audit-context';
import { auth, signOut } from './auth';
import { getRequestIp } from './request-ip';

/** Ends the session on the server (the cookie alone is no longer accepted) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  const ip = await getRequestIp().catch(() => null);
  if (session?.sessionId) await withAuditContext({ ip }, () => revokeStaffSession(getDb(), session.sessionId!));
  await signOut({ redirectTo: '/sign-in' });
}
